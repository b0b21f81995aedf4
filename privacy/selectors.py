"""The rows about one youth, and the youths whose retention period is over.

The rows "about the youth" are found generically: everything that would be deleted with the
youth (Django's deletion collector, without deleting anything), and the rows that would only
lose their link to it (a signal of the youth's network stays, with network=NULL) with what they
would take along (the advice on it); so a model added later is covered as soon as it points
(directly or through the network) at the youth. The advisory group's shared knowledge (lessons,
feedback to policy) is not about the youth and is left out.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.admin.utils import NestedObjects
from django.db import models, router
from django.db.models import Q
from django.utils import timezone

from handovers.models import Handover
from networks.choices import NetworkStatus
from networks.models import Membership, Supporter
from youths.models import Youth

# The advisory group's knowledge for all networks: it may point at the youth's signals but is not
# about the youth. Kept on erasure (the youth's names scrubbed out), left out of the export.
SHARED_KNOWLEDGE = ("adviesgroep.Lesson", "adviesgroep.PolicyFeedback")


def related_rows(youth: Youth) -> list[models.Model]:
    """Every row that belongs to the youth: what a delete of the youth would take along, and the
    rows that would only lose their link to it (SET_NULL, e.g. a signal of its network) with what
    those would take along in turn. The advisory group's shared knowledge is not included."""
    using = router.db_for_write(Youth)
    found: dict[tuple[str, object], models.Model] = {}
    roots: list[models.Model] = [youth]
    while roots:
        collector = NestedObjects(using=using)
        by_model = defaultdict(list)
        for row in roots:
            by_model[type(row)].append(row)
        for rows in by_model.values():
            collector.collect(rows)
        roots = []
        for instances in collector.data.values():
            for row in instances:
                found.setdefault((row._meta.label, row.pk), row)
        for (field, _value), batches in collector.field_updates.items():
            if field.model._meta.label in SHARED_KNOWLEDGE:
                continue
            for batch in batches:
                for row in batch:
                    key = (row._meta.label, row.pk)
                    if key not in found:
                        found[key] = row
                        roots.append(row)
    return [row for row in found.values() if not (isinstance(row, Youth) and row.pk == youth.pk)]


def supporters_only_for(youth: Youth):
    """Supporters without an organisation or a login who appear in this youth's networks only
    (family abroad, a volunteer buddy): the platform knows them through this youth alone."""
    here = Q(pk__in=Membership.objects.filter(network__youth=youth).values("supporter_id")) | Q(
        pk__in=Handover.objects.filter(network__youth=youth).values("successor_id")
    )
    elsewhere = Q(pk__in=Membership.objects.exclude(network__youth=youth).values("supporter_id")) | Q(
        pk__in=Handover.objects.exclude(network__youth=youth).values("successor_id")
    )
    return Supporter.objects.filter(here, organisation__isnull=True, user__isnull=True).exclude(elsewhere)


def youths_due_for_retention(*, today: datetime.date | None = None):
    """Youths not yet anonymised whose networks are all closed, the last more than RETENTION_YEARS ago."""
    today = today or timezone.localdate()
    try:
        cutoff = today.replace(year=today.year - settings.RETENTION_YEARS)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - settings.RETENTION_YEARS, day=28)
    open_networks = models.Q(care_networks__status__in=[s for s in NetworkStatus.values if s != NetworkStatus.CLOSED])
    recent = models.Q(care_networks__ended_on__gte=cutoff) | models.Q(
        care_networks__ended_on__isnull=True, care_networks__updated_at__date__gte=cutoff
    )
    return (
        Youth.objects.filter(anonymised_at__isnull=True, care_networks__isnull=False)
        .exclude(open_networks)
        .exclude(recent)
        .distinct()
        .order_by("pk")
    )
