"""seed_demo makes demo logins with a published password, a superuser among them: never in production."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import User


def test_seed_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", verbosity=0)
    assert not User.objects.exists()


def test_seed_demo_runs_on_a_development_machine(db, settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    assert "Demo data ready" in capsys.readouterr().out
    assert User.objects.filter(is_superuser=True).exists()


def test_the_demo_privacy_officer_finds_a_youth_for_an_export(db, settings, client):
    from django.urls import reverse

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    officer = User.objects.get(email="privacy@zorgnetwerk.demo")
    assert officer.has_perm("youths.export_youth_data") and not officer.is_staff
    client.force_login(officer)
    assert client.get(reverse("privacy:youth_export_search")).status_code == 200


def test_the_demo_has_a_pending_organisation_for_the_admin_to_approve(db, settings):
    from accounts.models import Organisation

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    proposed = Organisation.objects.get(name="Groep Intro Gent")
    assert proposed.status == Organisation.Status.PENDING
    assert proposed.proposal.proposed_by.email == "sara@okan.demo"
    # And one the admin did not approve, with the reason on the network's timeline.
    refused = Organisation.objects.get(name="CAW Gent")
    assert refused.proposal.status == refused.proposal.Status.REJECTED
    assert not Organisation.objects.usable().filter(pk=refused.pk).exists()
    assert refused.proposal.network.youth.timeline.filter(summary__contains="CAW Oost-Vlaanderen").exists()
