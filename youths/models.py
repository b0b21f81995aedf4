"""The youth at the centre of a care network and the first conversation (step 1).

This app is the base of the dependency chain (adviesgroep -> actionplans -> networks -> youths):
its models point at nothing in the other apps. Who may see a youth is decided through the
youth's care network (see networks.access).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgnetwerk.dates import add_years, years_before
from zorgnetwerk.limits import TEXT_LONG

MIN_AGE = 6
MAX_AGE = 25


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other / does not say")


class ResidenceStatus(models.TextChoices):
    ASYLUM_PROCEDURE = "asylum_procedure", _("Asylum procedure running")
    RECOGNISED = "recognised", _("Recognised refugee")
    SUBSIDIARY = "subsidiary", _("Subsidiary protection")
    DURABLE_SOLUTION = "durable_solution", _("Durable solution procedure (NBMV)")
    NO_DOCUMENTS = "no_documents", _("No documents")
    OTHER = "other", _("Other")


class SchoolSituation(models.TextChoices):
    OKAN = "okan", _("OKAN (reception class)")
    SECONDARY = "secondary", _("Regular secondary school")
    NONE = "none", _("No regular school track")


class Housing(models.TextChoices):
    RECEPTION = "reception", _("Reception centre (opvanglocatie)")
    MINOR_NDAKO = "minor_ndako", _("Minor Ndako")
    FOSTER_CARE = "foster_care", _("Foster care (Pleegzorg)")
    INDEPENDENT = "independent", _("Independent with support")
    OTHER = "other", _("Other")


class YouthQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Youths with a care network that the user's organisation (or the user) may see."""
        from networks.models import CareNetwork  # the access rule lives with the networks

        # An IN over the visible networks' youth ids (not a correlated Exists): PostgreSQL starts
        # from the user's networks instead of checking every youth (see CareNetwork.visible_to).
        return self.filter(pk__in=CareNetwork.objects.visible_to(user).values("youth_id"))

    def born_between(self, after: datetime.date | None = None, until: datetime.date | None = None):
        """Born after `after` and on or before `until` (either may be left open).

        With only an estimated year of birth, 1 January of that year counts (Youth.effective_birth_date).
        """
        exact, estimated = Q(birth_date__isnull=False), Q(birth_date__isnull=True, birth_year_estimated__isnull=False)
        if after is not None:
            exact &= Q(birth_date__gt=after)
            estimated &= Q(birth_year_estimated__gt=after.year)
        if until is not None:
            exact &= Q(birth_date__lte=until)
            estimated &= Q(birth_year_estimated__lte=until.year)
        return self.filter(exact | estimated)

    def aged(self, at_least: int = 0, under: int | None = None, *, today: datetime.date | None = None):
        """Youths at least `at_least` years old and younger than `under` on `today`."""
        today = today or timezone.localdate()
        return self.born_between(
            after=years_before(today, under) if under is not None else None,
            until=years_before(today, at_least),
        )


class Youth(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    birth_date = models.DateField(
        _("date of birth"),
        null=True,
        blank=True,
        help_text=_("Leave empty when only an estimated year of birth is known."),
    )
    birth_year_estimated = models.PositiveSmallIntegerField(
        _("estimated year of birth"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
        help_text=_("Only when the exact date of birth is not known."),
    )
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    country_of_origin = models.CharField(_("country of origin"), max_length=100, blank=True)
    languages = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("For example: Dari, Pashto, a little Dutch.")
    )
    interpreter_language = models.CharField(
        _("language for an interpreter"),
        max_length=50,
        blank=True,
        help_text=_("Leave empty when no interpreter is needed."),
    )
    arrival_date = models.DateField(_("arrival date in Belgium"), null=True, blank=True)
    residence_status = models.CharField(
        _("residence situation"),
        max_length=30,
        choices=ResidenceStatus.choices,
        blank=True,
        help_text=_("Sensitive: only the guardian and welfare organisations in the network see this."),
    )
    school_situation = models.CharField(
        _("school situation"), max_length=20, choices=SchoolSituation.choices, blank=True
    )
    school_name = models.CharField(_("school"), max_length=200, blank=True)
    study_choice = models.CharField(
        _("study choice"), max_length=200, blank=True, help_text=_("For a regular secondary school.")
    )
    housing = models.CharField(_("housing"), max_length=20, choices=Housing.choices, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = YouthQuerySet.as_manager()

    class Meta:
        verbose_name = _("youth")
        verbose_name_plural = _("youths")
        ordering = ["first_name", "last_name"]
        # A model-wide permission on purpose: the privacy officer answers a youth's request for
        # their data (GDPR art. 15/20) for any youth; it opens the export and nothing else.
        permissions = [("export_youth_data", _("Can export all data about a youth (privacy officer)"))]
        indexes = [
            models.Index(fields=["last_name", "first_name"], name="youth_name_idx"),
            models.Index(fields=["birth_date"], name="youth_birth_date_idx"),
            models.Index(fields=["school_situation"], name="youth_school_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(birth_date__isnull=False) | models.Q(birth_year_estimated__isnull=False),
                name="youth_birth_date_or_estimated_year",
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def initials(self) -> str:
        return "".join(part[:1].upper() for part in (self.first_name, self.last_name) if part)

    @property
    def birth_date_is_estimated(self) -> bool:
        return self.birth_date is None

    @property
    def effective_birth_date(self) -> datetime.date | None:
        """The birth date, or 1 January of the estimated year (the convention for NBMV files)."""
        if self.birth_date:
            return self.birth_date
        if self.birth_year_estimated:
            return datetime.date(self.birth_year_estimated, 1, 1)
        return None

    def age_on(self, day: datetime.date) -> int | None:
        born = self.effective_birth_date
        if born is None:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())

    @property
    def eighteenth_birthday(self) -> datetime.date | None:
        born = self.effective_birth_date
        if born is None:
            return None
        return add_years(born, 18)

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.birth_date is None and self.birth_year_estimated is None:
            errors["birth_date"] = _("Give a date of birth or an estimated year of birth.")
        if self.birth_date and self.birth_date > today:
            errors["birth_date"] = _("The date of birth cannot be in the future.")
        try:
            age = self.age_on(today)
        except ValueError:  # a year no date can hold (10000): the field's own validator says so
            age = None
        if age is not None and not errors and not (MIN_AGE <= age <= MAX_AGE):
            field = "birth_date" if self.birth_date else "birth_year_estimated"
            errors[field] = _("The age must be between %(min)d and %(max)d years.") % {
                "min": MIN_AGE,
                "max": MAX_AGE,
            }
        if self.arrival_date and self.arrival_date > today:
            errors["arrival_date"] = _("The arrival date cannot be in the future.")
        if errors:
            raise ValidationError(errors)


class IntakeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A first conversation belongs to the youth: visible to whoever sees the youth."""
        return self.filter(youth__in=Youth.objects.visible_to(user))


class Intake(models.Model):
    """The first conversation with the youth (step 1, template p.10).

    A youth can have several intakes over time; earlier ones stay.
    """

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="intakes", verbose_name=_("youth"))
    held_on = models.DateField(_("date of the conversation"), default=timezone.localdate)
    needs = models.TextField(
        _("needs and reason for a network"),
        help_text=_("What does the youth need? Why a network now?"),
        max_length=TEXT_LONG,
    )
    what_goes_well = models.TextField(_("what goes well"), blank=True, max_length=TEXT_LONG)
    strengths = models.TextField(_("strengths and talents"), blank=True, max_length=TEXT_LONG)
    interests = models.TextField(_("interests"), blank=True, max_length=TEXT_LONG)
    future_dreams = models.TextField(_("dreams"), blank=True, max_length=TEXT_LONG)
    future_short_term = models.TextField(_("future: short term"), blank=True, max_length=TEXT_LONG)
    future_long_term = models.TextField(_("future: long term"), blank=True, max_length=TEXT_LONG)
    current_support = models.TextField(
        _("who supports me now"), blank=True, help_text=_("In the youth's own words."), max_length=TEXT_LONG
    )
    interpreter_present = models.BooleanField(_("an interpreter was present"), default=False)
    trusted_person_present = models.BooleanField(_("a trusted person was present"), default=False)
    consent_given = models.BooleanField(
        _("the youth agrees to start a network"),
        default=False,
        help_text=_("Explain that a network is support, not a punishment."),
    )
    consent_date = models.DateField(_("date of consent"), null=True, blank=True)
    consent_explained_by = models.CharField(_("explained by"), max_length=200, blank=True)
    consent_language = models.CharField(_("language of the explanation"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = IntakeQuerySet.as_manager()

    class Meta:
        verbose_name = _("first conversation")
        verbose_name_plural = _("first conversations")
        ordering = ["-held_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_given=False) | models.Q(consent_date__isnull=False),
                name="intake_consent_has_date",
            ),
        ]

    def __str__(self):
        return _("First conversation of %(date)s") % {"date": self.held_on}

    def clean(self):
        errors = {}
        if self.held_on and self.held_on > timezone.localdate():
            errors["held_on"] = _("The conversation cannot take place in the future.")
        if self.consent_given:
            if not self.consent_date:
                errors["consent_date"] = _("Give the date on which the youth agreed.")
            if not self.consent_explained_by:
                errors["consent_explained_by"] = _("Say who explained the network to the youth.")
        if errors:
            raise ValidationError(errors)


class LeafletTranslation(models.Model):
    """Whether a native speaker has checked the youth leaflet (p.9) in one language.

    Until an admin marks it checked, the leaflet and the pages say "translation to be checked
    by a native speaker" (the texts themselves live in youths/youth_texts.py).
    """

    language = models.CharField(_("language code"), max_length=10, unique=True)
    checked = models.BooleanField(_("checked by a native speaker"), default=False)
    checked_by = models.CharField(
        _("checked by"), max_length=200, blank=True, help_text=_("Name of the native speaker who checked it.")
    )
    checked_on = models.DateField(_("checked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("leaflet translation")
        verbose_name_plural = _("leaflet translations")
        ordering = ["language"]

    def __str__(self):
        return self.language
