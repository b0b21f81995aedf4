"""The printable templates p.9 (for the youth) and p.10 (first conversation), and the Sjablonen page."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from networks.choices import MemberRole
from youths.models import Intake
from youths.tests.factories import IntakeFactory, YouthFactory
from youths.youth_texts import LANGUAGES, SECTOR_KEYS, SOURCE_TEXTS, default_language_for
from zorgnetwerk.tests.pdf_helpers import pdf_response_bytes, pdf_text

pytestmark = pytest.mark.django_db

LEAFLET = "youths:youth_leaflet_pdf"
INTAKE = "youths:youth_intake_pdf"


def test_member_downloads_the_leaflet_with_the_names_and_roles_of_the_network(coach_client, network):
    response = coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": "nl"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(pdf_response_bytes(response))
    for name in ("Sara Vermeulen", "Jan De Smet", "Karim El Idrissi"):
        assert name in text
    assert "OKAN" in text  # Sara's role


def test_leaflet_file_name_has_initials_and_date_never_the_name(coach_client, network):
    response = coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": "en"})
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "voor-de-jongere-en-AR-" in disposition
    assert "Ahmad" not in disposition and "Rahimi" not in disposition
    assert "no-store" in response["Cache-Control"]


def test_leaflet_header_shows_initials_not_the_full_name(coach_client, network):
    text = pdf_text(pdf_response_bytes(coach_client.get(reverse(LEAFLET, args=[network.youth.pk]))))
    assert "Zorgnetwerk · AR" in text
    assert "Rahimi" not in text


def test_blank_leaflet_has_none_of_the_members(coach_client, network):
    response = coach_client.get(reverse("youths:youth_leaflet_blank_pdf"), {"lang": "nl"})
    assert response.status_code == 200
    text = pdf_text(pdf_response_bytes(response))
    for value in ("Sara", "Vermeulen", "Karim", "Jan De Smet", "Ahmad", " AR "):
        assert value not in text
    assert response["Content-Disposition"].endswith('"voor-de-jongere-nl-blanco.pdf"')


def test_leaflet_says_a_network_is_not_a_punishment(coach_client, network):
    text = pdf_text(pdf_response_bytes(coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": "en"})))
    assert "It is not a punishment." in text


@pytest.mark.parametrize("code", ["ar", "prs", "ps", "ti", "so"])
def test_leaflet_renders_in_each_youth_language_marked_to_be_checked(coach_client, network, code):
    response = coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": code})
    assert response.status_code == 200
    text = pdf_text(pdf_response_bytes(response))
    # The youth's copy carries no Dutch or English review notice and no Dutch "Datum".
    assert "native speaker" not in text and "moedertaalspreker" not in text
    assert "Datum" not in text
    assert "Sara Vermeulen" in text


def test_the_coach_reads_which_leaflet_languages_are_still_to_be_checked_next_to_the_download(coach_client, network):
    from youths.models import LeafletTranslation

    LeafletTranslation.objects.filter(language="so").update(checked=True, checked_by="Faadumo (tolk)")
    content = coach_client.get(reverse("youths:youth_detail", args=[network.youth.pk])).content.decode()
    notice = content[content.index('class="leaflet-review') :][:600]
    assert "moedertaalspreker" in notice
    assert "Tigrinya" in notice or "Tigrinia" in notice
    assert "Somali" not in notice


def test_lang_fa_gives_the_dari_leaflet(coach_client, network):
    response = coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": "fa"})
    assert "voor-de-jongere-prs-" in response["Content-Disposition"]


def test_the_leaflet_names_each_role_in_the_youths_language_with_the_dutch_word(coach_client, network):
    text = pdf_text(pdf_response_bytes(coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": "en"})))
    assert "OKAN coach (OKAN-coach)" in text
    assert "Guardian (Voogd)" in text


def test_the_leaflet_gives_each_persons_phone_and_the_question_to_ask_them(coach_client, network):
    from actionplans.models import ActionPlan, QuestionRoute

    memberships = {m.supporter.first_name: m for m in network.memberships.select_related("supporter")}
    jan = memberships["Jan"].supporter
    jan.phone = "0470 11 22 33"
    jan.save()
    plan = ActionPlan.objects.create(network=network)
    QuestionRoute.objects.create(plan=plan, question="Vragen-over-papieren", member=memberships["Jan"])
    text = pdf_text(pdf_response_bytes(coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": "nl"})))
    assert "0470 11 22 33" in text
    assert "Vragen-over-papieren" in text


def test_the_leaflet_writes_the_date_with_the_month_by_name(coach_client, network):
    import datetime
    from unittest import mock

    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 12, 1)):
        english = pdf_text(
            pdf_response_bytes(coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": "en"}))
        )
    assert "1 December 2026" in english
    assert "12/01/2026" not in english


def test_rtl_languages_set_the_direction_of_the_document(coach_client, network, monkeypatch):
    seen = {}
    from youths import pdf_views

    original = pdf_views.render_leaflet_html

    def spy(context, *, request=None):
        seen.update(rtl=context["rtl"], html_lang=context["html_lang"])
        return original(context, request=request)

    monkeypatch.setattr(pdf_views, "render_leaflet_html", spy)
    coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": "prs"})
    assert seen == {"rtl": True, "html_lang": "fa-AF"}
    coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": "ti"})
    assert seen == {"rtl": False, "html_lang": "ti"}


def test_leaflet_template_turns_right_to_left_for_arabic_script():
    from django.template.loader import render_to_string

    from youths.youth_texts import leaflet_texts
    from zorgnetwerk.pdf import print_context

    context = print_context(
        template_no="p. 9",
        doc_title="x",
        blank=True,
        texts=leaflet_texts("ps"),
        language=LANGUAGES["ps"],
        html_lang="ps",
        rtl=True,
        members=[],
        contact=None,
    )
    html = render_to_string("pdf/youth_leaflet.html", context)
    assert '<html lang="ps" dir="rtl">' in html


def test_leaflet_defaults_to_the_interpreter_language_when_translated(coach_client, network):
    youth = network.youth
    youth.interpreter_language = "Dari"
    youth.save()
    response = coach_client.get(reverse(LEAFLET, args=[youth.pk]))
    assert "voor-de-jongere-prs-" in response["Content-Disposition"]


def test_leaflet_defaults_to_dutch_without_a_translation(network):
    youth = network.youth
    youth.interpreter_language = "Kurmanji"
    assert default_language_for(youth) == "nl"
    youth.interpreter_language = "Tigrinya"
    assert default_language_for(youth) == "ti"


def test_unknown_language_falls_back_to_the_default(coach_client, network):
    response = coach_client.get(reverse(LEAFLET, args=[network.youth.pk]), {"lang": "xx"})
    assert "voor-de-jongere-nl-" in response["Content-Disposition"]


HAND_KEPT_CATALOGUES = ("ar", "prs", "ps", "ti", "so")


@pytest.mark.parametrize("code", HAND_KEPT_CATALOGUES)
def test_the_catalogue_of_every_youth_language_translates_every_text_sector_role_and_month(code):
    from django.utils import translation
    from django.utils.dates import MONTHS

    from accounts.choices import Sector

    english = [*SOURCE_TEXTS.values(), *(Sector(key).label for key in SECTOR_KEYS)]
    english += [MemberRole(value).label for value in MemberRole.values] + [MONTHS[i] for i in range(1, 13)]
    with translation.override("en"):
        sources = [str(text) for text in english]
    with translation.override(code):
        untranslated = [source for source, text in zip(sources, english, strict=True) if str(text) == source]
    assert untranslated == [], code
    assert LANGUAGES[code].checked is False  # nobody has checked them yet: the PDF must say so


def test_outsider_gets_404_for_the_leaflet_and_the_intake(outsider_client, network):
    assert outsider_client.get(reverse(LEAFLET, args=[network.youth.pk])).status_code == 404
    assert outsider_client.get(reverse(INTAKE, args=[network.youth.pk])).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        lambda youth: reverse(LEAFLET, args=[youth.pk]),
        lambda youth: reverse(INTAKE, args=[youth.pk]),
        lambda youth: reverse("youths:youth_leaflet_blank_pdf"),
        lambda youth: reverse("youths:intake_blank_pdf"),
        lambda youth: reverse("youths:templates_index"),
    ],
)
def test_anonymous_is_sent_to_login(client, network, url):
    response = client.get(url(network.youth))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_youth_without_a_network_is_404_even_for_a_coach(coach_client, network):
    stranger = YouthFactory()
    assert coach_client.get(reverse(LEAFLET, args=[stranger.pk])).status_code == 404


def test_member_downloads_the_latest_first_conversation(coach_client, network):
    youth = network.youth
    older = Intake.objects.get(youth=youth)
    older.held_on = older.held_on.replace(year=older.held_on.year - 1)
    older.save()
    IntakeFactory(
        youth=youth,
        needs="Nood-Laatste-Gesprek",
        what_goes_well="Gaat-Goed-Voetbal",
        strengths="Talent-Tekenen",
        interests="Interesse-Koken",
        future_dreams="Droom-Piloot",
        current_support="Steun-Buddy-Tom",
        consent_explained_by="Uitgelegd-Door-Sara",
    )
    response = coach_client.get(reverse(INTAKE, args=[youth.pk]))
    assert response.status_code == 200
    text = pdf_text(pdf_response_bytes(response))
    for value in (
        "Nood-Laatste-Gesprek",
        "Gaat-Goed-Voetbal",
        "Talent-Tekenen",
        "Interesse-Koken",
        "Droom-Piloot",
        "Steun-Buddy-Tom",
        "Uitgelegd-Door-Sara",
        "Ahmad Rahimi",
    ):
        assert value in text
    assert "eerste-gesprek-AR-" in response["Content-Disposition"]


def test_a_chosen_intake_of_the_youth_is_printed(coach_client, network):
    youth = network.youth
    chosen = IntakeFactory(youth=youth, needs="Nood-Gekozen-Gesprek")
    IntakeFactory(youth=youth, needs="Nood-Andere")
    text = pdf_text(pdf_response_bytes(coach_client.get(reverse(INTAKE, args=[youth.pk]), {"intake": chosen.pk})))
    assert "Nood-Gekozen-Gesprek" in text
    assert "Nood-Andere" not in text


def test_an_intake_of_another_youth_cannot_be_chosen(coach_client, network):
    other = IntakeFactory(needs="Nood-Van-Iemand-Anders")
    response = coach_client.get(reverse(INTAKE, args=[network.youth.pk]), {"intake": other.pk})
    assert response.status_code == 404
    assert coach_client.get(reverse(INTAKE, args=[network.youth.pk]), {"intake": "1 or 1=1"}).status_code == 404


def test_blank_intake_has_no_data(coach_client, network):
    response = coach_client.get(reverse("youths:intake_blank_pdf"))
    assert response.status_code == 200
    text = pdf_text(pdf_response_bytes(response))
    for value in ("Ahmad", "Rahimi", "Wil graag Nederlands leren", "Doorzetter", "Sara (OKAN-coach)"):
        assert value not in text
    assert response["Content-Disposition"].endswith('"eerste-gesprek-blanco.pdf"')


def test_pdf_download_is_written_to_the_audit_trail(coach_client, coach, network):
    before = AuditEvent.objects.filter(action="pdf").count()
    coach_client.get(reverse(LEAFLET, args=[network.youth.pk]))
    coach_client.get(reverse(INTAKE, args=[network.youth.pk]))
    events = AuditEvent.objects.filter(action="pdf").order_by("pk")
    assert events.count() == before + 2
    assert {event.user_id for event in events} == {coach.pk}


def test_long_names_and_long_texts_render(coach_client, network):
    youth = network.youth
    youth.first_name = "Abdulrahman-Mohammed-Abdelaziz" * 3
    youth.last_name = "Al-Hashimi-Wa-Al-Qurashi" * 4
    youth.save()
    IntakeFactory(youth=youth, needs=("Een zeer lange tekst zonder einde " * 150) + "Woordzonderspatie" * 40)
    for name in (LEAFLET, INTAKE):
        response = coach_client.get(reverse(name, args=[youth.pk]))
        assert response.status_code == 200
        assert pdf_text(pdf_response_bytes(response))


def test_templates_page_lists_the_four_blank_templates(coach_client):
    response = coach_client.get(reverse("youths:templates_index"))
    assert response.status_code == 200
    content = response.content.decode()
    for name in ("youths:youth_leaflet_blank_pdf", "youths:intake_blank_pdf"):
        assert reverse(name) in content
    assert reverse("networks:network_map_blank_pdf") in content
    assert reverse("actionplans:plan_blank_pdf") in content
    assert 'value="ti"' in content


def test_pdf_views_refuse_post(coach_client, network):
    assert coach_client.post(reverse(LEAFLET, args=[network.youth.pk])).status_code == 405


def test_a_language_an_admin_marked_checked_loses_the_notice_on_the_templates_page(coach_client, network):
    from youths.models import LeafletTranslation

    LeafletTranslation.objects.filter(language="so").update(checked=True, checked_by="Faadumo (tolk)")
    content = coach_client.get(reverse("youths:templates_index")).content.decode()
    somali = content[content.index('value="so"') :].split("</option>")[0]
    tigrinya = content[content.index('value="ti"') :].split("</option>")[0]
    assert "moedertaalspreker" not in somali
    assert "moedertaalspreker" in tigrinya


def test_every_youth_language_starts_unchecked_in_the_admin(db):
    from youths.models import LeafletTranslation

    assert set(LeafletTranslation.objects.filter(checked=False).values_list("language", flat=True)) == {
        "ar",
        "prs",
        "ps",
        "ti",
        "so",
    }
