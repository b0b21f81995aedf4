"""The design system a user notices (docs/design.md): the error summary, the two date styles, status
badges, French elision and the eco-map's phone form."""

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from networks.services import timeline_record
from zorgnetwerk.text import elide

DAY = datetime.date(2026, 12, 1)


def render(source: str, **context) -> str:
    return Template("{% load zorgnetwerk_ui %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "text", "table"),
    [
        ("nl", "1 december 2026", "01-12-2026"),
        ("en", "1 December 2026", "01/12/2026"),
        ("fr", "1 décembre 2026", "01/12/2026"),
    ],
)
def test_a_date_reads_one_way_in_text_and_one_way_in_a_table_in_each_language(language, text, table):
    with translation.override(language):
        assert render("{{ day|date_text }}", day=DAY) == text
        assert render('{{ day|date:"DATE_FORMAT" }}', day=DAY) == text
        assert render("{{ day }}", day=DAY) == text
        assert render("{{ day|date_table }}", day=DAY) == table
        assert render('{{ day|date:"SHORT_DATE_FORMAT" }}', day=DAY) == table


def test_the_timeline_shows_its_moments_in_the_text_style(coach_client, network):
    moment = timezone.make_aware(datetime.datetime(2026, 12, 1, 20, 24))
    timeline_record(kind="note", summary="Gesprek met de school", network=network, occurred_at=moment)
    content = coach_client.get(reverse("youths:youth_detail", args=[network.youth.pk])).content.decode()
    assert "1 december 2026 20:24" in content
    assert "1 Dec 2026" not in content


def test_french_elides_de_before_a_vowel_and_nothing_else():
    assert elide("Réseau de Ahmad", "fr") == "Réseau d'Ahmad"
    assert elide("Plan d'action de Omar et de Yasmin", "fr") == "Plan d'action d'Omar et de Yasmin"
    assert elide("Réseau de Hassan", "fr") == "Réseau de Hassan"
    assert elide("Netwerk van Ahmad de Amsterdammer", "nl") == "Netwerk van Ahmad de Amsterdammer"


def test_the_network_page_reads_d_ahmad_in_french(coach_client, network):
    coach_client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    content = coach_client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()
    assert "Réseau d&#x27;Ahmad" in content or "Réseau d'Ahmad" in content
    assert "Réseau de Ahmad" not in content


def test_a_form_with_errors_starts_with_a_summary_that_links_to_each_field(coach_client):
    response = coach_client.post(reverse("youths:youth_create"), {"first_name": "", "last_name": ""})
    content = response.content.decode()
    assert response.status_code == 200
    summary_at = content.index('class="zn-error-summary"')
    assert "Er is een probleem" in content
    assert 'href="#id_first_name"' in content[summary_at:]
    # The summary comes before the first field, so a long form reports its errors at the top.
    assert summary_at < content.index('id="id_first_name"')


def test_a_form_without_errors_has_no_summary(coach_client):
    assert "zn-error-summary" not in coach_client.get(reverse("youths:youth_create")).content.decode()


def test_a_status_is_shown_by_colour_and_by_word(coach_client, network):
    content = coach_client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()
    assert '<span class="zn-status zn-status--active">Actief</span>' in content


def test_a_pending_handover_is_a_waiting_badge(coach_client, pending_handover):
    content = coach_client.get(reverse("handovers:handover_detail", args=[pending_handover.pk])).content.decode()
    assert '<span class="zn-status zn-status--waiting">' in content


def test_the_network_page_lists_the_members_by_sector_for_a_phone(coach_client, network):
    content = coach_client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()
    phone = content[content.index('data-testid="ecomap-list"') :]
    assert "Karim El Idrissi" in phone and "Onderwijs" in phone
    assert "3 begeleiders rond de jongere, per sector." in phone


def test_an_outsider_does_not_see_the_network_page_or_its_phone_list(outsider_client, network):
    assert outsider_client.get(reverse("networks:network_detail", args=[network.pk])).status_code == 404
