"""Login security: the second factor, lockout after wrong passwords, sessions, re-authentication.

How we know test_an_admin_can_unlock_in_django_admin can fail (tried, then restored): without the
admin's confirmed "delete selected" POST the last login answers 429; with
`admin.site.unregister(AccessAttempt)` the changelist does not exist (NoReverseMatch).
"""

import datetime

import pytest
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def password_login(client, user, password=PASSWORD):
    return client.post(reverse("login"), {"username": user.email, "password": password})


@pytest.fixture
def require_2fa(settings):
    settings.REQUIRE_2FA = True


@pytest.fixture
def no_throttle(settings):
    """django-otp makes you wait 1, 2, 4, ... seconds after a wrong code; tests do not wait."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


# --- two-factor login -------------------------------------------------------------------------


def test_a_login_without_second_factor_reaches_no_page_when_2fa_is_required(client, network, coach, require_2fa):
    client.force_login(coach)
    for url in [
        reverse("dashboard"),
        reverse("networks:network_detail", kwargs={"network_pk": network.pk}),
        reverse("accounts:account_security"),
        reverse("password_change"),
        reverse("admin:index"),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:account_otp_setup")), url


def test_a_user_with_a_device_is_sent_to_enter_a_code_not_to_enrol_a_new_phone(client, coach, require_2fa):
    confirmed_device(coach)
    client.force_login(coach)
    assert client.get(reverse("dashboard")).url.startswith(reverse("accounts:account_otp_verify"))
    # Someone who only knows the password cannot add their own phone.
    response = client.get(reverse("accounts:account_otp_setup"))
    assert response.url.startswith(reverse("accounts:account_otp_verify"))
    assert TOTPDevice.objects.filter(user=coach).count() == 1


def test_setting_up_the_app_shows_a_qr_code_and_backup_codes_once(client, coach, require_2fa, no_throttle):
    client.force_login(coach)
    page = client.get(reverse("accounts:account_otp_setup"))
    assert page.status_code == 200
    assert b"<svg" in page.content and b"<script" not in page.content.split(b"<svg", 1)[1].split(b"</svg>")[0]
    device = TOTPDevice.objects.get(user=coach, confirmed=False)

    wrong = client.post(reverse("accounts:account_otp_setup"), {"token": "000000"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.get(pk=device.pk).confirmed

    done = client.post(reverse("accounts:account_otp_setup"), {"token": current_code(device)})
    assert done.status_code == 200
    assert len(done.context["codes"]) == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert StaticDevice.objects.get(user=coach).token_set.count() == 10
    assert client.get(reverse("dashboard")).status_code == 200


def test_password_then_code_logs_in(client, coach, require_2fa, no_throttle):
    device = confirmed_device(coach)
    response = password_login(client, coach)
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).url.startswith(reverse("accounts:account_otp_verify"))

    bad = client.post(reverse("accounts:account_otp_verify"), {"token": "123456"})
    assert bad.status_code == 200 and "token" in bad.context["form"].errors
    good = client.post(reverse("accounts:account_otp_verify"), {"token": current_code(device)})
    assert good.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_backup_code_works_once(client, coach, require_2fa):
    confirmed_device(coach)
    static = StaticDevice.objects.create(user=coach, name="backup", confirmed=True)
    static.token_set.create(token="abcd1234")
    password_login(client, coach)
    assert client.post(reverse("accounts:account_otp_verify"), {"token": "abcd 1234"}).status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200

    client.logout()
    password_login(client, coach)
    reused = client.post(reverse("accounts:account_otp_verify"), {"token": "abcd1234"})
    assert reused.status_code == 200
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_wrong_code_makes_the_next_try_wait(client, coach, require_2fa):
    device = confirmed_device(coach)
    password_login(client, coach)
    client.post(reverse("accounts:account_otp_verify"), {"token": "000000"})
    too_soon = client.post(reverse("accounts:account_otp_verify"), {"token": current_code(device)})
    assert too_soon.status_code == 200
    assert client.get(reverse("dashboard")).status_code == 302


def test_verify_refuses_a_next_url_on_another_site(client, coach, require_2fa):
    device = confirmed_device(coach)
    password_login(client, coach)
    response = client.post(
        reverse("accounts:account_otp_verify"), {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response.url == reverse("dashboard")


def test_without_require_2fa_the_local_demo_logs_in_with_the_password_alone(client, coach, settings):
    settings.REQUIRE_2FA = False
    password_login(client, coach)
    assert client.get(reverse("dashboard")).status_code == 200


# --- brute force ---------------------------------------------------------------------------------


def test_six_wrong_passwords_lock_the_account_until_an_admin_unlocks_it(client, coach, settings):
    assert settings.AXES_FAILURE_LIMIT == 6
    for _ in range(5):
        assert password_login(client, coach, "wrong password").status_code == 200
    sixth = password_login(client, coach, "wrong password")
    assert sixth.status_code == 429
    locked = password_login(client, coach)  # even the right password
    assert locked.status_code == 429
    assert b'data-testid="account-locked"' in locked.content
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username=coach.email).exists()

    axes_reset(username=coach.email)  # what "Access attempts → delete" in admin does
    assert password_login(client, coach).status_code == 302
    assert client.session["_auth_user_id"] == str(coach.pk)


def test_an_admin_can_unlock_in_django_admin(client, admin_client, coach):
    """Sara is locked out; the admin deletes her access attempt in Django admin; she logs in."""
    for _ in range(6):
        password_login(client, coach, "wrong password")
    assert password_login(client, coach).status_code == 429  # locked, even with the right password
    attempt = AccessAttempt.objects.get(username=coach.email)

    changelist = reverse("admin:axes_accessattempt_changelist")
    assert coach.email in admin_client.get(changelist).content.decode()
    # "Delete selected access attempts", confirmed: what an admin clicks.
    confirm = admin_client.post(changelist, {"action": "delete_selected", ACTION_CHECKBOX_NAME: [attempt.pk]})
    assert confirm.status_code == 200 and list(confirm.context["queryset"]) == [attempt]
    deleted = admin_client.post(
        changelist, {"action": "delete_selected", ACTION_CHECKBOX_NAME: [attempt.pk], "post": "yes"}
    )
    assert deleted.status_code == 302
    assert not AccessAttempt.objects.filter(username=coach.email).exists()

    assert password_login(client, coach).status_code == 302
    assert client.session["_auth_user_id"] == str(coach.pk)


# --- sessions ----------------------------------------------------------------------------------


def test_login_gives_a_new_session_key(client, coach):
    client.get(reverse("login"))
    session = client.session
    session["anything"] = "x"
    session.save()
    before = session.session_key
    password_login(client, coach)
    assert client.session.session_key != before


def test_a_session_ends_after_the_idle_time(client, coach, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    client.force_login(coach)
    assert client.get(reverse("dashboard")).status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    assert session.expire_date <= timezone.now() + datetime.timedelta(minutes=30, seconds=5)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_every_request_moves_the_idle_deadline(client, coach):
    client.force_login(coach)
    key = client.session.session_key
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + datetime.timedelta(minutes=1))
    client.get(reverse("dashboard"))
    assert Session.objects.get(pk=key).expire_date > timezone.now() + datetime.timedelta(minutes=29)


def test_deactivating_a_user_ends_their_sessions_at_once(client, coach, guardian, django_user_model):
    client.force_login(coach)
    other = client.__class__()
    other.force_login(guardian)
    coach.is_active = False
    coach.save()
    assert not Session.objects.filter(pk=client.session.session_key).exists()
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert other.get(reverse("dashboard")).status_code == 200


# --- asking for the password again -------------------------------------------------------------


def test_changing_the_email_address_asks_for_the_password(coach_client, coach):
    url = reverse("accounts:account_email_change")
    assert coach_client.get(url).status_code == 200
    refused = coach_client.post(url, {"email": "new@atheneum.example", "password": "not it"})
    assert refused.status_code == 200 and "password" in refused.context["form"].errors
    coach.refresh_from_db()
    assert coach.email == "sara@atheneum.example"

    assert coach_client.post(url, {"email": "new@atheneum.example", "password": PASSWORD}).status_code == 302
    coach.refresh_from_db()
    assert coach.email == "new@atheneum.example"
    assert coach_client.get(reverse("dashboard")).status_code == 200  # still logged in


def test_changing_the_email_address_to_one_in_use_is_refused(coach_client, coach, guardian):
    response = coach_client.post(
        reverse("accounts:account_email_change"), {"email": guardian.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 200 and "email" in response.context["form"].errors


def test_changing_the_password_asks_for_the_old_one(coach_client, coach):
    response = coach_client.post(
        reverse("password_change"),
        {
            "old_password": "wrong",
            "new_password1": "A-much-longer-passphrase-42",
            "new_password2": "A-much-longer-passphrase-42",
        },
    )
    assert response.status_code == 200 and "old_password" in response.context["form"].errors


def test_replacing_the_second_factor_asks_for_the_password(client, coach, require_2fa):
    device = confirmed_device(coach)
    password_login(client, coach)
    client.post(reverse("accounts:account_otp_verify"), {"token": current_code(device)})
    response = client.get(reverse("accounts:account_otp_setup"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:account_reauth"))

    assert client.post(reverse("accounts:account_reauth"), {"password": "wrong"}).status_code == 200
    confirmed = client.post(
        reverse("accounts:account_reauth"), {"password": PASSWORD, "next": reverse("accounts:account_otp_setup")}
    )
    assert confirmed.url == reverse("accounts:account_otp_setup")
    assert client.get(reverse("accounts:account_otp_setup")).status_code == 200


def test_new_backup_codes_ask_for_the_password_and_are_post_only(client, coach):
    confirmed_device(coach)
    client.force_login(coach)
    url = reverse("accounts:account_backup_codes")
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:account_reauth"))
    assert not StaticDevice.objects.filter(user=coach).exists()
    client.post(reverse("accounts:account_reauth"), {"password": PASSWORD})
    assert len(client.post(url).context["codes"]) == 10


def test_account_pages_need_a_login(client):
    for name in ["accounts:account_security", "accounts:account_email_change", "accounts:account_otp_setup"]:
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_behind_the_proxy_the_lockout_and_the_audit_trail_record_the_same_client_address(client, coach, settings):
    from audit.models import AuditEvent

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    forwarded = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7"}
    client.post(reverse("login"), {"username": coach.email, "password": "wrong"}, **forwarded)

    assert AccessAttempt.objects.get(username=coach.email).ip_address == "203.0.113.7"
    assert AuditEvent.objects.filter(user_email=coach.email).latest("at").ip == "203.0.113.7"
