"""Access by organisation: the one place that writes guardian's object permissions.

DESIGN.md: an organisation's group holds object permissions on a care network (and on the
youth and its records through it) while that organisation has an active member in the network;
a supporter without an organisation who has a login gets the same permissions as a user.
`network_sync_access` grants and revokes in one go; nothing else touches guardian rows.
"""

from django.db import transaction
from django.shortcuts import get_object_or_404

from networks.choices import NetworkStatus
from networks.models import (
    CareNetwork,
    Membership,
    NetworkGroupObjectPermission,
    NetworkUserObjectPermission,
)

NETWORK_PERMISSIONS = ("view_carenetwork", "change_carenetwork")


def _permissions():
    from django.contrib.auth.models import Permission

    return list(Permission.objects.filter(content_type__app_label="networks", codename__in=NETWORK_PERMISSIONS))


def network_entitled(network: CareNetwork) -> tuple[set[int], set[int]]:
    """The group ids and user ids that should have access to the network now.

    While the network is open: every approved organisation with an active member, and every member
    without an organisation who has a login. A closed network keeps only the lead's
    organisation (or the lead's own login), so the dossier stays readable for its archive.
    """
    members = Membership.objects.active().filter(network=network).select_related("supporter__organisation")
    if network.status == NetworkStatus.CLOSED:
        members = members.filter(pk=network.lead_id) if network.lead_id else members.none()
    group_ids, user_ids = set(), set()
    for membership in members:
        organisation = membership.supporter.organisation
        if organisation is not None:
            # A proposed organisation's people get no access until an admin approves it.
            if organisation.group_id and not organisation.is_pending:
                group_ids.add(organisation.group_id)
        elif membership.supporter.user_id:
            user_ids.add(membership.supporter.user_id)
    return group_ids, user_ids


@transaction.atomic
def network_sync_access(*, network: CareNetwork) -> None:
    """Grant access to whoever is entitled to the network, and revoke it from everyone else."""
    group_ids, user_ids = network_entitled(network)
    permissions = _permissions()

    NetworkGroupObjectPermission.objects.filter(content_object=network).exclude(group_id__in=group_ids).delete()
    NetworkUserObjectPermission.objects.filter(content_object=network).exclude(user_id__in=user_ids).delete()

    have_groups = set(
        NetworkGroupObjectPermission.objects.filter(content_object=network).values_list("group_id", "permission_id")
    )
    have_users = set(
        NetworkUserObjectPermission.objects.filter(content_object=network).values_list("user_id", "permission_id")
    )
    NetworkGroupObjectPermission.objects.bulk_create(
        NetworkGroupObjectPermission(content_object=network, group_id=group_id, permission=permission)
        for group_id in group_ids
        for permission in permissions
        if (group_id, permission.pk) not in have_groups
    )
    NetworkUserObjectPermission.objects.bulk_create(
        NetworkUserObjectPermission(content_object=network, user_id=user_id, permission=permission)
        for user_id in user_ids
        for permission in permissions
        if (user_id, permission.pk) not in have_users
    )


def get_network_for_user(user, pk, *, queryset=None) -> CareNetwork:
    """The network with this id if the user may see it; 404 otherwise (never 403)."""
    queryset = queryset if queryset is not None else CareNetwork.objects.all()
    return get_object_or_404(queryset.visible_to(user), pk=pk)


def get_open_network_for_user(user, pk, *, queryset=None) -> CareNetwork:
    """Like get_network_for_user, for changes: a closed network is read-only."""
    return get_network_for_user(user, pk, queryset=queryset).require_open()


def user_may_see_network(user, network) -> bool:
    return CareNetwork.objects.visible_to(user).filter(pk=network.pk).exists()
