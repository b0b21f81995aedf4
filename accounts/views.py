"""The account pages: the overview of login and security, asking for the password again, the
e-mail address, and the second factor (TOTP with backup codes)."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.forms import EmailChangeForm, PasswordConfirmForm, TokenForm
from accounts.reauth import password_confirmed_now, password_recently_confirmed, recent_password_required
from accounts.signals import second_factor_enrolled, second_factor_failed

BACKUP_CODE_COUNT = 10


def _locked_out(request) -> bool:
    """Axes locked the account during this request: end the session; AxesMiddleware shows the lockout page."""
    if getattr(request, "axes_locked_out", False):
        logout(request)
        return True
    return False


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@login_required
def account_reauth(request: HttpRequest) -> HttpResponse:
    form = PasswordConfirmForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        password_confirmed_now(request)
        return redirect(_safe_next(request, reverse("accounts:account_security")))
    if _locked_out(request):
        return redirect("login")
    return render(
        request,
        "accounts/account_reauth.html",
        {"form": form, "next": _safe_next(request, reverse("accounts:account_security"))},
    )


# --- overview and e-mail ---------------------------------------------------------------------


@login_required
def account_security(request: HttpRequest) -> HttpResponse:
    user = request.user
    static = StaticDevice.objects.filter(user=user, name="backup").first()
    return render(
        request,
        "accounts/account_security.html",
        {
            "has_totp": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
            "backup_codes_left": static.token_set.count() if static else 0,
            "require_2fa": settings.REQUIRE_2FA,
        },
    )


@login_required
def account_email_change(request: HttpRequest) -> HttpResponse:
    """Changing the login address asks for the password in the same form."""
    form = EmailChangeForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user = request.user
        user.email = form.cleaned_data["email"]
        user.save(update_fields=["email"])
        update_session_auth_hash(request, user)
        messages.success(request, _("Your e-mail address has been changed."))
        return redirect("accounts:account_security")
    if _locked_out(request):
        return redirect("login")
    return render(request, "accounts/account_email_change.html", {"form": form})


# --- the second factor -----------------------------------------------------------------------


def qr_svg(data: str) -> str:
    """A QR code as inline SVG, drawn on our server (the secret never leaves it)."""
    svg = segno.make(data, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
    # segno writes only path data derived from the bits of the code, no text of ours.
    return mark_safe(svg)  # noqa: S308


def _new_backup_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name="backup", defaults={"confirmed": True})
    device.token_set.all().delete()
    # django-otp's own generator: 40 random bits per code.
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@login_required
def account_otp_setup(request: HttpRequest) -> HttpResponse:
    """Set up (or replace) the authenticator app. Replacing asks for the password again."""
    user = request.user
    # Any confirmed device counts, backup codes too: the app and the codes are one second factor.
    has_confirmed = user_has_device(user, confirmed=True)
    if has_confirmed and not user.is_verified():
        # Someone with only the password must not be able to enrol their own phone.
        return redirect(f"{reverse('accounts:account_otp_verify')}?{urlencode({'next': request.get_full_path()})}")
    if has_confirmed and not password_recently_confirmed(request):
        return redirect(f"{reverse('accounts:account_reauth')}?{urlencode({'next': request.get_full_path()})}")

    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = _new_backup_codes(user)
            otp_login(request, device)
            second_factor_enrolled.send(sender=TOTPDevice, request=request, user=user)
            return render(
                request, "accounts/account_backup_codes.html", {"codes": codes, "next": _safe_next(request, "")}
            )
        form.add_error(
            "token",
            _("This code is not right. Check the time on your phone, wait a few seconds and try again."),
        )
    return render(
        request,
        "accounts/account_otp_setup.html",
        {
            "form": form,
            "qr_svg": qr_svg(device.config_url),
            "secret": escape(_base32_secret(device)),
            "next": _safe_next(request, ""),
        },
    )


def _base32_secret(device: TOTPDevice) -> str:
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@login_required
def account_otp_verify(request: HttpRequest) -> HttpResponse:
    """After the password: a code from the app or a backup code."""
    user = request.user
    next_url = _safe_next(request, reverse(settings.LOGIN_REDIRECT_URL))
    if user.is_verified():
        return redirect(next_url)
    if not user_has_device(user):
        return redirect(f"{reverse('accounts:account_otp_setup')}?{urlencode({'next': next_url})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url)
        second_factor_failed.send(sender=TOTPDevice, request=request, user=user)
        form.add_error(
            "token",
            _(
                "This code is not right, or it was used already. "
                "After a wrong code, wait a few seconds before you try again."
            ),
        )
    return render(request, "accounts/account_otp_verify.html", {"form": form, "next": next_url})


@require_POST
@login_required
@recent_password_required
def account_backup_codes(request: HttpRequest) -> HttpResponse:
    """New backup codes replace all old ones; shown once."""
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        messages.error(request, _("Set up an authenticator app first."))
        return redirect("accounts:account_security")
    codes = _new_backup_codes(request.user)
    second_factor_enrolled.send(sender=StaticDevice, request=request, user=request.user, fields=["backup_codes"])
    return render(request, "accounts/account_backup_codes.html", {"codes": codes, "next": ""})
