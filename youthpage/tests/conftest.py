import pytest
from django.core.cache import cache

from youthpage.services import youthlink_create


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """The rate limit counts in the cache; each test starts with a clean count."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def youth_link(network, coach):
    """(link, raw token, code) of Ahmad's page, made by Sara (the lead) with the code 246810."""
    return youthlink_create(network=network, by=coach, code="246810", language="nl")


def open_page(client, token, code="246810"):
    """Give the code, then return the page."""
    client.post(f"/j/{token}/", {"code": code})
    return client.get(f"/j/{token}/")
