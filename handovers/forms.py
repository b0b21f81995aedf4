"""Forms of the warm handover and of closing a network. They narrow their choices to the network."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from handovers.models import Handover, HandoverReason, TransitionDomain
from handovers.services import handover_leavers_for
from networks.choices import ClosureReason, MemberRole
from networks.models import Membership, Supporter
from networks.services import joins_without_consent
from zorgnetwerk.forms import ModelChoiceField, PersonNameField
from zorgnetwerk.limits import TEXT_LONG, TEXT_SHORT


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class SupporterChoiceField(ModelChoiceField):
    def label_from_instance(self, supporter):
        details = ", ".join(part for part in (supporter.function, str(supporter.organisation or "")) if part)
        return f"{supporter.full_name} ({details})" if details else supporter.full_name


class LeaverChoiceField(ModelChoiceField):
    def label_from_instance(self, membership):
        return f"{membership.supporter.full_name} ({membership.get_role_display()})"


def successors_known_to(network):
    """The supporters a member may hand over to: those the add-member form offers (networks/forms.py).

    Supporters of active partner organisations, and the family and volunteers of this youth (a
    supporter without organisation who is or was a member of one of the youth's networks). Never
    the family of other youths, who are known only in their own networks, nor after that youth's
    erasure. Members of this network stay in the list: one of them may take over.
    """
    family_of_youth = Membership.objects.filter(network__youth_id=network.youth_id, supporter=OuterRef("pk"))
    return (
        Supporter.objects.filter(Q(organisation__is_active=True) | Exists(family_of_youth))
        .exclude(organisation__status=Organisation.Status.PENDING)
        .select_related("organisation")
        .order_by("last_name", "first_name", "pk")
    )


class HandoverStartForm(forms.Form):
    EXISTING, NEW = "existing", "new"

    leaver = LeaverChoiceField(
        label=_("Who leaves"), queryset=None, help_text=_("Until the successor accepts, this member keeps access.")
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=HandoverReason.choices)
    successor_kind = forms.ChoiceField(
        label=_("Successor"),
        choices=[(EXISTING, _("Someone already known in Zorgnetwerk")), (NEW, _("Someone new"))],
        initial=EXISTING,
        widget=forms.RadioSelect,
    )
    successor = SupporterChoiceField(label=_("Choose the successor"), queryset=None, required=False)
    new_first_name = PersonNameField(label=_("First name of the new supporter"), max_length=100, required=False)
    new_last_name = PersonNameField(label=_("Last name of the new supporter"), max_length=100, required=False)
    new_function = forms.CharField(
        label=_("Function of the new supporter"),
        max_length=100,
        required=False,
        help_text=_("For example: vervolgschoolcoach, woonbegeleider, jobcoach."),
    )
    new_organisation = ModelChoiceField(
        label=_("Organisation of the new supporter"),
        queryset=Organisation.objects.usable(),
        required=False,
        help_text=_("Leave empty for family members and volunteers."),
    )
    new_email = forms.EmailField(label=_("E-mail of the new supporter"), required=False)
    new_phone = forms.CharField(label=_("Phone of the new supporter"), max_length=50, required=False)
    successor_role = forms.ChoiceField(label=_("Role of the successor in this network"), choices=MemberRole.choices)
    note = forms.CharField(
        label=_("Handover note"),
        max_length=TEXT_LONG,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What works with this youth, what to watch, open actions and who owns them now."),
    )
    introduced_to_youth = forms.BooleanField(label=_("The successor has been introduced to the youth"), required=False)
    actions_reassigned = forms.BooleanField(
        label=_("Open actions are reassigned (they move to the successor on acceptance)"), required=False
    )
    next_meeting_known = forms.BooleanField(label=_("The successor knows the next meeting"), required=False)
    documents_shared = forms.BooleanField(label=_("Documents are shared with the successor"), required=False)
    handover_on = forms.DateField(label=_("Handover date"), widget=DateInput(), initial=timezone.localdate)
    share_consent = forms.BooleanField(
        label=_("The youth agrees to share information with the successor's organisation"),
        required=False,
        help_text=_("Needed when the youth has not yet agreed to share with that organisation."),
    )

    def __init__(self, *args, network, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        leavers = handover_leavers_for(user, network)
        self.fields["leaver"].queryset = leavers
        own = next((m for m in leavers if m.supporter.user_id == user.pk), None)
        if own is not None:
            self.fields["leaver"].initial = own.pk
        self.fields["successor"].queryset = successors_known_to(network)

    def clean(self):
        data = super().clean()
        leaver = data.get("leaver")
        if data.get("successor_kind") == self.NEW:
            for field in ("new_first_name", "new_last_name"):
                if not data.get(field):
                    self.add_error(field, _("Give the first and last name of the new supporter."))
            email = data.get("new_email")
            if email and self.fields["successor"].queryset.filter(email__iexact=email).exists():
                self.add_error(
                    "new_email", _("A supporter with this e-mail address exists already: choose them from the list.")
                )
        elif data.get("successor_kind") == self.EXISTING:
            successor = data.get("successor")
            if successor is None:
                self.add_error("successor", _("Choose the successor, or add someone new."))
            elif leaver is not None and successor.pk == leaver.supporter_id:
                self.add_error("successor", _("The successor must be someone else than the member who leaves."))
        successor = data.get("successor") if data.get("successor_kind") == self.EXISTING else None
        organisation = successor.organisation if successor else data.get("new_organisation")
        if not data.get("share_consent") and joins_without_consent(network=self.network, organisation=organisation):
            self.add_error(
                "share_consent",
                _(
                    "The youth has not agreed to share information with %(organisation)s. "
                    "Ask the youth first and tick this box."
                )
                % {"organisation": organisation.name},
            )
        if leaver is not None and Handover.objects.pending().filter(leaver=leaver).exists():
            self.add_error(
                "leaver",
                _("This member already has a handover waiting for acceptance. Wait for the answer first."),
            )
        return data

    def new_successor_fields(self) -> dict | None:
        if self.cleaned_data["successor_kind"] != self.NEW:
            return None
        return {
            "first_name": self.cleaned_data["new_first_name"],
            "last_name": self.cleaned_data["new_last_name"],
            "function": self.cleaned_data["new_function"],
            "organisation": self.cleaned_data["new_organisation"],
            "email": self.cleaned_data["new_email"],
            "phone": self.cleaned_data["new_phone"],
        }


class HandoverDeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you decline?"),
        max_length=TEXT_SHORT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your answer goes to the lead of the network, who looks for someone else."),
    )


class NetworkCloseForm(forms.Form):
    closure_reason = forms.ChoiceField(label=_("Reason for closing"), choices=ClosureReason.choices)
    closure_note = forms.CharField(
        label=_("Final note"),
        max_length=TEXT_SHORT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Where does the youth stand, who stays in touch, what was agreed."),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that every organisation except the lead's loses access and that the network becomes "
            "read-only until it is reopened."
        ),
    )


class TransitionConfirmForm(forms.Form):
    """Confirm one item of the turning-18 checklist, with a note on what was arranged (or take it back)."""

    domain = forms.ChoiceField(choices=TransitionDomain.choices, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("What was arranged?"),
        required=False,
        max_length=TEXT_SHORT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("With whom, until when; no more than the network needs."),
    )
    undo = forms.BooleanField(required=False, widget=forms.HiddenInput)
