"""Account security holes: backup codes are a second factor too, backup codes come from
django-otp's own generator, and typing the password again is counted like a login (django-axes).

How these tests were shown to fail: with `account_otp_setup` counting only TOTP devices
again, the enrolment test gets the setup page instead of the code page; with `secrets.token_hex(4)`
back, the backup-code test sees 32-bit codes; with `check_password` back in `PasswordConfirmForm`,
the sixth wrong re-confirmation is not refused and the session stays; without `logout()` in
`_locked_out`, the lockout page is shown but the session stays.
"""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.tests.test_login_security import confirmed_device, current_code, password_login
from conftest import PASSWORD


@pytest.fixture
def require_2fa(settings):
    settings.REQUIRE_2FA = True


def backup_codes_only(user) -> StaticDevice:
    """A user whose phone device is gone but who still holds backup codes."""
    device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    device.token_set.create(token=StaticToken.random_token())
    return device


# --- any confirmed device means "enter a code first" ------------------------------------------------


def test_a_user_with_only_backup_codes_cannot_enrol_a_phone_with_the_password_alone(client, coach, require_2fa):
    backup_codes_only(coach)
    password_login(client, coach)
    response = client.get(reverse("accounts:account_otp_setup"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:account_otp_verify"))
    posted = client.post(reverse("accounts:account_otp_setup"), {"token": "123456"})
    assert posted.status_code == 302 and posted.url.startswith(reverse("accounts:account_otp_verify"))
    assert not TOTPDevice.objects.filter(user=coach).exists()


def test_a_user_with_only_backup_codes_enrols_a_phone_after_a_code_and_the_password(client, coach, settings):
    settings.REQUIRE_2FA = False
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    static = backup_codes_only(coach)
    password_login(client, coach)
    code = static.token_set.get().token
    assert client.post(reverse("accounts:account_otp_verify"), {"token": code}).status_code == 302
    asks_password = client.get(reverse("accounts:account_otp_setup"))
    assert asks_password.status_code == 302 and asks_password.url.startswith(reverse("accounts:account_reauth"))
    client.post(reverse("accounts:account_reauth"), {"password": PASSWORD})
    assert client.get(reverse("accounts:account_otp_setup")).status_code == 200
    device = TOTPDevice.objects.get(user=coach, confirmed=False)
    assert client.post(reverse("accounts:account_otp_setup"), {"token": current_code(device)}).status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).confirmed


def test_a_user_without_any_device_may_enrol_a_phone_with_the_password(client, coach, require_2fa):
    password_login(client, coach)
    assert client.get(reverse("accounts:account_otp_setup")).status_code == 200


def test_backup_codes_come_from_django_otp_with_more_than_32_bits(client, coach):
    confirmed_device(coach)
    client.force_login(coach)
    client.post(reverse("accounts:account_reauth"), {"password": PASSWORD})
    codes = client.post(reverse("accounts:account_backup_codes")).context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    alphabet = set("abcdefghijklmnopqrstuvwxyz234567")  # base32, as StaticToken.random_token() writes
    for code in codes:
        assert len(code) == 8 and set(code) <= alphabet  # 8 base32 characters are 40 bits
    stored = set(StaticToken.objects.filter(device__user=coach).values_list("token", flat=True))
    assert stored == set(codes)


# --- the password typed again is counted like a login -----------------------------------------------


@pytest.mark.parametrize(
    ("url_name", "data"),
    [
        ("accounts:account_reauth", {}),
        ("accounts:account_email_change", {"email": "new@atheneum.example"}),
    ],
)
def test_the_sixth_wrong_reconfirmation_locks_the_account_and_ends_the_session(client, coach, settings, url_name, data):
    assert settings.AXES_FAILURE_LIMIT == 6
    password_login(client, coach)
    url = reverse(url_name)
    for _attempt in range(5):
        wrong = client.post(url, {**data, "password": "not my password"})
        assert wrong.status_code == 200 and "password" in wrong.context["form"].errors
    sixth = client.post(url, {**data, "password": "not my password"})
    assert sixth.status_code == 429
    assert b'data-testid="account-locked"' in sixth.content
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username=coach.email).failures_since_start == 6
    coach.refresh_from_db()
    assert coach.email == "sara@atheneum.example"
    assert password_login(client, coach).status_code == 429  # the login is locked as well


def test_a_locked_account_cannot_reconfirm_even_with_the_right_password(client, coach):
    client.force_login(coach)  # a session opened before six wrong logins elsewhere
    other = client.__class__()
    for _attempt in range(6):
        password_login(other, coach, "wrong password")
    response = client.post(reverse("accounts:account_reauth"), {"password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "reauth_at" not in client.session


def test_the_right_password_still_confirms(client, coach):
    client.force_login(coach)
    response = client.post(reverse("accounts:account_reauth"), {"password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("accounts:account_security")
    assert "reauth_at" in client.session
    assert not AccessAttempt.objects.exists()
