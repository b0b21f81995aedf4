"""Security headers on the pages, no caching of a youth's data, and `check --deploy` clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

BASE_DIR = Path(settings.BASE_DIR)


@pytest.fixture
def youth_pages(network, youth):
    return [
        reverse("dashboard"),
        reverse("networks:network_detail", kwargs={"network_pk": network.pk}),
        reverse("youths:youth_detail", kwargs={"youth_pk": youth.pk}),
        reverse("actionplans:plan_detail", kwargs={"network_pk": network.pk}),
    ]


def csp_directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def test_pages_carry_a_strict_content_security_policy(coach_client, youth_pages):
    for url in youth_pages:
        response = coach_client.get(url)
        assert response.status_code == 200, url
        csp = csp_directives(response)
        assert csp["default-src"] == "default-src 'self'"
        assert csp["script-src"] == "script-src 'self'"
        assert csp["style-src"] == "style-src 'self'"
        assert csp["img-src"] == "img-src 'self' data:"
        assert csp["frame-ancestors"] == "frame-ancestors 'none'"
        assert csp["form-action"] == "form-action 'self'"
        assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_pages_forbid_framing_sniffing_and_leaking_the_referrer(coach_client, youth_pages):
    for url in youth_pages:
        response = coach_client.get(url)
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"


def test_no_page_with_a_youths_data_may_be_stored(coach_client, youth_pages, network):
    for url in youth_pages:
        assert "no-store" in coach_client.get(url)["Cache-Control"], url
    pdf = coach_client.get(reverse("actionplans:plan_pdf", kwargs={"network_pk": network.pk}))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "no-store" in pdf["Cache-Control"]


def test_pages_have_no_inline_script_or_style(coach_client, youth_pages):
    for url in youth_pages:
        html = coach_client.get(url).content.decode()
        assert "<script>" not in html and " style=" not in html, url
        assert "<style" not in html, url


def test_the_login_page_is_not_stored_either_once_logged_in(client, coach):
    client.force_login(coach)
    assert "no-store" in client.get(reverse("privacy:privacy_page"))["Cache-Control"]


# What a production server's environment holds; nothing of the test run leaks in
# (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses).
_PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV")


def _production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k in _PASSED_THROUGH}
    env.update(
        DEBUG="0",
        SECRET_KEY="x" * 20 + "-production-only-key-" + "y" * 20,
        ALLOWED_HOSTS="example.org",
        DJANGO_SETTINGS_MODULE="zorgnetwerk.settings",
        **extra,
    )
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_secure_cookies_hsts_and_two_factor():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT, s.REQUIRE_2FA)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=_production_env(), capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["True"] * 6, result.stderr


def test_the_local_demo_does_not_require_two_factor():
    env = {k: v for k, v in os.environ.items() if k in _PASSED_THROUGH}
    env["DJANGO_SETTINGS_MODULE"] = "zorgnetwerk.settings"
    code = "import django; django.setup(); from django.conf import settings as s; print(s.DEBUG, s.REQUIRE_2FA)"
    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    assert result.stdout.split() == ["True", "False"], result.stderr
