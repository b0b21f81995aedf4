"""Advice back: the reply reaches the network's timeline, the lead's dashboard and the lead's mailbox."""

import pytest
from django.core import mail
from django.urls import reverse

from adviesgroep.models import Advice, SignalStatus
from adviesgroep.services import signal_answer
from adviesgroep.tests.factories import AdviceFactory
from networks.choices import TimelineKind
from networks.models import TimelineEntry

pytestmark = pytest.mark.django_db


def test_the_group_answers_and_the_signal_is_answered(advisor_client, advisor, signal):
    url = reverse("adviesgroep:signal_answer", kwargs={"signal_pk": signal.pk})
    response = advisor_client.post(url, {"text": "Vraag het LOP om bemiddeling."})
    assert response.status_code == 302
    advice = Advice.objects.get()
    assert advice.signal == signal and advice.by == advisor
    signal.refresh_from_db()
    assert signal.status == SignalStatus.ANSWERED


def test_empty_advice_is_refused_with_a_message(advisor_client, signal):
    response = advisor_client.post(reverse("adviesgroep:signal_answer", kwargs={"signal_pk": signal.pk}), {"text": ""})
    assert response.status_code == 400
    assert "text" in response.context["advice_form"].errors
    assert not Advice.objects.exists()


def test_the_advice_appears_in_the_networks_timeline(advisor, signal, network):
    signal_answer(signal=signal, text="Vraag het LOP om bemiddeling.", by=advisor)
    entry = TimelineEntry.objects.filter(network=network, kind=TimelineKind.SIGNAL).latest("occurred_at")
    assert entry.actor == advisor


def test_the_lead_gets_an_e_mail_after_the_commit(advisor, signal, coach, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        signal_answer(signal=signal, text="Vraag het LOP om bemiddeling.", by=advisor)
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coach.email]
    assert reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk}) in message.body
    assert "Ahmad" not in message.body + message.subject


def test_the_network_sees_the_advice_on_the_signal_page(coach_client, signal):
    AdviceFactory(signal=signal, text="Vraag het LOP om bemiddeling.")
    response = coach_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk}))
    assert "Vraag het LOP om bemiddeling." in response.content.decode()
    assert "advice_form" not in response.context


def test_new_advice_shows_on_the_leads_dashboard(coach_client, signal, other_signal):
    AdviceFactory(signal=signal, text="Advies voor Ahmads netwerk")
    AdviceFactory(signal=other_signal, text="Advies voor een ander netwerk")
    content = coach_client.get(reverse("dashboard")).content.decode()
    assert "Advies voor Ahmads netwerk" in content
    assert "Advies voor een ander netwerk" not in content


def test_the_advisors_dashboard_shows_the_inbox_counts(advisor_client, signal, other_signal):
    response = advisor_client.get(reverse("dashboard"))
    assert response.status_code == 200
    content = response.content.decode()
    assert reverse("adviesgroep:inbox") in content


def test_similar_earlier_signals_show_with_their_advice(advisor_client, signal, other_signal, category):
    other_signal.sent_at = signal.sent_at.replace(year=signal.sent_at.year - 1)
    other_signal.save(update_fields=["sent_at"])
    AdviceFactory(signal=other_signal, text="Het werkte met een schakelklas.")
    response = advisor_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk}))
    assert list(response.context["similar"]) == [other_signal]
    assert "Het werkte met een schakelklas." in response.content.decode()


def test_later_signals_and_signals_without_shared_categories_are_not_similar(
    advisor_client, signal, other_signal, other_category
):
    other_signal.categories.set([other_category])
    response = advisor_client.get(reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk}))
    assert list(response.context["similar"]) == []
