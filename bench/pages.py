"""The pages the benchmark measures, and how to find the benchmark users and records in a seeded database.

Used by bench/measure.py (inside Django) and by networks/tests/test_query_ceilings.py.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Page:
    label: str
    url_name: str
    persona: str  # "coach" or "advisor"
    kwargs: Any = None  # a function (context) -> URL kwargs

    def url_kwargs(self, context: dict) -> dict:
        return self.kwargs(context) if self.kwargs else {}


PAGES = (
    Page("dashboard", "dashboard", "coach"),
    Page("youth list (coach in 20 networks)", "youths:youth_list", "coach"),
    Page("youth dossier", "youths:youth_detail", "coach", lambda c: {"youth_pk": c["network"].youth_id}),
    Page("network page (25 members)", "networks:network_detail", "coach", lambda c: {"network_pk": c["network"].pk}),
    Page("action plan", "actionplans:plan_detail", "coach", lambda c: {"network_pk": c["network"].pk}),
    Page("advisory inbox", "adviesgroep:inbox", "advisor"),
    Page("advisory aggregation", "adviesgroep:aggregation", "advisor"),
)
TRIVIAL = Page("trivial view (/health/)", "health", "coach")


def bench_context() -> dict:
    """The benchmark users of seed_scale and the coach's network with the most members."""
    from django.db.models import Count, Q

    from accounts.models import User
    from bench.scale import ADVISOR_EMAIL, BIG_ORG_EMAIL, COACH_EMAIL
    from networks.models import CareNetwork

    coach = User.objects.get(email=COACH_EMAIL)
    network = (
        CareNetwork.objects.visible_to(coach)
        .annotate(active=Count("memberships", filter=Q(memberships__left_on__isnull=True)))
        .order_by("-active", "pk")
        .first()
    )
    return {
        "coach": coach,
        "advisor": User.objects.get(email=ADVISOR_EMAIL),
        "bigorg": User.objects.get(email=BIG_ORG_EMAIL),
        "network": network,
    }


def resolve(page: Page, context: dict) -> str:
    from django.urls import reverse

    return reverse(page.url_name, kwargs=page.url_kwargs(context))
