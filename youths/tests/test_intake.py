"""The first conversation (p.10): recorded, corrected, and earlier ones stay."""

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.choices import TimelineKind
from youths.models import Intake
from youths.tests.helpers import client_for, in_language

pytestmark = pytest.mark.django_db


def intake_data(**overrides):
    data = {
        "held_on": timezone.localdate().isoformat(),
        "needs": "Wil een opleiding lassen volgen.",
        "what_goes_well": "Voetbal",
        "strengths": "Doorzetter",
        "interests": "Fietsen",
        "future_dreams": "Lasser worden",
        "future_short_term": "Nederlands B1",
        "future_long_term": "Eigen appartement",
        "current_support": "Mijn voogd Jan",
        "interpreter_present": "on",
        "trusted_person_present": "",
        "consent_given": "on",
        "consent_date": timezone.localdate().isoformat(),
        "consent_explained_by": "Sara, OKAN-coach",
        "consent_language": "Dari",
    }
    data.update(overrides)
    return data


def test_a_new_intake_is_saved_and_earlier_ones_stay(network, coach):
    youth = network.youth
    earlier = youth.intakes.get()
    response = client_for(coach).post(reverse("youths:intake_create", args=[youth.pk]), intake_data())
    new = youth.intakes.exclude(pk=earlier.pk).get()
    # The next step is the network (step 2): the user lands on the network page.
    assert response.url == reverse("networks:network_detail", args=[network.pk])
    assert youth.intakes.count() == 2
    assert new.interpreter_present and new.consent_given and new.consent_language == "Dari"
    assert youth.timeline.filter(kind=TimelineKind.CONSENT).exists()


def test_consent_without_a_date_or_explainer_is_refused_and_nothing_is_saved(network, coach):
    youth = network.youth
    response = client_for(coach).post(
        reverse("youths:intake_create", args=[youth.pk]), intake_data(consent_date="", consent_explained_by="")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert in_language("Give the date on which the youth agreed.") in content
    assert in_language("Say who explained the network to the youth.") in content
    assert youth.intakes.count() == 1


def test_an_intake_cannot_be_held_in_the_future(network, coach):
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    response = client_for(coach).post(
        reverse("youths:intake_create", args=[network.youth.pk]), intake_data(held_on=tomorrow.isoformat())
    )
    assert in_language("The conversation cannot take place in the future.") in response.content.decode()
    assert network.youth.intakes.count() == 1


def test_correcting_an_intake_keeps_it_the_same_record(network, coach):
    intake = network.youth.intakes.get()
    client_for(coach).post(reverse("youths:intake_update", args=[intake.pk]), intake_data(needs="Bijgewerkt"))
    intake.refresh_from_db()
    assert intake.needs == "Bijgewerkt"
    assert Intake.objects.count() == 1


def test_the_intake_page_shows_the_conversation(network, coach):
    intake = network.youth.intakes.get()
    page = client_for(coach).get(reverse("youths:intake_detail", args=[intake.pk])).content.decode()
    assert "Doorzetter, goed in wiskunde" in page
    assert "Sara (OKAN-coach)" in page
