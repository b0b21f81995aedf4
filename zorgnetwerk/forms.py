"""Form fields every app of the project uses, so a hostile value is refused the same way everywhere.

- `ModelChoiceField` / `ModelMultipleChoiceField`: an id outside the range of the primary-key
  column is "not one of the available choices", as any other unknown id, instead of reaching the
  database (SQLite raises OverflowError on `pk IN (2**70)`: a server error).
- `model_choice_formfield`: the `Meta.formfield_callback` of every ModelForm, so the fields that a
  ModelForm makes from foreign keys and many-to-many fields are the ones above.
- `PersonNameField` and `validate_person_name`: a person's name goes into e-mail headers and
  calendar invitations; characters that break a header are refused with a clear message.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.utils.translation import gettext_lazy as _


def _pk_out_of_range(queryset, key: str | None, value) -> bool:
    """True when `value` is an integer that the column behind `key` (the pk by default) cannot hold."""
    if isinstance(value, models.Model) or value in (None, ""):
        return False
    model_field = queryset.model._meta.get_field(key) if key else queryset.model._meta.pk
    if not isinstance(model_field, models.IntegerField):  # AutoField and BigAutoField included
        return False
    try:
        number = int(str(value).strip())
    except ValueError:
        return False  # not a number: Django's own check says it is no valid choice
    low, high = connections[queryset.db].ops.integer_field_range(model_field.get_internal_type())
    return (low is not None and number < low) or (high is not None and number > high)


class ModelChoiceField(forms.ModelChoiceField):
    """Django's ModelChoiceField, refusing an id beyond the integer range as an invalid choice."""

    def to_python(self, value):
        if self.queryset is not None and _pk_out_of_range(self.queryset, self.to_field_name, value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's ModelMultipleChoiceField, refusing ids beyond the integer range as invalid choices."""

    def _refuse_out_of_range(self, values) -> None:
        if self.queryset is None or not isinstance(values, (list, tuple)):
            return
        for value in values:
            if _pk_out_of_range(self.queryset, self.to_field_name, value):
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                )

    def to_python(self, value):
        self._refuse_out_of_range(value)
        return super().to_python(value)

    def clean(self, value):
        self._refuse_out_of_range(value)
        return super().clean(value)


def model_choice_formfield(db_field, **kwargs):
    """`Meta.formfield_callback` for ModelForms: relations become the safe fields above."""
    if isinstance(db_field, models.ForeignKey):  # OneToOneField included
        kwargs.setdefault("form_class", ModelChoiceField)
    elif isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
    return db_field.formfield(**kwargs)


# --- names of people ------------------------------------------------------------------------------

# A display name in an address header ("Name <address>") or a calendar's CN parameter: these
# would end the name, start an address or a new header. Apostrophes, hyphens, dots and
# parentheses stay allowed (D'Hondt, El-Idrissi): formataddr quotes them.
NAME_FORBIDDEN = frozenset('<>",;:@\\')
# Format characters hide what a name really says (U+202E turns text around); the zero-width
# (non-)joiners are part of spelling in Persian and Arabic script and stay allowed.
NAME_ALLOWED_FORMAT = frozenset("\u200c\u200d")


def _forbidden_in_name(char: str) -> bool:
    if char in NAME_FORBIDDEN:
        return True
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and char not in NAME_ALLOWED_FORMAT


def validate_person_name(value: str) -> None:
    """A first or last name holds no control or format characters (newlines, tabs, direction marks)
    and none of the characters that are syntax in an e-mail address header."""
    if not value:
        return
    if any(_forbidden_in_name(char) for char in value):
        raise ValidationError(
            _("A name cannot contain line breaks, control characters or any of these characters: %(characters)s"),
            code="invalid_name",
            params={"characters": " ".join(sorted(NAME_FORBIDDEN))},
        )


class PersonNameField(forms.CharField):
    """A first or last name of a person (see validate_person_name)."""

    default_validators = [validate_person_name]
