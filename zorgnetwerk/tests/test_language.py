from django.conf import settings
from django.urls import reverse


def test_a_browser_asking_for_english_still_reads_dutch(client, db):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "nl"
    assert "Inloggen" in response.content.decode()


def test_the_language_switch_is_remembered(client, db):
    client.post(reverse("set_language"), {"language": "fr", "next": reverse("login")})
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="nl")
    assert response.headers["Content-Language"] == "fr"


def test_an_unknown_language_cookie_falls_back_to_dutch(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    response = client.get(reverse("login"))
    assert response.headers["Content-Language"] == "nl"


def test_the_error_page_is_in_dutch_and_in_the_site_style(client, db, settings):
    from django.test import RequestFactory
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
