from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from accounts.choices import Sector
from accounts.models import Organisation
from networks.choices import MemberRole, Trust
from networks.models import CareNetwork, Membership, SharingConsent, Supporter
from networks.services import consent_keeper, consent_may_change, joins_without_consent, network_may_set_lead
from zorgnetwerk.forms import ModelChoiceField, ModelMultipleChoiceField, PersonNameField, model_choice_formfield

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MembershipChoiceField(ModelChoiceField):
    def label_from_instance(self, membership):
        return f"{membership.supporter.full_name} ({membership.get_role_display()})"


class NetworkForm(forms.ModelForm):
    """The network's details; the lead and the others are chosen among its active members."""

    class Meta:
        model = CareNetwork
        fields = ["intensity", "lead", "continuity_figure", "next_contact_on", "next_contact_by"]
        field_classes = {
            "lead": MembershipChoiceField,
            "continuity_figure": MembershipChoiceField,
            "next_contact_by": MembershipChoiceField,
        }
        widgets = {"next_contact_on": DATE_INPUT}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        members = Membership.objects.active().filter(network=self.instance).select_related("supporter")
        for name in ("lead", "continuity_figure", "next_contact_by"):
            self.fields[name].queryset = members
        # The lead role moves only when the lead passes it on (networks.services.network_may_set_lead).
        if self.instance.lead_id is not None:
            self.fields["lead"].required = True
        if not network_may_set_lead(network=self.instance, user=user):
            self.fields["lead"].disabled = True
            self.fields["lead"].required = False
            self.fields["lead"].help_text = (
                _("Only the current lead can hand the lead role to another member.")
                if self.instance.lead_id is not None
                else _("This network has no lead. An administrator appoints one.")
            )


class SupporterChoiceField(ModelChoiceField):
    def label_from_instance(self, supporter):
        details = ", ".join(part for part in (supporter.function, getattr(supporter.organisation, "name", "")) if part)
        return f"{supporter.full_name} ({details})" if details else supporter.full_name


def supporters_user_may_know(*, user, network: CareNetwork, query: str = ""):
    """The picker's list: supporters the user may know, not yet in this network.

    Colleagues of the user's own organisation, members of the networks the user is in, and the
    youth's own family and volunteers; never a flat list of every supporter in the system. `query`
    narrows it by words of the name, function or organisation.
    """
    from networks.models import CareNetwork as Network

    already_in = Membership.objects.active().filter(network=network, supporter=OuterRef("pk"))
    of_the_youth = Membership.objects.filter(network__youth_id=network.youth_id, supporter=OuterRef("pk"))
    in_my_networks = Membership.objects.active().filter(
        network__in=Network.objects.visible_to(user), supporter=OuterRef("pk")
    )
    usable = Q(organisation__is_active=True, organisation__status=Organisation.Status.APPROVED)
    known = usable & Exists(in_my_networks)
    if user.organisation_id:
        known |= usable & Q(organisation_id=user.organisation_id)
    # A pending organisation's people are in nobody's picker until an admin approves it.
    supporters = (
        Supporter.objects.filter(known | Exists(of_the_youth))
        .exclude(organisation__status=Organisation.Status.PENDING)
        .exclude(Exists(already_in))
    )
    for word in (query or "").split()[:5]:
        supporters = supporters.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(function__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return supporters.select_related("organisation").order_by("first_name", "last_name", "pk")


class SupporterSearchForm(forms.Form):
    q = forms.CharField(label=_("Search someone you know"), max_length=100, required=False)


class SeveralMembersForm(forms.Form):
    """Several known supporters at once, each in the role of their organisation's sector."""

    supporters = ModelMultipleChoiceField(
        label=_("Supporters you know"),
        queryset=Supporter.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each joins in the usual role of their sector; change a role later on the network page."),
    )
    share_consent = forms.BooleanField(
        label=_("The youth agrees to share information with the organisations of the people chosen"),
        required=False,
        help_text=_("Needed for an organisation that is not yet in the network."),
    )

    def __init__(self, *args, network: CareNetwork, user, query: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.fields["supporters"].queryset = supporters_user_may_know(user=user, network=network, query=query)
        self.fields["supporters"].label_from_instance = SupporterChoiceField.label_from_instance.__get__(
            self.fields["supporters"]
        )


class MembershipForm(forms.Form):
    """Add a member: an existing supporter, or a new one made in the same form.

     An organisation joins only with the youth's consent to share information with it
    ; the form asks for that consent when it is not yet recorded.
    """

    supporter = SupporterChoiceField(
        label=_("Existing supporter"),
        queryset=Supporter.objects.none(),
        required=False,
        help_text=_("Choose someone who is already known, or fill in a new supporter below."),
    )
    new_first_name = PersonNameField(label=_("First name"), max_length=100, required=False)
    new_last_name = PersonNameField(label=_("Last name"), max_length=100, required=False)
    new_function = forms.CharField(
        label=_("Function"), max_length=100, required=False, help_text=_("For example: voogd, buddy, tolk, oom.")
    )
    new_organisation = ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.usable(),
        required=False,
        help_text=_("Leave empty for family members and volunteers."),
    )
    new_email = forms.EmailField(label=_("E-mail"), required=False)
    new_phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    role = forms.ChoiceField(label=_("Role in this network"), choices=[("", "---------")] + MemberRole.choices)
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("From the organisation"))] + Sector.choices,
        required=False,
        help_text=_("Taken from the organisation when left empty."),
    )
    continues_after_18 = forms.BooleanField(label=_("Stays after 18"), required=False)
    youth_trust = forms.ChoiceField(
        label=_("How much the youth trusts this person"),
        choices=Trust.choices,
        required=False,
        help_text=_("The youth's own view; optional."),
    )
    joins_online = forms.BooleanField(
        label=_("Joins online"), required=False, help_text=_("For example family in the country of origin.")
    )
    share_consent = forms.BooleanField(
        label=_("The youth agrees to share information with this organisation"),
        required=False,
        help_text=_("Needed when the youth has not yet agreed to share with the supporter's organisation."),
    )

    def __init__(self, *args, network: CareNetwork, user, query: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.user = user
        self.fields["supporter"].queryset = supporters_user_may_know(user=user, network=network, query=query)

    def clean(self):
        cleaned = super().clean()
        supporter = cleaned.get("supporter")
        new_names = cleaned.get("new_first_name") or cleaned.get("new_last_name")
        if supporter and new_names:
            raise forms.ValidationError(_("Choose an existing supporter or fill in a new one, not both."))
        if not supporter and not new_names:
            raise forms.ValidationError(_("Choose an existing supporter or fill in a new one."))
        if not supporter and not cleaned.get("new_first_name"):
            self.add_error("new_first_name", _("Give the first name of the new supporter."))
        organisation = supporter.organisation if supporter else cleaned.get("new_organisation")
        needs_consent = joins_without_consent(network=self.network, organisation=organisation)
        if (
            needs_consent
            and cleaned.get("share_consent")
            and not consent_may_change(youth=self.network.youth, organisation=organisation, user=self.user)
        ):
            self.add_error(
                "share_consent",
                _(
                    "Only the lead, the guardian or a member of %(organisation)s can record the youth's "
                    "consent to share information with %(organisation)s. Ask one of them."
                )
                % {"organisation": organisation.name},
            )
        if needs_consent and not cleaned.get("share_consent"):
            label = _("The youth agrees to share information with %(organisation)s") % {
                "organisation": organisation.name
            }
            # The bound field already copied the label while the fields were cleaned: set both.
            self.fields["share_consent"].label = label
            self["share_consent"].label = label
            self.add_error(
                "share_consent",
                _(
                    "The youth has not agreed to share information with %(organisation)s. "
                    "Ask the youth first and tick this box."
                )
                % {"organisation": organisation.name},
            )
        return cleaned

    def service_arguments(self) -> dict:
        """The keyword arguments for networks.services.network_join."""
        data = self.cleaned_data
        new_supporter = None
        if not data["supporter"]:
            new_supporter = {
                "first_name": data["new_first_name"],
                "last_name": data["new_last_name"],
                "function": data["new_function"],
                "organisation": data["new_organisation"],
                "email": data["new_email"],
                "phone": data["new_phone"],
            }
        return {
            "supporter": data["supporter"],
            "new_supporter": new_supporter,
            "share_consent": data["share_consent"],
            "role": data["role"],
            "sector": data["sector"],
            "continues_after_18": data["continues_after_18"],
            "youth_trust": data["youth_trust"],
            "joins_online": data["joins_online"],
        }


class SharingConsentForm(forms.ModelForm):
    """Record the youth's consent to share with one organisation."""

    class Meta:
        model = SharingConsent
        fields = ["organisation", "given_on"]
        formfield_callback = model_choice_formfield
        widgets = {"given_on": DATE_INPUT}

    def __init__(self, *args, youth, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.youth = youth
        consented = SharingConsent.objects.active().filter(youth=youth, organisation=OuterRef("pk"))
        organisations = Organisation.objects.usable().exclude(Exists(consented))
        if not consent_keeper(youth=youth, user=user):
            # "Consent is recorded ... by the lead, the guardian, or a member of that organisation."
            organisations = organisations.filter(pk=user.organisation_id)
        self.fields["organisation"].queryset = organisations


class MembershipEndForm(forms.Form):
    """Ending a membership; a reason is required when it is someone else's (the lead's decision)."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=200,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The reason goes to the timeline and to the organisation of the member."),
    )

    def __init__(self, *args, reason_required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        if not reason_required:
            self.fields["reason"].help_text = _("Optional. It goes to the timeline.")


class OrganisationProposalForm(forms.Form):
    """Propose a partner the app does not know yet, with the person there who supports the youth."""

    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "---------")] + Sector.choices)
    contact_first_name = PersonNameField(label=_("First name of the contact"), max_length=100)
    contact_last_name = PersonNameField(label=_("Last name of the contact"), max_length=100, required=False)
    contact_email = forms.EmailField(label=_("E-mail of the contact"))
    contact_role = forms.ChoiceField(
        label=_("Role of the contact person in this network"), choices=[("", "---------")] + MemberRole.choices
    )
    share_consent = forms.BooleanField(
        label=_("The youth agrees to share information with this organisation"),
        required=False,
        help_text=_(
            "The contact joins when an administrator approves the organisation and the youth's consent is recorded."
        ),
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        known = Organisation.objects.filter(name__iexact=name).select_related("proposal").first()
        if known is not None:
            proposal = getattr(known, "proposal", None)
            if proposal is not None and proposal.status == proposal.Status.REJECTED:
                raise forms.ValidationError(
                    _("%(name)s was proposed before and not approved: %(reason)s")
                    % {"name": known.name, "reason": proposal.rejection_reason}
                )
            raise forms.ValidationError(
                _("%(name)s is already known or proposed. Search for its people above.") % {"name": name}
            )
        return name


MAX_ANSWER_LINES = 10


def answer_lines(text: str) -> list[str]:
    """The youth's "who supports me now", one person or service a line ("Mijn voogd, mijn leerkracht en ...")."""
    import re

    parts = re.split(r"[\n;,]+|\s+(?:en|and|et)\s+", text or "")
    lines = [part.strip().lstrip("-*•·").strip().rstrip(".").strip() for part in parts]
    return [line for line in lines if line][:MAX_ANSWER_LINES]


class AnswerToMembersForm(forms.Form):
    """The youth's answer as a checklist: for each line a supporter the user may know, or skip it.

    Playbook: "Bevraag bij de jongeren zelf wie hen allemaal ondersteunt". The list is the
    narrowed picker's (supporters_user_may_know), read once for all lines.
    """

    share_consent = forms.BooleanField(
        label=_("The youth agrees to share information with the organisations of the people chosen"),
        required=False,
        help_text=_("Needed for an organisation that is not yet in the network."),
    )

    def __init__(self, *args, network: CareNetwork, user, answer: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.lines = answer_lines(answer)
        self.known = {supporter.pk: supporter for supporter in supporters_user_may_know(user=user, network=network)}
        label = SupporterChoiceField.label_from_instance
        choices = [("", _("Skip: nobody to add"))] + [(pk, label(None, s)) for pk, s in self.known.items()]
        for index, line in enumerate(self.lines):
            self.fields[f"line_{index}"] = forms.TypedChoiceField(
                label=line, choices=choices, coerce=int, empty_value=None, required=False
            )
            guess = self._guess(line)
            if guess is not None:
                self.initial.setdefault(f"line_{index}", guess.pk)
        self.fields["share_consent"] = self.fields.pop("share_consent")  # after the lines

    def _guess(self, line: str):
        """The one known supporter whose first name or function the line names, if exactly one."""
        words = {word.strip(".!?()").lower() for word in line.split()}
        matches = [
            supporter
            for supporter in self.known.values()
            if supporter.first_name.lower() in words or (supporter.function and supporter.function.lower() in words)
        ]
        return matches[0] if len(matches) == 1 else None

    def line_fields(self):
        return [self[f"line_{index}"] for index in range(len(self.lines))]

    def clean(self):
        cleaned = super().clean()
        chosen = []
        for index in range(len(self.lines)):
            pk = cleaned.get(f"line_{index}")
            if pk is not None and self.known[pk] not in chosen:
                chosen.append(self.known[pk])
        if not chosen and not self.errors:
            raise forms.ValidationError(_("Choose at least one supporter, or add them as someone new below."))
        cleaned["supporters"] = chosen
        return cleaned
