"""Demo data of the youth's own page: Yonas (Tigrinya) and Farida (Dari) have a link; seed_demo prints them.

Fictional. Idempotent: the demo tokens are derived from SECRET_KEY (stable on one installation,
never published), so a second run finds the links and prints the same addresses and codes.
"""

import hashlib
import hmac

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from actionplans.models import QuestionRoute
from networks.models import Membership
from youthpage.models import YouthContactShare, YouthLink, token_hash
from youthpage.services import _new_link

# first name of the demo youth -> (code, language of the page)
DEMO_LINKS = {"Yonas": ("246810", "ti"), "Farida": ("135790", "prs")}
QUESTIONS = [("Vragen over school en huiswerk", 0), ("Papieren, verblijf en geld", 1)]


def _demo_token(first_name: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"youthpage-demo-{first_name}".encode(), hashlib.sha256).hexdigest()


def seed(context: dict) -> None:
    networks = context.get("networks") or {}
    links = context.setdefault("youth_links", [])
    for first_name, (code, language) in DEMO_LINKS.items():
        network = networks.get(first_name)
        if network is None or network.is_closed:
            continue
        token = _demo_token(first_name)
        if not YouthLink.objects.filter(token_hash=token_hash(token), revoked_at__isnull=True).exists():
            YouthLink.objects.filter(network=network, revoked_at__isnull=True).update(revoked_at=timezone.now())
            lead = network.lead
            _new_link(
                network=network,
                by=lead.supporter.user if lead is not None else None,
                code=code,
                language=language,
                token=token,
            )
        _seed_questions_and_shares(network)
        url = settings.SITE_URL + reverse("youthpage:youth_page", kwargs={"token": token})
        links.append((first_name, language, url, code))


def _seed_questions_and_shares(network) -> None:
    members = list(Membership.objects.active().filter(network=network).order_by("pk"))
    if not members:
        return
    lead = network.lead or members[0]
    YouthContactShare.objects.get_or_create(membership=lead, defaults={"show_phone": True, "show_email": True})
    plan = getattr(network, "plan", None)
    if plan is None or QuestionRoute.objects.filter(plan=plan).exists():
        return
    for order, (question, index) in enumerate(QUESTIONS):
        QuestionRoute.objects.create(plan=plan, question=question, member=members[index % len(members)], order=order)
