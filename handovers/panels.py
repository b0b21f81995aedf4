"""Dashboard panels of the warm handover and of turning 18.

- handovers waiting for my answer (I am the successor), and handovers declined in my networks
  (the answer goes back to the lead);
- the plan review that is due after I became the lead;
- youths aged 17 in networks I lead or where I am the guardian (urgent in the last 3 months).
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from handovers.models import Handover, HandoverStatus
from handovers.turning18 import turning_18_flags
from networks.models import CareNetwork
from zorgnetwerk.panel import Panel

DECLINED_SHOWN_DAYS = 30


def panels(user) -> list[Panel]:
    if not getattr(user, "is_authenticated", False) or user.is_advisory:
        return []
    today = timezone.localdate()
    result = []

    related = ("network__youth", "leaver__supporter", "successor")
    to_answer = list(Handover.objects.visible_to(user).pending().filter(successor__user=user).select_related(*related))
    declined = list(
        Handover.objects.visible_to(user)
        .filter(
            Q(network__lead__supporter__user=user) | Q(proposed_by=user),
            status=HandoverStatus.DECLINED,
            decided_at__gte=timezone.now() - datetime.timedelta(days=DECLINED_SHOWN_DAYS),
        )
        .select_related(*related)
    )
    waiting = list(
        Handover.objects.visible_to(user)
        .pending()
        .filter(Q(network__lead__supporter__user=user) | Q(proposed_by=user) | Q(leaver__supporter__user=user))
        .exclude(successor__user=user)
        .select_related(*related)
    )
    if to_answer or declined or waiting:
        result.append(
            Panel(
                "handovers/_dashboard_handovers.html",
                {"to_answer": to_answer, "declined": declined, "waiting": waiting},
                order=5,
            )
        )

    reviews = list(
        CareNetwork.objects.visible_to(user)
        .open()
        .filter(plan_review_due_on__isnull=False, lead__supporter__user=user, lead__left_on__isnull=True)
        .select_related("youth")
        .order_by("plan_review_due_on")
    )
    if reviews:
        result.append(
            Panel("handovers/_dashboard_handover_reviews.html", {"networks": reviews, "today": today}, order=6)
        )

    flags = turning_18_flags(user, today)
    if flags:
        result.append(Panel("handovers/_dashboard_turning18.html", {"flags": flags, "today": today}, order=7))
    return result
