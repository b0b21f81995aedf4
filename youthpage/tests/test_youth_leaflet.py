"""p.9 with the youth's link as a QR code: only on the page shown once, only for whoever made the link."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from youthpage.services import youthlink_renew
from youthpage.views import LEAFLET_SESSION_KEY
from zorgnetwerk.tests.pdf_helpers import pdf_response_bytes, pdf_text

pytestmark = pytest.mark.django_db


def make_link(client, network, code="112233"):
    """The lead makes the link on the network page; returns (the page shown once, the raw token)."""
    response = client.post(reverse("youthpage:youthlink_create", kwargs={"network_pk": network.pk}), {"code": code})
    body = response.content.decode()
    token = re.search(r'name="token" value="([^"]+)"', body).group(1)
    return body, token


def leaflet(client, network, token, **data):
    return client.post(
        reverse("youthpage:youthlink_leaflet", kwargs={"network_pk": network.pk}), {"token": token, **data}
    )


def flat(text: str) -> str:
    """The PDF's text without spaces and line breaks (a long link wraps)."""
    return "".join(text.split())


def test_right_after_making_the_link_the_lead_prints_p9_with_the_link_and_never_the_code(coach_client, network):
    body, token = make_link(coach_client, network)
    assert "p.9 met de link (pdf)" in body
    response = leaflet(coach_client, network, token, lang="en")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(pdf_response_bytes(response))
    assert f"http://testserver/j/{token}/" in flat(text)
    assert "Your own page on your phone" in text and "Code: ask your contact person." in text
    assert "112233" not in text
    assert AuditEvent.objects.filter(action="pdf", youth_id=network.youth.pk).exists()


def test_the_leaflet_comes_in_the_language_chosen(coach_client, network):
    _body, token = make_link(coach_client, network)
    text = pdf_text(pdf_response_bytes(leaflet(coach_client, network, token, lang="nl")))
    assert "Je eigen pagina op je gsm" in text and "Code: vraag het aan je contactpersoon." in text


def test_the_raw_token_goes_into_no_address(coach_client, network):
    body, token = make_link(coach_client, network)
    addresses = re.findall(r'(?:href|action|src)="([^"]*)"', body)
    assert addresses and not [a for a in addresses if token in a]
    form = body.split('name="token"', 1)[0].rsplit("<form", 1)[1]
    assert 'method="post"' in form


def test_another_member_with_the_token_gets_404(coach_client, client, network, guardian):
    _body, token = make_link(coach_client, network)
    client.force_login(guardian)
    assert leaflet(client, network, token).status_code == 404


def test_an_outsider_gets_404(coach_client, client, network, outsider):
    _body, token = make_link(coach_client, network)
    client.force_login(outsider)
    assert leaflet(client, network, token).status_code == 404


def test_a_wrong_or_missing_token_gets_404(coach_client, network):
    make_link(coach_client, network)
    assert leaflet(coach_client, network, "not-the-token").status_code == 404
    assert leaflet(coach_client, network, "").status_code == 404


def test_after_the_minutes_are_over_the_leaflet_is_gone(coach_client, network):
    _body, token = make_link(coach_client, network)
    session = coach_client.session
    session[LEAFLET_SESSION_KEY]["until"] = (timezone.now() - timedelta(seconds=1)).timestamp()
    session.save()
    assert leaflet(coach_client, network, token).status_code == 404


def test_a_renewed_link_no_longer_prints_the_old_one(coach_client, network, coach):
    _body, token = make_link(coach_client, network)
    youthlink_renew(network=network, by=coach, code="135790")
    assert leaflet(coach_client, network, token).status_code == 404


def test_a_get_prints_nothing(coach_client, network):
    make_link(coach_client, network)
    assert (
        coach_client.get(reverse("youthpage:youthlink_leaflet", kwargs={"network_pk": network.pk})).status_code == 405
    )
