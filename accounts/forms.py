"""Forms of the account pages: the password typed again, a new e-mail address, a one-time code."""

from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User


class PasswordConfirmForm(forms.Form):
    """The password typed again, checked like a login so that django-axes counts every wrong one."""

    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        self.request = request
        self.user = request.user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        # Through authenticate(), not check_password(): axes' backend refuses a locked-out account
        # and its user_login_failed handler counts the failure, so AXES_FAILURE_LIMIT applies here too.
        confirmed = authenticate(self.request, username=self.user.get_username(), password=password)
        if confirmed is None or confirmed.pk != self.user.pk:
            raise forms.ValidationError(_("That is not your password."))
        return password


class EmailChangeForm(PasswordConfirmForm):
    email = forms.EmailField(label=gettext_lazy("New e-mail address"), max_length=254)

    field_order = ["email", "password"]

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError(_("Another account already uses this e-mail address."))
        return email


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        help_text=gettext_lazy("The six digits in your authenticator app, or one of your backup codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())
