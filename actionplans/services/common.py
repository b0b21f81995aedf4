"""Small checks shared by the services of the round table, the plan and the follow-up."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from networks.models import CareNetwork, Membership


def acting_user(by):
    """The user behind a change, or None when no one is logged in (a command, the demo seed)."""
    return by if getattr(by, "is_authenticated", False) else None


def check_member(*, network: CareNetwork, membership: Membership | None, field: str) -> None:
    """A member chosen in a form must be an active member of this network."""
    if membership is not None and (membership.network_id != network.pk or membership.left_on is not None):
        raise ValidationError({field: _("Choose an active member of this network.")})
