"""Apps tell the audit trail what it audits; URLs name records by `<model>_pk` kwargs."""

import pytest

from actionplans.models import Offer
from audit import registry
from audit.models import AuditEvent
from audit.trail import Action
from networks.models import CareNetwork


@pytest.mark.urls("audit.tests.urls")
def test_a_url_with_a_registered_model_pk_kwarg_is_audited_whatever_its_path(coach_client, coach, network):
    membership = network.memberships.first()
    assert coach_client.get(f"/dingen/{membership.pk}/").status_code == 200
    (event,) = AuditEvent.objects.filter(action=Action.READ)
    assert (event.object_type, event.object_id) == ("membership", str(membership.pk))
    assert event.network_id == network.pk and event.user_id == coach.pk


def test_kwargs_name_models_by_their_model_name_or_a_registered_url_name():
    assert registry.url_objects("x/<int:meeting_pk>/", "", {"meeting_pk": 7}) == {"meeting": "7"}
    assert registry.url_objects("x/<int:network_pk>/", "", {"network_pk": 3}) == {"carenetwork": "3"}
    assert registry.url_objects("x/<int:carenetwork_pk>/", "", {"carenetwork_pk": 3}) == {"carenetwork": "3"}
    assert registry.url_objects("x/<int:gadget_pk>/", "", {"gadget_pk": 1}) == {}


def test_a_bare_pk_or_id_names_nothing():
    assert registry.url_objects("netwerken/<int:pk>/", "network_detail", {"pk": 3}) == {}
    assert registry.url_objects("netwerken/<int:network_id>/", "network_detail", {"network_id": 3}) == {}


def test_two_models_cannot_share_a_name_in_urls():
    with pytest.raises(ValueError, match="already name"):
        registry.register(Offer, url_names=("network",))
    assert registry.registration("offer") is None


def test_an_unregistered_model_is_not_audited_on_write():
    assert registry.write_audited(CareNetwork)
    assert not registry.write_audited(AuditEvent)
