import pytest
from django.utils import translation

from actionplans.services.plans import plan_get_or_create


@pytest.fixture(autouse=True)
def _english():
    """Assertions read the English source strings; the site itself defaults to Dutch."""
    with translation.override("en"):
        yield


@pytest.fixture
def plan(network):
    return plan_get_or_create(network=network)


@pytest.fixture
def guardian_client(client, guardian):
    client.force_login(guardian)
    return client


@pytest.fixture
def members(network):
    """Sara (lead), Jan (guardian) and Karim (VDAB), by first name."""
    return {m.supporter.first_name: m for m in network.memberships.select_related("supporter")}


def pytest_collection_modifyitems(config, items):
    """Tests marked postgres_only (row locks) are deselected, not skipped, on SQLite."""
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    kept, dropped = [], []
    for item in items:
        in_this_app = "actionplans/tests/" in str(item.fspath)
        (dropped if in_this_app and item.get_closest_marker("postgres_only") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
