"""The code gate, the lockout, renewal and revocation, closing and erasure, and who manages the link."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from audit.models import AuditEvent
from handovers.services import network_close
from networks.choices import ClosureReason
from privacy.erasure import youth_anonymise
from youthpage.models import YouthLink, token_hash
from youthpage.services import youthlink_create, youthlink_renew, youthlink_revoke
from youthpage.tests.conftest import open_page

pytestmark = pytest.mark.django_db


def test_the_link_stores_only_hashes_of_a_long_random_token_and_of_the_code(youth_link):
    link, token, code = youth_link
    assert len(token) >= 43  # 32 random bytes, base64: 256 bits
    link.refresh_from_db()
    assert link.token_hash == token_hash(token) and token not in link.token_hash
    assert code not in link.code_hash and link.code_hash.startswith(("md5$", "argon2", "pbkdf2"))


def test_a_generated_code_is_six_digits(network, coach):
    _link, _token, code = youthlink_create(network=network, by=coach)
    assert len(code) == 6 and code.isdigit()


def test_before_the_code_the_page_shows_a_code_form_and_nothing_personal(client, youth_link, network):
    _link, token, _code = youth_link
    response = client.get(f"/j/{token}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="code"' in body
    for personal in ("Ahmad", "Rahimi", "Sara", "Jan", "Karim"):
        assert personal not in body


def test_the_right_code_opens_the_page_with_the_youths_people(client, youth_link):
    _link, token, code = youth_link
    response = open_page(client, token, code)
    body = response.content.decode()
    assert "Ahmad" in body and "Sara" in body
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex' in body


def test_a_wrong_code_says_how_many_tries_are_left_and_the_fifth_locks_the_link(client, youth_link, network):
    link, token, code = youth_link
    for tries_left in (4, 3, 2, 1):
        response = client.post(f"/j/{token}/", {"code": "000000"})
        assert f"Je kunt nog {tries_left} keer proberen." in response.content.decode()
    response = client.post(f"/j/{token}/", {"code": "000000"})
    assert response.status_code == 403
    link.refresh_from_db()
    assert link.locked and link.failed_attempts == 5
    # Even the right code no longer opens it.
    response = client.post(f"/j/{token}/", {"code": code})
    assert response.status_code == 403 and "Ahmad" not in response.content.decode()


def test_a_renewed_link_works_with_its_new_code_and_the_old_one_stops(client, youth_link, network, coach):
    _old, old_token, _code = youth_link
    for _ in range(5):
        client.post(f"/j/{old_token}/", {"code": "999999"})
    _new, new_token, new_code = youthlink_renew(network=network, by=coach, code="135790")
    assert client.get(f"/j/{old_token}/").status_code == 404
    assert "Ahmad" in open_page(client, new_token, new_code).content.decode()


def test_a_revoked_link_stops_at_once_even_with_the_code_given(client, youth_link, network, coach):
    _link, token, code = youth_link
    assert open_page(client, token, code).status_code == 200
    youthlink_revoke(network=network, by=coach)
    response = client.get(f"/j/{token}/")
    assert response.status_code == 404 and "Ahmad" not in response.content.decode()


def test_the_link_stops_when_the_network_closes(client, youth_link, network, coach):
    _link, token, code = youth_link
    assert open_page(client, token, code).status_code == 200
    network_close(network=network, reason=ClosureReason.OTHER, note="Klaar.", by=coach)
    response = client.get(f"/j/{token}/")
    assert response.status_code == 404 and "Ahmad" not in response.content.decode()


def test_the_link_stops_when_the_youth_is_erased(client, youth_link, network, admin_user):
    _link, token, code = youth_link
    youth_anonymise(youth=network.youth, by=admin_user, reason="verzoek")
    response = open_page(client, token, code)
    assert response.status_code == 404


def test_an_unknown_token_gets_the_same_answer_as_a_revoked_one(client):
    assert client.get("/j/not-a-real-token/").status_code == 404


def test_only_the_lead_or_a_member_manages_the_link(network, outsider, guardian):
    with pytest.raises(PermissionDenied):
        youthlink_create(network=network, by=outsider)
    _link, _token, _code = youthlink_create(network=network, by=guardian)  # a member in person
    with pytest.raises(PermissionDenied):
        youthlink_revoke(network=network, by=outsider)


def test_the_lead_makes_a_link_on_the_network_page_and_sees_link_and_code_once(coach_client, network):
    response = coach_client.post(
        reverse("youthpage:youthlink_create", kwargs={"network_pk": network.pk}), {"code": "112233"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "112233" in body and "/j/" in body
    assert '<svg width="' in body and "style=" not in body.split("<svg", 1)[1].split("</svg>", 1)[0]  # the QR code
    link = YouthLink.objects.get(network=network)
    assert AuditEvent.objects.filter(action="youthlink_create", object_id=str(link.pk), network_id=network.pk).exists()
    page = coach_client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk})).content.decode()
    assert "112233" not in page and "Link en code vernieuwen" in page


@pytest.mark.parametrize("name", ["youthlink_create", "youthlink_renew", "youthlink_revoke", "youth_share"])
def test_an_outsider_gets_404_and_changes_nothing(outsider_client, network, name, youth_link):
    before = list(YouthLink.objects.values_list("pk", "revoked_at"))
    response = outsider_client.post(reverse(f"youthpage:{name}", kwargs={"network_pk": network.pk}), {})
    assert response.status_code == 404
    assert list(YouthLink.objects.values_list("pk", "revoked_at")) == before


@pytest.mark.parametrize("name", ["youthlink_create", "youthlink_renew", "youthlink_revoke", "youth_share"])
def test_a_get_changes_nothing(coach_client, network, name, youth_link):
    before = list(YouthLink.objects.values_list("pk", "revoked_at"))
    assert coach_client.get(reverse(f"youthpage:{name}", kwargs={"network_pk": network.pk})).status_code == 405
    assert list(YouthLink.objects.values_list("pk", "revoked_at")) == before


def test_every_step_of_the_youth_is_on_the_audit_trail_with_the_link_as_actor(client, youth_link, network):
    link, token, code = youth_link
    client.get(f"/j/{token}/")
    client.post(f"/j/{token}/", {"code": "000000"})
    open_page(client, token, code)
    events = AuditEvent.objects.filter(network_id=network.pk, user_email=link.actor_label)
    assert set(events.values_list("action", flat=True)) >= {
        "youth_code_asked",
        "youth_code_wrong",
        "youth_code_ok",
        "youth_read",
    }
    assert not events.exclude(user_id=None).exists()


def test_too_many_requests_are_slowed_down(client, youth_link, settings):
    _link, token, _code = youth_link
    from youthpage import ratelimit

    statuses = [client.get(f"/j/{token}/").status_code for _ in range(ratelimit.PAGE_REQUESTS_PER_WINDOW + 1)]
    assert statuses[-1] == 429 and statuses[0] == 200


def test_erasing_two_youths_with_renewed_links_works_and_ends_every_link(client, network, coach, admin_user):
    from networks.tests.factories import CareNetworkFactory
    from youths.tests.factories import YouthFactory

    _first, first_token, _ = youthlink_create(network=network, by=coach, code="1111")
    _second, second_token, _ = youthlink_renew(network=network, by=coach, code="2222")
    other = CareNetworkFactory(youth=YouthFactory(first_name="Bilal"))
    YouthLink.objects.create(network=other, token_hash=token_hash("other-token"), code_hash="x")
    youth_anonymise(youth=network.youth, by=admin_user, reason="verzoek")
    youth_anonymise(youth=other.youth, by=admin_user, reason="verzoek")
    for token in (first_token, second_token, "other-token"):
        assert client.get(f"/j/{token}/").status_code == 404


def test_the_lead_gets_an_email_when_the_link_locks(
    client, youth_link, network, django_capture_on_commit_callbacks, mailoutbox
):
    _link, token, _code = youth_link
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            client.post(f"/j/{token}/", {"code": "000000"})
    assert [mail.to for mail in mailoutbox] == [["sara@atheneum.example"]]
    assert "AR" in mailoutbox[0].body and "Ahmad" not in mailoutbox[0].body


def test_a_closed_network_page_offers_no_new_link(coach_client, network, coach):
    network_close(network=network, reason=ClosureReason.OTHER, note="Klaar.", by=coach)
    page = coach_client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk})).content.decode()
    assert "Link en code maken" not in page
    response = coach_client.post(reverse("youthpage:youthlink_create", kwargs={"network_pk": network.pk}), {})
    assert response.status_code == 302 and not YouthLink.objects.exists()
