"""Forms of the plan pages. Each takes the network and narrows its choices to that network."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from actionplans.ics import BRUSSELS
from actionplans.models import (
    ActionPlan,
    BarrierCategory,
    BarrierStatus,
    Domain,
    InterpreterStatus,
    Offer,
    ReferralFailureReason,
    ReferralStatus,
)
from actionplans.selectors import active_members
from actionplans.services.plans import PLAN_FIELDS, REFERRAL_NEXT
from zorgnetwerk.forms import ModelChoiceField, ModelMultipleChoiceField
from zorgnetwerk.limits import TEXT_LONG, TEXT_SHORT

YOUTH = "youth"


class Form(forms.Form):
    """A form whose labels start with a capital, as Django does for labels taken from a model.

    The labels share their (lowercase) msgids with the models' verbose names.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.label:
                field.label = capfirst(field.label)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class MemberChoiceField(ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.supporter.full_name} ({obj.get_role_display()})"


class MembersChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        email = obj.supporter.email or _("no e-mail")
        return f"{obj.supporter.full_name} ({obj.get_role_display()}, {email})"


def _textarea(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class PlanForm(forms.ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = ActionPlan
        fields = PLAN_FIELDS
        widgets = {name: _textarea() for name in PLAN_FIELDS}
        help_texts = {
            "question_for_help": _("Start from the question you prepared with the youth."),
            "strengths": _("Start from the strengths and talents: a positive story first."),
        }


class ActionForm(Form):
    domain = forms.ChoiceField(label=_("domain"), choices=Domain.choices)
    description = forms.CharField(label=_("what"), max_length=500, widget=_textarea(2))
    who = forms.ChoiceField(label=_("who takes it on"))
    deadline = forms.DateField(label=_("deadline"), widget=DateInput())

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {str(m.pk): m for m in active_members(network)}
        self.fields["who"].choices = [
            ("", "---------"),
            (YOUTH, _("%(name)s (the youth)") % {"name": network.youth.first_name}),
            *((pk, f"{m.supporter.full_name} ({m.get_role_display()})") for pk, m in self.members.items()),
        ]

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if not self.initial.get("deadline") and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        who = data.pop("who")
        return {**data, "owner": self.members.get(who), "owner_is_youth": who == YOUTH}


class ActionCompleteForm(Form):
    result = forms.CharField(
        label=_("result"), max_length=TEXT_SHORT, widget=_textarea(), help_text=_("What came of it?")
    )


class ActionDropForm(Form):
    reason = forms.CharField(label=_("why dropped"), max_length=300)


class ActionEvaluateForm(Form):
    attained = forms.TypedChoiceField(
        label=_("attained?"),
        choices=[("yes", _("Attained")), ("no", _("Not attained"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("why (not) attained"), max_length=300)


class BarrierForm(Form):
    category = ModelChoiceField(label=_("category"), queryset=BarrierCategory.objects.none())
    description = forms.CharField(label=_("description"), max_length=TEXT_LONG, widget=_textarea())
    helper = MemberChoiceField(label=_("who helps remove it"), queryset=None, required=False)
    status = forms.ChoiceField(label=_("status"), choices=BarrierStatus.choices, initial=BarrierStatus.OPEN)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = BarrierCategory.objects.filter(is_active=True)
        self.fields["helper"].queryset = active_members(network)


class ReferralForm(Form):
    offer = ModelChoiceField(
        label=_("offer"),
        queryset=Offer.objects.none(),
        required=False,
        help_text=_("From the catalogue; or name the partner below."),
    )
    partner = forms.CharField(label=_("other partner"), max_length=200, required=False)
    reason = forms.CharField(label=_("why"), max_length=TEXT_SHORT, widget=_textarea())
    referred_by = MemberChoiceField(label=_("referred by"), queryset=None, required=False)
    sent_on = forms.DateField(label=_("sent on"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = Offer.objects.filter(is_active=True)
        self.fields["referred_by"].queryset = active_members(network)

    def clean(self):
        data = super().clean()
        if not data.get("offer") and not (data.get("partner") or "").strip():
            raise forms.ValidationError(_("Choose an offer or name the partner."))
        if data.get("offer") and (data.get("partner") or "").strip():
            raise forms.ValidationError(_("Choose an offer or name a partner, not both."))
        return data


class ReferralStatusForm(Form):
    status = forms.ChoiceField(label=_("new status"))
    succeeded = forms.TypedChoiceField(
        label=_("did it succeed?"),
        choices=[("", "---------"), ("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        help_text=_("Only when the referral is done."),
    )
    failure_reason = forms.ChoiceField(
        label=_("reason it did not work"),
        choices=[("", "---------"), *ReferralFailureReason.choices],
        required=False,
        help_text=_("Needed when the referral is refused or did not succeed."),
    )
    failure_note = forms.CharField(label=_("explanation"), max_length=300, required=False)

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status, ReferralStatus(status).label) for status in REFERRAL_NEXT[ReferralStatus(referral.status)]
        ]


class QuestionRouteForm(Form):
    question = forms.CharField(
        label=_("question"), max_length=300, help_text=_("In the youth's words, e.g. 'a problem with my money'.")
    )
    member = MemberChoiceField(label=_("whom"), queryset=None)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = active_members(network)


class EvaluationForm(Form):
    held_on = forms.DateField(label=_("date"), widget=DateInput(), initial=timezone.localdate)
    went_well = forms.CharField(label=_("what went well"), max_length=TEXT_SHORT, widget=_textarea())
    changes = forms.CharField(label=_("what changes"), max_length=TEXT_SHORT, widget=_textarea(), required=False)


class NetworkUpdateForm(Form):
    note = forms.CharField(
        label=_("a word from you (optional)"),
        max_length=TEXT_SHORT,
        widget=_textarea(3),
        required=False,
        help_text=_("The message adds the decisions, the open actions and the next meeting itself."),
    )


class FollowUpForm(Form):
    next_contact_on = forms.DateField(label=_("next contact"), widget=DateInput(), required=False)
    next_contact_by = MemberChoiceField(label=_("responsible for the next contact"), queryset=None, required=False)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["next_contact_by"].queryset = active_members(network)

    def clean(self):
        data = super().clean()
        if data.get("next_contact_on") and not data.get("next_contact_by"):
            self.add_error("next_contact_by", _("Say who is responsible for the next contact."))
        return data


class LeadRotateForm(Form):
    new_lead = MemberChoiceField(label=_("new lead (trekker)"), queryset=None)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_lead"].queryset = active_members(network).exclude(pk=network.lead_id)


def _combine(day: datetime.date, moment: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, moment, tzinfo=BRUSSELS)


class MeetingForm(Form):
    """Date and times are Brussels time, whatever the server's clock says."""

    date = forms.DateField(label=_("date"), widget=DateInput())
    start_time = forms.TimeField(label=_("from"), widget=TimeInput())
    end_time = forms.TimeField(label=_("until"), widget=TimeInput())
    location = forms.CharField(label=_("place"), max_length=200, required=False)
    online_link = forms.URLField(
        label=_("online link"), required=False, assume_scheme="https", help_text=_("For family or members online.")
    )
    agenda = forms.CharField(label=_("agenda"), max_length=TEXT_LONG, widget=_textarea(4), required=False)
    invited = MembersChoiceField(
        label=_("invite"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every invited member with an e-mail address receives a calendar invitation."),
    )
    interpreter = forms.ChoiceField(
        label=_("interpreter"),
        choices=InterpreterStatus.choices,
        required=False,
        help_text=_("Book one through Sociaal Tolken & Vertalen (Agentschap Integratie & Inburgering)."),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invited"].queryset = active_members(network)
        language = network.youth.interpreter_language
        if language:
            # The prompt: the youth needs an interpreter, so "needed" until someone books one.
            self.fields["interpreter"].help_text = _(
                "%(youth)s needs an interpreter for %(language)s. Book one through Sociaal Tolken & Vertalen "
                "(Agentschap Integratie & Inburgering)."
            ) % {"youth": network.youth.first_name, "language": language}
            self.fields["interpreter"].initial = self.initial.get("interpreter") or InterpreterStatus.NEEDED

    @classmethod
    def initial_from(cls, meeting) -> dict:
        starts, ends = meeting.starts_at.astimezone(BRUSSELS), meeting.ends_at.astimezone(BRUSSELS)
        return {
            "date": starts.date(),
            "start_time": starts.time(),
            "end_time": ends.time(),
            "location": meeting.location,
            "online_link": meeting.online_link,
            "agenda": meeting.agenda,
            "invited": list(meeting.invited.all()),
            "interpreter": meeting.interpreter,
        }

    def clean(self):
        data = super().clean()
        if not (data.get("location") or data.get("online_link")) and not self.errors:
            raise forms.ValidationError(_("Give a place or an online link."))
        if data.get("date") and data.get("start_time") and data.get("end_time"):
            data["starts_at"] = _combine(data["date"], data["start_time"])
            data["ends_at"] = _combine(data["date"], data["end_time"])
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end_time", _("The meeting must end after it starts."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        keys = ("starts_at", "ends_at", "location", "online_link", "agenda", "invited", "interpreter")
        return {key: data[key] for key in keys}


class MeetingRecordForm(Form):
    attended = MembersChoiceField(
        label=_("who attended"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    youth_present = forms.BooleanField(label=_("the youth was present"), required=False)
    interpreter_present = forms.BooleanField(label=_("an interpreter was present"), required=False)
    family_online = forms.BooleanField(label=_("family joined online"), required=False)
    notes = forms.CharField(label=_("notes"), max_length=TEXT_LONG, widget=_textarea(5), required=False)
    decisions = forms.CharField(
        label=_("decisions"),
        max_length=TEXT_LONG,
        widget=_textarea(4),
        required=False,
        help_text=_("Keep it action-oriented: a network that becomes a talking shop will not survive."),
    )
    next_date = forms.DateField(label=_("next round table: date"), widget=DateInput(), required=False)
    next_start_time = forms.TimeField(label=_("next round table: from"), widget=TimeInput(), required=False)
    next_end_time = forms.TimeField(label=_("next round table: until"), widget=TimeInput(), required=False)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].queryset = active_members(network)

    def clean(self):
        data = super().clean()
        parts = [data.get("next_date"), data.get("next_start_time"), data.get("next_end_time")]
        data["next_starts_at"] = data["next_ends_at"] = None
        if any(parts) and not all(parts):
            raise forms.ValidationError(_("Give the date, start and end of the next round table, or none of them."))
        if all(parts):
            data["next_starts_at"] = _combine(parts[0], parts[1])
            data["next_ends_at"] = _combine(parts[0], parts[2])
            if data["next_ends_at"] <= data["next_starts_at"]:
                self.add_error("next_end_time", _("The meeting must end after it starts."))
            elif data["next_starts_at"] <= timezone.now():
                self.add_error("next_date", _("The next round table must be in the future."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        keys = (
            "attended",
            "youth_present",
            "interpreter_present",
            "family_online",
            "notes",
            "decisions",
            "next_starts_at",
            "next_ends_at",
        )
        return {key: data[key] for key in keys}
