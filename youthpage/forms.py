from django import forms
from django.utils.translation import gettext_lazy as _

from youthpage.models import MESSAGE_MAX_LENGTH, MessageKind
from youths.youth_texts import LANGUAGES as YOUTH_LANGUAGES


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "autofocus": True}),
    )


class MessageForm(forms.Form):
    kind = forms.ChoiceField(label=_("What do you want to say?"), choices=MessageKind.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Your message (short)"),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LinkForm(forms.Form):
    """For the lead: the code the youth chose (or empty: six digits are made) and the page's language."""

    code = forms.RegexField(
        label=_("Code the youth chose (optional)"),
        regex=r"^\d{4,12}$",
        required=False,
        max_length=12,
        help_text=_("4 to 12 digits. Leave empty and a code of six digits is made."),
        error_messages={"invalid": _("The code is 4 to 12 digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the page"),
        choices=[("", _("The youth's language (from the dossier)"))]
        + [(code, f"{lang.name} ({lang.label})") for code, lang in YOUTH_LANGUAGES.items()],
        required=False,
    )


class ShareForm(forms.Form):
    show_phone = forms.BooleanField(label=_("my phone number"), required=False)
    show_email = forms.BooleanField(label=_("my e-mail address"), required=False)
    show_last_name = forms.BooleanField(label=_("my last name"), required=False)
