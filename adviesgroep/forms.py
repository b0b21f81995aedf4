import re

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from actionplans.forms import ActionForm
from actionplans.models import Barrier, BarrierCategory, BarrierStatus
from adviesgroep.models import Lesson, Signal, SignalKind, SignalStatus, Theme
from adviesgroep.pseudonyms import texts_are_pseudonymous
from adviesgroep.selectors import Quarter
from zorgnetwerk.forms import ModelChoiceField, model_choice_formfield
from zorgnetwerk.limits import TEXT_LONG


def _active_categories():
    return BarrierCategory.objects.filter(is_active=True).order_by("order", "name")


def _require_pseudonymous(form, *, texts: dict, networks, sender=None, share_more_fields=()) -> None:
    """The form's side of pseudonyms.texts_are_pseudonymous: each finding becomes a field error."""
    try:
        texts_are_pseudonymous(texts=texts, networks=networks, sender=sender, share_more_fields=share_more_fields)
    except ValidationError as error:
        form.add_error(None, error)


class SignalForm(forms.ModelForm):
    """A network member's signal; the case summary is pre-filled pseudonymised and stays editable."""

    class Meta:
        model = Signal
        fields = ["kind", "theme", "categories", "question", "case_summary", "share_more", "source_barrier"]
        formfield_callback = model_choice_formfield
        widgets = {
            "categories": forms.CheckboxSelectMultiple,
            "question": forms.Textarea(attrs={"rows": 4}),
            "case_summary": forms.Textarea(attrs={"rows": 7}),
            "source_barrier": forms.HiddenInput,
        }

    def __init__(self, *args, network, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.user = user
        self.fields["categories"].queryset = _active_categories()
        self.fields["source_barrier"].queryset = Barrier.objects.filter(plan__network=network)
        self.fields["source_barrier"].required = False

    def clean(self):
        cleaned = super().clean()
        texts = {"question": cleaned.get("question", "")}
        if not cleaned.get("share_more"):
            texts["case_summary"] = cleaned.get("case_summary", "")
        _require_pseudonymous(
            self, texts=texts, networks=[self.network], sender=self.user, share_more_fields=("case_summary",)
        )
        return cleaned


class InboxFilterForm(forms.Form):
    PERIOD_THIS = "this"
    PERIOD_LAST = "last"
    PERIOD_CHOICES = [
        ("", _("Any time")),
        (PERIOD_THIS, _("This quarter")),
        (PERIOD_LAST, _("Last quarter")),
    ]
    REVIEWER_CHOICES = [("", _("Anyone")), ("me", _("Me")), ("none", _("Nobody yet"))]

    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All"))] + SignalStatus.choices)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All"))] + SignalKind.choices)
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=[("", _("All"))] + Theme.choices)
    category = ModelChoiceField(
        label=_("Barrier category"), required=False, queryset=BarrierCategory.objects.none(), empty_label=_("All")
    )
    reviewer = forms.ChoiceField(label=_("Reviewer"), required=False, choices=REVIEWER_CHOICES)
    period = forms.ChoiceField(label=_("Period"), required=False, choices=PERIOD_CHOICES)
    sent_from = forms.DateField(
        label=_("Sent from"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    sent_until = forms.DateField(
        label=_("Sent until"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = BarrierCategory.objects.order_by("order", "name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("sent_from"), cleaned.get("sent_until")
        if start and end and end < start:
            self.add_error("sent_until", _("The end of the period cannot be before its start."))
        return cleaned

    def selection(self) -> dict:
        """The filters as keyword arguments of selectors.inbox_signals (empty when invalid)."""
        from adviesgroep.selectors import _aware

        if not self.is_valid():
            return {}
        data = self.cleaned_data
        start = end = None
        if data["period"] in (self.PERIOD_THIS, self.PERIOD_LAST):
            quarter = Quarter.current()
            if data["period"] == self.PERIOD_LAST:
                quarter = quarter.previous
            start, end = quarter.start_at, quarter.end_at
        if data.get("sent_from"):
            start = _aware(data["sent_from"])
        if data.get("sent_until"):
            import datetime

            end = _aware(data["sent_until"] + datetime.timedelta(days=1))
        return {
            "status": data["status"],
            "kind": data["kind"],
            "theme": data["theme"],
            "category": data["category"],
            "reviewer": data["reviewer"],
            "start": start,
            "end": end,
        }


class ReviewerForm(forms.Form):
    reviewer = ModelChoiceField(
        label=_("Reviewer"), required=False, queryset=get_user_model().objects.none(), empty_label=_("Nobody")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = get_user_model().objects.filter(is_advisory=True, is_active=True)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=SignalStatus.choices)


class AdviceForm(forms.Form):
    text = forms.CharField(
        label=_("Advice to the network"),
        max_length=TEXT_LONG,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The network sees this advice on its page and the lead gets an e-mail."),
    )

    def __init__(self, *args, signal, **kwargs):
        super().__init__(*args, **kwargs)
        self.signal = signal

    def clean(self):
        cleaned = super().clean()
        _require_pseudonymous(self, texts={"text": cleaned.get("text", "")}, networks=[self.signal.network])
        return cleaned


class LessonSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=[("", _("All"))] + Theme.choices)
    category = ModelChoiceField(
        label=_("Barrier category"), required=False, queryset=BarrierCategory.objects.none(), empty_label=_("All")
    )
    success_stories = forms.BooleanField(label=_("Only success stories"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = BarrierCategory.objects.order_by("order", "name")


class LessonForm(forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["title", "body", "theme", "categories", "tags", "is_success_story", "source_signal"]
        formfield_callback = model_choice_formfield
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8}),
            "categories": forms.CheckboxSelectMultiple,
            "source_signal": forms.NumberInput,
        }
        labels = {"source_signal": _("From signal (number)")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["categories"].queryset = _active_categories()
        self.fields["source_signal"].queryset = Signal.objects.for_advisory(user).select_related("network__youth")
        self.fields["source_signal"].required = False

    def clean(self):
        cleaned = super().clean()
        signal = cleaned.get("source_signal")
        if cleaned.get("is_success_story") and signal is not None and signal.share_more:
            self.add_error(
                "source_signal",
                _("This signal shares more than the pseudonymised facts; it cannot be published as a success story."),
            )
        if signal is not None:
            texts = {name: cleaned.get(name, "") for name in ("title", "body", "tags")}
            _require_pseudonymous(self, texts=texts, networks=[signal.network])
        return cleaned


class PolicyFeedbackForm(forms.Form):
    given_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    recipient = forms.CharField(
        label=_("To whom"), max_length=200, help_text=_("For example: kernteam Lokaal Sociaal Beleid Gent.")
    )
    summary = forms.CharField(
        label=_("What was fed back"), max_length=TEXT_LONG, widget=forms.Textarea(attrs={"rows": 5})
    )
    signal_numbers = forms.CharField(
        label=_("Signals (numbers)"),
        max_length=500,
        required=False,
        help_text=_("The numbers of the signals this feedback is about, separated by commas."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_signal_numbers(self):
        raw = self.cleaned_data["signal_numbers"]
        parts = [part.strip().lstrip("#") for part in re.split(r"[,\s;]+", raw or "") if part.strip()]
        if any(not part.isdigit() for part in parts):
            raise forms.ValidationError(_("Give signal numbers separated by commas, e.g. 12, 15, 31."))
        numbers = {int(part) for part in parts}
        signals = list(Signal.objects.for_advisory(self.user).filter(pk__in=numbers).select_related("network__youth"))
        missing = numbers - {signal.pk for signal in signals}
        if missing:
            raise forms.ValidationError(
                _("No signal with number %(numbers)s.") % {"numbers": ", ".join(str(n) for n in sorted(missing))}
            )
        return signals

    def clean(self):
        cleaned = super().clean()
        networks = {signal.network_id: signal.network for signal in cleaned.get("signal_numbers") or []}
        texts = {name: cleaned.get(name, "") for name in ("recipient", "summary")}
        _require_pseudonymous(self, texts=texts, networks=networks.values())
        return cleaned


class AdviceActionForm(ActionForm):
    """The advice as a new action in the plan: the plan's own action form, prefilled from the advice."""

    def __init__(self, *args, advice, network, **kwargs):
        kwargs.setdefault("prefix", f"advice-{advice.pk}")
        kwargs.setdefault("initial", {"description": advice.text[:500]})
        super().__init__(*args, network=network, **kwargs)


class AdviceBarrierForm(forms.Form):
    """The advice noted on the barrier the signal came from, with the barrier's new status."""

    status = forms.ChoiceField(label=_("new status of the barrier"), choices=BarrierStatus.choices)

    def __init__(self, *args, advice, **kwargs):
        kwargs.setdefault("prefix", f"advice-{advice.pk}-barrier")
        kwargs.setdefault("initial", {"status": BarrierStatus.IN_PROGRESS})
        super().__init__(*args, **kwargs)
