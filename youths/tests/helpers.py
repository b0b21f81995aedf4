"""Helpers for the tests of steps 1 and 2 (youths and networks pages)."""

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import resolve_url
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from networks.access import network_sync_access
from networks.choices import MemberRole, NetworkStatus
from networks.models import CareNetwork, Membership
from networks.tests.factories import SupporterFactory
from youths.models import Youth
from youths.tests.factories import YouthFactory


def in_language(text: str, language: str = settings.LANGUAGE_CODE, **values) -> str:
    """The message as the user reads it (Dutch by default), HTML-escaped as in a page."""
    with translation.override(language):
        message = translation.gettext(text)
    return escape(message % values if values else message)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def assert_login_redirect(response):
    assert response.status_code == 302
    assert response.url.startswith(resolve_url(settings.LOGIN_URL) + f"?{REDIRECT_FIELD_NAME}=")


def youths_in_networks_of(user, count: int, **youth_fields) -> list[Youth]:
    """`count` youths, each with an open network in which the user's supporter is a member."""
    youths = YouthFactory.create_batch(count, **youth_fields)
    networks = CareNetwork.objects.bulk_create(
        CareNetwork(youth=youth, status=NetworkStatus.ACTIVE if i % 2 else NetworkStatus.PREPARING)
        for i, youth in enumerate(youths)
    )
    Membership.objects.bulk_create(
        Membership(network=network, supporter=user.supporter, role=MemberRole.SCHOOL_COACH, sector="education")
        for network in networks
    )
    for network in networks:
        network_sync_access(network=network)
    return youths


def add_members(network, count: int) -> list[Membership]:
    """`count` extra members from `count` organisations, through the real service."""
    from accounts.choices import Sector
    from networks.services import network_add_member
    from networks.tests.factories import OrganisationFactory

    sectors = list(Sector)
    members = []
    for i in range(count):
        organisation = OrganisationFactory(name=f"Partner {network.pk}-{i}", sector=sectors[i % len(sectors)])
        supporter = SupporterFactory(organisation=organisation)
        members.append(network_add_member(network=network, supporter=supporter, role=MemberRole.OTHER))
    return members


def queries_for(client, url, data=None) -> int:
    """How many queries one GET of the page takes (after a first request warmed the session)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, data)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(context)
