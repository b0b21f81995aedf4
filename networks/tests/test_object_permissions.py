"""Guardian's traps: a global permission grants no network, and permission rows die with their network."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from networks.models import CareNetwork, NetworkGroupObjectPermission, NetworkUserObjectPermission


def test_a_global_permission_grants_no_network(client, network, outsider, youth):
    """Guardian's trap: a model-wide view/change permission must not open anyone's network."""
    global_perms = Permission.objects.filter(
        content_type__app_label="networks", codename__in=["view_carenetwork", "change_carenetwork"]
    )
    outsider.organisation.group.permissions.add(*global_perms)
    outsider.user_permissions.add(*global_perms)
    assert not CareNetwork.objects.visible_to(outsider).filter(pk=network.pk).exists()
    client.force_login(outsider)
    assert client.get(reverse("networks:network_detail", kwargs={"network_pk": network.pk})).status_code == 404

    from zorgnetwerk.tests.test_permission_matrix import list_page_urls

    for url in list_page_urls():
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404, 405), url
        assert youth.last_name.encode() not in response.content, f"{url} shows a youth of another organisation"


def test_permission_rows_die_with_their_network(network):
    assert NetworkGroupObjectPermission.objects.filter(content_object=network).exists()
    network_id = network.pk
    network.delete()
    assert not NetworkGroupObjectPermission.objects.filter(content_object_id=network_id).exists()
    assert not NetworkUserObjectPermission.objects.filter(content_object_id=network_id).exists()


def test_the_demo_data_gives_nobody_a_global_permission_on_guarded_models(db, settings):
    """Object permissions are the only way in: no group or user holds a model-wide one (except the
    privacy officers' export permission, which opens the export and nothing else)."""
    from django.core.management import call_command

    settings.DEBUG = True  # seed_demo refuses to run otherwise
    call_command("seed_demo", verbosity=0)
    guarded = ["carenetwork", "youth", "actionplan", "intake", "note", "meeting", "handover"]
    held = Permission.objects.filter(content_type__model__in=guarded).exclude(codename="export_youth_data")
    assert not held.filter(group__isnull=False).exists()
    assert not held.filter(user__isnull=False).exists()
