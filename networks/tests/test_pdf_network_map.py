"""The printable template p.11: the network map (eco-map and table of supporters)."""

import subprocess  # noqa: S404 - poppler's pdftotext reads the PDF back

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.choices import Sector
from networks.choices import MemberRole
from networks.services import network_add_member
from networks.tests.factories import OrganisationFactory, SupporterFactory
from zorgnetwerk.tests.pdf_helpers import pdf_response_bytes, pdf_text

pytestmark = pytest.mark.django_db

MAP = "networks:network_map_pdf"


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_member_downloads_the_map_with_every_supporter(coach_client, network, english):
    jan = network.memberships.get(supporter__first_name="Jan")
    jan.continues_after_18 = True
    jan.supporter.phone = "0470 12 34 56"
    jan.supporter.save()
    jan.save()
    response = coach_client.get(reverse(MAP, args=[network.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(pdf_response_bytes(response))
    for value in (
        "Sara Vermeulen",
        "Atheneum Gent-",
        "sara@atheneum.example",
        "Dienst Voogdij",
        "0470 12 34 56",
        "VDAB Gent",
        "karim@vdab.example",
        "continuity figure",
    ):
        assert value in text
    assert "Still missing in this network: Welfare, Housing" in text
    assert "netwerkkaart-AR-" in response["Content-Disposition"]


def test_the_map_contains_the_eco_map_drawing(coach_client, network, monkeypatch):
    from networks import pdf_views

    calls = []
    original = pdf_views.render_print_ecomap_svg

    def spy(layout):
        calls.append(len(layout["dots"]))
        return original(layout)

    monkeypatch.setattr(pdf_views, "render_print_ecomap_svg", spy)
    text = pdf_text(pdf_response_bytes(coach_client.get(reverse(MAP, args=[network.pk]))))
    assert calls == [3]
    # The youth's name is in the centre of the drawing; every sector is named in its slice,
    # civic integration and "other" included; the table numbers each member as the drawing does.
    assert "Ahmad Rahimi" in text
    for sector in ("Inburgering", "Andere", "Vrije tijd", "Onderwijs"):
        assert sector in text
    assert "Karim El Idrissi" in text


def test_an_arabic_script_name_in_the_centre_is_joined_and_right_to_left(coach_client, network):
    # WeasyPrint draws SVG text letter by letter: the name came out unjoined and in reverse.
    # poppler reads it back in logical order only when it was printed as one right-to-left run.
    youth = network.youth
    youth.first_name, youth.last_name = "أحمد", "رحيمي"
    youth.save()
    pdf = pdf_response_bytes(coach_client.get(reverse(MAP, args=[network.pk])))
    lines = subprocess.run(  # noqa: S603 - poppler's pdftotext on our own PDF
        ["pdftotext", "-f", "1", "-l", "1", "-", "-"],  # noqa: S607
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    centre = [line.strip("\u202b\u202c ") for line in lines.splitlines() if "رحيمي" in line or "يميحر" in line]
    assert "أحمد رحيمي" in centre
    assert not any("دمحأ" in line for line in centre)


def test_blank_map_has_no_data(coach_client, network):
    response = coach_client.get(reverse("networks:network_map_blank_pdf"))
    assert response.status_code == 200
    text = pdf_text(pdf_response_bytes(response))
    for value in ("Sara", "Vermeulen", "Karim", "Atheneum", "VDAB Gent", "@", "Ahmad", "Rahimi"):
        assert value not in text
    assert response["Content-Disposition"].endswith('"netwerkkaart-blanco.pdf"')


def test_outsider_gets_404(outsider_client, network):
    assert outsider_client.get(reverse(MAP, args=[network.pk])).status_code == 404


def test_anonymous_is_sent_to_login(client, network):
    for url in (reverse(MAP, args=[network.pk]), reverse("networks:network_map_blank_pdf")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_queries_do_not_grow_with_the_number_of_members(coach_client, network):
    url = reverse(MAP, args=[network.pk])
    coach_client.get(url)  # warm up (session, content types)
    with CaptureQueriesContext(connection) as few:
        coach_client.get(url)
    for index in range(22):
        organisation = OrganisationFactory(name=f"Organisatie kaart {index}", sector=list(Sector)[index % 10])
        supporter = SupporterFactory(organisation=organisation)
        network_add_member(network=network, supporter=supporter, role=MemberRole.SOCIAL_WORKER)
    with CaptureQueriesContext(connection) as many:
        response = coach_client.get(url)
    assert response.status_code == 200
    assert len(many) <= len(few)


def test_long_names_render_without_error(coach_client, network):
    organisation = OrganisationFactory(name="Centrum voor Leerlingenbegeleiding " * 5, sector=Sector.WELFARE)
    supporter = SupporterFactory(
        first_name="Maximiliaan-Alexander-Theodoor" * 2,
        last_name="Vanderhaegen-Van-Den-Broucke" * 3,
        organisation=organisation,
        email="een.heel.lang.adres.zonder.einde@" + "subdomein." * 10 + "example",
    )
    network_add_member(network=network, supporter=supporter, role=MemberRole.CLB_WORKER)
    response = coach_client.get(reverse(MAP, args=[network.pk]))
    assert response.status_code == 200
    assert "Maximiliaan" in pdf_text(pdf_response_bytes(response))
