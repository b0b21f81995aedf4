from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.choices import Intensity, NetworkStatus
from youths.models import Intake, SchoolSituation, Youth
from youths.services import youth_may_see_residence_status

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EARLIEST_BIRTH_YEAR = 1900


class YouthForm(forms.ModelForm):
    """The youth's details; the residence situation only for those who may see it."""

    class Meta:
        model = Youth
        fields = [
            "first_name",
            "last_name",
            "birth_date",
            "birth_year_estimated",
            "gender",
            "country_of_origin",
            "languages",
            "interpreter_language",
            "arrival_date",
            "residence_status",
            "school_situation",
            "school_name",
            "study_choice",
            "housing",
        ]
        widgets = {"birth_date": DATE_INPUT, "arrival_date": DATE_INPUT}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not youth_may_see_residence_status(user, self.instance if self.instance.pk else None):
            del self.fields["residence_status"]

    def clean_birth_year_estimated(self):
        """A year a person can have been born in; 10000 would crash the age calculation."""
        year = self.cleaned_data.get("birth_year_estimated")
        this_year = timezone.localdate().year
        if year is not None and not (EARLIEST_BIRTH_YEAR <= year <= this_year):
            raise forms.ValidationError(
                _("Give a year between %(first)d and %(last)d."),
                code="birth_year_out_of_range",
                params={"first": EARLIEST_BIRTH_YEAR, "last": this_year},
            )
        return year

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("birth_date") and cleaned.get("birth_year_estimated"):
            self.add_error(
                "birth_year_estimated",
                _("Give either a date of birth or an estimated year of birth, not both."),
            )
        return cleaned


class IntakeForm(forms.ModelForm):
    """The first conversation (template p.10)."""

    class Meta:
        model = Intake
        fields = [
            "held_on",
            "needs",
            "what_goes_well",
            "strengths",
            "interests",
            "future_dreams",
            "future_short_term",
            "future_long_term",
            "current_support",
            "interpreter_present",
            "trusted_person_present",
            "consent_given",
            "consent_date",
            "consent_explained_by",
            "consent_language",
        ]
        widgets = {
            "held_on": DATE_INPUT,
            "consent_date": DATE_INPUT,
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in (
                    "needs",
                    "what_goes_well",
                    "strengths",
                    "interests",
                    "future_dreams",
                    "future_short_term",
                    "future_long_term",
                    "current_support",
                )
            },
        }


AGE_BANDS = [
    ("", _("All ages")),
    ("under16", _("Under 16")),
    ("16-17", _("16 and 17")),
    ("18plus", _("18 and older")),
]


class YouthFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    school_situation = forms.ChoiceField(
        label=_("School situation"), required=False, choices=[("", _("All"))] + SchoolSituation.choices
    )
    network_status = forms.ChoiceField(
        label=_("Network status"), required=False, choices=[("", _("All"))] + NetworkStatus.choices
    )
    intensity = forms.ChoiceField(label=_("Intensity"), required=False, choices=[("", _("All"))] + Intensity.choices)
    age_band = forms.ChoiceField(label=_("Age"), required=False, choices=AGE_BANDS)
