"""What the youth sees (and never sees), what the youth can do, and how it reaches the lead."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from actionplans.models import Action, ActionPlan, ActionStatus, Barrier, QuestionRoute, Referral
from actionplans.tests.factories import MeetingFactory
from adviesgroep.tests.factories import BarrierCategoryFactory, SignalFactory
from audit.models import AuditEvent
from networks.choices import TimelineKind
from networks.models import Note, TimelineEntry
from networks.tests.factories import CareNetworkFactory
from youthpage.models import MessageKind, YouthContactShare, YouthMessage
from youthpage.services import youth_share_set
from youthpage.tests.conftest import open_page
from youths.models import ResidenceStatus
from youths.tests.factories import YouthFactory
from youths.youth_texts import LANGUAGES

pytestmark = pytest.mark.django_db

NEVER = {
    "note": "MARKER-NOTE-7f1",
    "barrier": "MARKER-BARRIER-2c9",
    "referral": "MARKER-REFERRAL-5d3",
    "signal": "MARKER-SIGNAL-8e4",
    "audit": "MARKER-AUDIT-1a6",
    "other youth": "MARKERothernamexq",
    "meeting notes": "MARKER-MEETINGNOTES-4b2",
    "intake needs": "MARKER-NEEDS-9k7",
}


@pytest.fixture
def full_network(network, coach, vdab):
    """Ahmad's network with one of everything: what the youth may see and what never."""
    youth = network.youth
    youth.residence_status = ResidenceStatus.ASYLUM_PROCEDURE
    youth.interpreter_language = "Dari"
    youth.save()
    intake = youth.intakes.first()
    intake.needs = NEVER["intake needs"]
    intake.future_short_term = "Mijn diploma OKAN halen"
    intake.save()
    plan, _ = ActionPlan.objects.get_or_create(network=network)
    plan.goal_long_term = "Verpleegkundige worden"
    plan.save()
    lead = network.lead
    karim = network.memberships.get(supporter=vdab.supporter)
    Action.objects.create(
        plan=plan,
        domain="school",
        description="Inschrijven bij de bib",
        owner_is_youth=True,
        deadline=timezone.localdate(),
    )
    Action.objects.create(
        plan=plan, domain="work", description="CV nakijken", owner=lead, deadline=timezone.localdate()
    )
    QuestionRoute.objects.create(plan=plan, question="Vragen over werk", member=karim)
    Barrier.objects.create(plan=plan, category=BarrierCategoryFactory(), description=NEVER["barrier"])
    Referral.objects.create(plan=plan, partner=NEVER["referral"], reason=NEVER["referral"])
    Note.objects.create(network=network, author=coach, organisation=coach.organisation, text=NEVER["note"])
    SignalFactory(network=network, question=NEVER["signal"], case_summary=NEVER["signal"])
    AuditEvent.objects.create(action="read", network_id=network.pk, reason=NEVER["audit"])
    MeetingFactory(
        network=network,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=1),
        location="Atheneum Gent-Zuid, lokaal 12",
        online_link="https://meet.example.org/ahmad",
        notes=NEVER["meeting notes"],
        agenda=NEVER["meeting notes"],
    )
    other = YouthFactory(first_name=NEVER["other youth"], last_name="Otherlastname")
    CareNetworkFactory(youth=other)
    return network


def _pages(client, token):
    """Every page the link shows, in every language, after the code."""
    bodies = [client.get(f"/j/{token}/").content.decode()]  # before the code
    client.post(f"/j/{token}/", {"code": "246810"})
    for code in LANGUAGES:
        bodies.append(client.get(f"/j/{token}/?lang={code}").content.decode())
    bodies.append(client.get(f"/j/{token}/?sent=1&done=1").content.decode())
    bodies.append(client.post(f"/j/{token}/bericht/", {"kind": "bogus"}).content.decode())
    return bodies


def test_nothing_on_the_never_list_appears_on_any_page_the_link_shows(client, full_network, youth_link):
    _link, token, _code = youth_link
    forbidden = [
        *NEVER.values(),
        "Rahimi",  # the youth's own last name
        "Vermeulen",
        "De Smet",
        "El Idrissi",  # members' last names (none chose to show it)
        "sara@atheneum.example",
        "karim@vdab.example",  # e-mail addresses (none chose to show them)
        "Otherlastname",
        ResidenceStatus.ASYLUM_PROCEDURE.value,
    ]
    for code in LANGUAGES:
        with translation.override(code):
            forbidden.append(str(ResidenceStatus.ASYLUM_PROCEDURE.label))
    for body in _pages(client, token):
        for marker in forbidden:
            assert marker not in body, f"{marker!r} shows on the youth's page"


def test_the_page_shows_people_questions_meeting_actions_and_goals(client, full_network, youth_link):
    _link, token, code = youth_link
    body = open_page(client, token, code).content.decode()
    for expected in (
        "Sara",
        "Karim",
        "helpt je werk zoeken",  # the role in words a youth understands (Dutch by default)
        "je contactpersoon",
        "Vragen over werk",
        "Atheneum Gent-Zuid, lokaal 12",
        "https://meet.example.org/ahmad",
        "Dari",
        "Inschrijven bij de bib",
        "Mijn diploma OKAN halen",
        "Verpleegkundige worden",
    ):
        assert expected in body, expected
    assert "CV nakijken" not in body  # an action of a member, not of the youth


def test_a_member_who_chose_to_show_last_name_and_phone_is_shown_so(client, full_network, youth_link, vdab):
    karim = full_network.memberships.get(supporter=vdab.supporter)
    vdab.supporter.phone = "09 123 45 67"
    vdab.supporter.save()
    youth_share_set(membership=karim, by=vdab, show_phone=True, show_email=False, show_last_name=True)
    _link, token, code = youth_link
    body = open_page(client, token, code).content.decode()
    assert "El Idrissi" in body and "09 123 45 67" in body and "karim@vdab.example" not in body
    assert "Vermeulen" not in body


def test_a_member_sets_what_the_youth_sees_of_them_on_the_network_page(client, network, vdab):
    client.force_login(vdab)
    client.post(reverse("youthpage:youth_share", kwargs={"network_pk": network.pk}), {"show_email": "on"})
    share = YouthContactShare.objects.get(membership__supporter=vdab.supporter)
    assert share.show_email and not share.show_phone and not share.show_last_name


@pytest.mark.parametrize("code", ["ar", "prs", "ps"])
def test_right_to_left_languages_read_right_to_left(client, youth_link, code):
    _link, token, pin = youth_link
    client.post(f"/j/{token}/", {"code": pin})
    body = client.get(f"/j/{token}/?lang={code}").content.decode()
    assert 'dir="rtl"' in body.split(">", 2)[1]
    assert "to be checked by a native speaker" not in body  # the notice is in the language itself


def test_the_chosen_language_stays_for_the_next_page(client, youth_link):
    _link, token, pin = youth_link
    client.post(f"/j/{token}/", {"code": pin})
    client.get(f"/j/{token}/?lang=fr")
    assert 'lang="fr"' in client.get(f"/j/{token}/").content.decode()


def test_the_page_weighs_less_than_60_kb_with_its_stylesheet(client, full_network, youth_link):
    from django.contrib.staticfiles import finders

    _link, token, code = youth_link
    body = open_page(client, token, code).content
    with open(finders.find("css/youthpage.css"), "rb") as css:
        assert len(body) + len(css.read()) < 60 * 1024
    assert b"<script" not in body and b"style=" not in body


def test_the_page_needs_few_queries(client, full_network, youth_link, django_assert_max_num_queries):
    _link, token, code = youth_link
    open_page(client, token, code)
    with django_assert_max_num_queries(25):
        assert client.get(f"/j/{token}/").status_code == 200


def test_the_youths_message_reaches_the_lead_by_mail_dashboard_and_timeline(
    client, full_network, youth_link, coach, django_capture_on_commit_callbacks, mailoutbox
):
    link, token, code = youth_link
    open_page(client, token, code)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/j/{token}/bericht/", {"kind": MessageKind.CHANGE, "text": "Ik wil op woensdag."})
    assert response.status_code == 302
    message = YouthMessage.objects.get(network=full_network)
    assert message.kind == MessageKind.CHANGE and message.text == "Ik wil op woensdag."
    assert [mail.to for mail in mailoutbox] == [["sara@atheneum.example"]]
    assert "Ahmad" not in mailoutbox[0].body and "AR" in mailoutbox[0].body
    with translation.override("nl"):
        dutch_kind = str(MessageKind.CHANGE.label)
    entry = TimelineEntry.objects.get(network=full_network, kind=TimelineKind.YOUTH, summary__contains=dutch_kind)
    assert entry.actor is None
    assert AuditEvent.objects.filter(action="youth_message", user_email=link.actor_label).exists()
    client.force_login(coach)
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Ik wil op woensdag." in dashboard
    client.post(reverse("youthpage:youthmessage_handled", kwargs={"youthmessage_pk": message.pk}))
    assert "Ik wil op woensdag." not in client.get(reverse("dashboard")).content.decode()


def test_another_member_does_not_see_the_youths_message_on_the_dashboard(client, full_network, youth_link, vdab):
    _link, token, code = youth_link
    open_page(client, token, code)
    client.post(f"/j/{token}/bericht/", {"kind": MessageKind.QUESTION, "text": "Een vraag voor Sara."})
    client.force_login(vdab)
    assert "Een vraag voor Sara." not in client.get(reverse("dashboard")).content.decode()


def test_the_youth_marks_an_own_action_done_and_asks_help_with_another(client, full_network, youth_link):
    link, token, code = youth_link
    own = Action.objects.get(description="Inschrijven bij de bib")
    open_page(client, token, code)
    client.post(f"/j/{token}/actie/", {"action": own.pk, "do": "help"})
    help_message = YouthMessage.objects.get(action=own)
    assert help_message.kind == MessageKind.HELP
    client.post(f"/j/{token}/actie/", {"action": own.pk, "do": "done"})
    own.refresh_from_db()
    assert own.status == ActionStatus.DONE
    assert AuditEvent.objects.filter(action="youth_action_done", object_id=str(own.pk)).exists()
    members_action = Action.objects.get(description="CV nakijken")
    assert client.post(f"/j/{token}/actie/", {"action": members_action.pk, "do": "done"}).status_code == 404
    members_action.refresh_from_db()
    assert members_action.status == ActionStatus.OPEN


def test_the_youths_changes_are_post_only_and_need_the_code(client, full_network, youth_link):
    _link, token, code = youth_link
    own = Action.objects.get(description="Inschrijven bij de bib")
    # Without the code: nothing happens.
    client.post(f"/j/{token}/actie/", {"action": own.pk, "do": "done"})
    client.post(f"/j/{token}/bericht/", {"kind": MessageKind.HELP, "text": "x"})
    own.refresh_from_db()
    assert own.status == ActionStatus.OPEN and not YouthMessage.objects.exists()
    open_page(client, token, code)
    for path in ("actie", "bericht", "sluiten"):
        assert client.get(f"/j/{token}/{path}/").status_code == 405
    own.refresh_from_db()
    assert own.status == ActionStatus.OPEN and not YouthMessage.objects.exists()


def test_closing_the_page_asks_for_the_code_again(client, youth_link):
    _link, token, code = youth_link
    assert "Ahmad" in open_page(client, token, code).content.decode()
    client.post(f"/j/{token}/sluiten/")
    assert "Ahmad" not in client.get(f"/j/{token}/").content.decode()


def test_the_lead_marks_a_message_handled_and_others_cannot(client, full_network, vdab, outsider):
    from youthpage.tests.factories import YouthMessageFactory

    message = YouthMessageFactory(network=full_network)
    url = reverse("youthpage:youthmessage_handled", kwargs={"youthmessage_pk": message.pk})
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    client.force_login(vdab)
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 405
    message.refresh_from_db()
    assert message.handled_at is None


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "en"])
def test_every_text_of_the_page_is_translated_in_each_language(client, full_network, youth_link, code):
    _link, token, pin = youth_link
    client.post(f"/j/{token}/", {"code": pin})
    body = client.get(f"/j/{token}/?lang={code}").content.decode()
    for english in ("My people", "Which question to whom", "My next meeting", "What I do", "My goals", "helps you"):
        assert english not in body, (code, english)
    if code != "nl":
        assert "helpt je" not in body and "je contactpersoon" not in body, code
    assert f'lang="{LANGUAGES[code].html_lang}"' in body.split(">", 2)[1]


def test_the_next_meeting_says_an_interpreter_comes_once_one_is_booked(client, full_network, youth_link):
    _link, token, code = youth_link
    assert "Er komt een tolk" not in open_page(client, token, code).content.decode()
    meeting = full_network.meetings.get(location="Atheneum Gent-Zuid, lokaal 12")
    meeting.interpreter = "booked"
    meeting.save()
    body = client.get(reverse("youthpage:youth_page", args=[token])).content.decode()
    assert "Er komt een tolk (Dari)." in body
