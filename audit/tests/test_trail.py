"""The audit trail: reads, refusals, writes, logins; no personal values; append-only."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse

from audit.models import AuditEvent, AuditTrailIsAppendOnly
from audit.trail import Action, record_read
from conftest import PASSWORD
from networks.models import Note
from youths.models import Youth


def events(**filters):
    return list(AuditEvent.objects.filter(**filters).order_by("pk"))


def test_reading_the_network_page_is_recorded_with_who_what_when_and_where(coach_client, coach, network):
    response = coach_client.get(
        reverse("networks:network_detail", kwargs={"network_pk": network.pk}), REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 200
    (event,) = events(action=Action.READ)
    assert event.user_id == coach.pk
    assert event.organisation_id == coach.organisation_id
    assert (event.object_type, event.object_id, event.network_id) == ("carenetwork", str(network.pk), network.pk)
    assert event.ip == "10.1.2.3"
    assert event.at.utcoffset().total_seconds() == 0


def test_reading_the_dossier_and_the_intake_is_recorded(coach_client, network, youth):
    coach_client.get(reverse("youths:youth_detail", kwargs={"youth_pk": youth.pk}))
    intake = youth.intakes.first()
    coach_client.get(reverse("youths:intake_detail", kwargs={"intake_pk": intake.pk}))
    reads = events(action=Action.READ)
    assert [(e.object_type, e.object_id) for e in reads] == [("youth", str(youth.pk)), ("intake", str(intake.pk))]
    assert all(e.youth_id == youth.pk for e in reads)


def test_an_outsider_who_gets_a_404_is_recorded_as_refused(outsider_client, outsider, network):
    response = outsider_client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk}))
    assert response.status_code == 404
    (event,) = events(action=Action.REFUSED)
    assert event.user_id == outsider.pk and event.network_id == network.pk


def test_anonymous_visits_and_list_pages_are_not_reads_of_a_dossier(client, coach_client, network):
    client.logout()
    client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk}))
    assert not events(action=Action.READ)


def test_a_change_records_the_names_of_the_changed_fields_not_their_values(network, youth):
    youth.school_name = "Atheneum Gent-Zuid"
    youth.languages = "Dari"
    youth.save()
    (event,) = events(action=Action.UPDATE, object_type="youth")
    assert event.fields == ["languages", "school_name"]
    assert event.youth_id == youth.pk
    youth.save(update_fields=["school_name"])
    assert events(action=Action.UPDATE, object_type="youth")[-1].fields == ["school_name"]


def test_creating_and_deleting_are_recorded_and_the_trail_survives_the_deletion(coach, network):
    note = Note.objects.create(network=network, author=coach, organisation=coach.organisation, text="Geheim")
    note_id = note.pk
    note.delete()
    assert [e.action for e in events(object_type="note", object_id=str(note_id))] == [Action.CREATE, Action.DELETE]
    assert all(e.network_id == network.pk for e in events(object_type="note"))
    network_id = network.pk
    network.youth.delete()
    assert events(object_type="carenetwork", object_id=str(network_id), action=Action.DELETE)


def test_changes_through_a_page_are_attributed_to_the_user_and_ip(coach_client, coach, network):
    coach_client.post(
        reverse("networks:note_create", kwargs={"network_pk": network.pk}), {"text": "Gesprek"}, REMOTE_ADDR="10.9.9.9"
    )
    (event,) = events(action=Action.CREATE, object_type="note")
    assert event.user_id == coach.pk and event.ip == "10.9.9.9" and event.network_id == network.pk


def test_logins_failed_logins_and_logouts_are_recorded(client, coach):
    client.post(reverse("login"), {"username": coach.email, "password": "wrong"})
    client.post(reverse("login"), {"username": coach.email, "password": PASSWORD})
    client.post(reverse("logout"))
    assert [e.action for e in events(object_type="user")] == [Action.LOGIN_FAILED, Action.LOGIN, Action.LOGOUT]
    assert all("wrong" not in str(vars(e)) for e in events())


def test_no_audit_row_holds_a_name_of_the_youth(coach_client, network, youth):
    coach_client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk}))
    coach_client.get(reverse("youths:youth_detail", kwargs={"youth_pk": youth.pk}))
    youth.first_name = "Ahmadi"
    youth.save()
    for event in AuditEvent.objects.all():
        row = str(vars(event))
        assert "Ahmad" not in row and "Rahimi" not in row


def test_record_read_is_recorded_once_for_a_file(coach, network, youth):
    request = RequestFactory().get("/some.pdf")
    request.user = coach
    record_read(request, youth, action="pdf")
    (event,) = events(action="pdf")
    assert event.youth_id == youth.pk and event.user_id == coach.pk
    assert request._audit_recorded


def test_audit_rows_cannot_be_changed_or_deleted_through_the_application(coach, network):
    event = AuditEvent.objects.first()
    event.action = "nothing happened"
    with pytest.raises(AuditTrailIsAppendOnly):
        event.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        event.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.update(action="x")
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the refusing trigger exists on PostgreSQL only")
def test_postgresql_refuses_update_and_delete_of_audit_rows(network, django_db_blocker):
    from django.db import DatabaseError, transaction

    pk = AuditEvent.objects.values_list("pk", flat=True).first()
    for sql in [
        "UPDATE networks_auditevent SET action = 'x' WHERE id = %s",
        "DELETE FROM networks_auditevent WHERE id = %s",
    ]:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [pk])
    assert AuditEvent.objects.filter(pk=pk).exists()


def test_admins_read_the_trail_in_admin_but_cannot_change_it(admin_client, network):
    event = AuditEvent.objects.first()
    assert admin_client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:audit_auditevent_change", args=[event.pk])).status_code == 200
    assert admin_client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    )
    assert AuditEvent.objects.filter(pk=event.pk).exists()


# --- the lead's page ----------------------------------------------------------------------------


def test_the_lead_reads_the_trail_of_the_network(coach_client, network, youth, guardian, client):
    other = client.__class__()
    other.force_login(guardian)
    other.get(reverse("youths:youth_detail", kwargs={"youth_pk": youth.pk}))
    response = coach_client.get(reverse("networks:network_audit", kwargs={"network_pk": network.pk}))
    assert response.status_code == 200
    assert guardian.email in response.content.decode()


@pytest.mark.parametrize("persona", ["guardian", "outsider", "advisor", "admin_user"])
def test_everybody_but_the_lead_gets_404_on_the_trail(client, network, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("networks:network_audit", kwargs={"network_pk": network.pk})).status_code == 404


def test_the_trail_page_needs_a_login(client, network):
    response = client.get(reverse("networks:network_audit", kwargs={"network_pk": network.pk}))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_trail_page_has_a_query_ceiling(coach_client, network, django_assert_max_num_queries):
    for _ in range(60):
        Youth.objects.filter(pk=network.youth_id).first().save(update_fields=["school_name"])
    with django_assert_max_num_queries(12):
        assert coach_client.get(reverse("networks:network_audit", kwargs={"network_pk": network.pk})).status_code == 200
