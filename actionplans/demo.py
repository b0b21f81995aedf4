"""Demo round tables and action plans for the demo networks (step 3 and 4). All fictional.

Uses context["networks"] from youths.demo; without it nothing happens. Idempotent: a network
that already has an action plan is left alone, so running `seed_demo` twice duplicates nothing.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actionplans.models import (
    ActionPlan,
    BarrierCategory,
    Domain,
    InterpreterStatus,
    Meeting,
    MeetingStatus,
    Offer,
    Referral,
    ReferralStatus,
)
from actionplans.services.followup import evaluation_add, network_set_follow_up
from actionplans.services.plans import (
    barrier_add,
    plan_add_action,
    plan_get_or_create,
    plan_update,
    question_route_add,
    referral_add,
    referral_set_status,
)
from actionplans.services.roundtables import meeting_finish, meeting_record_outcome
from networks.choices import NetworkStatus, TimelineKind
from networks.models import Membership
from networks.services import timeline_record

SITUATIONS = [
    {
        "situation_wellbeing": "Slaapt slecht en piekert 's avonds over de familie.",
        "situation_school": "Zit in OKAN, haalt A2 voor luisteren, schrijven gaat moeizaam.",
        "situation_work": "Wil later elektricien worden; weet nog niet hoe dat traject loopt.",
        "future_vision": "Een diploma elektriciteit en een eigen kamer.",
        "goal_short_term": "Elke nacht minstens zeven uur slapen; A2 halen voor schrijven.",
        "goal_long_term": "Doorstromen naar een duale opleiding elektriciteit.",
    },
    {
        "situation_wellbeing": "Voelt zich goed in het pleeggezin, maar is bang voor haar 18de verjaardag.",
        "situation_school": "Vervolgschool, richting verzorging; goede punten.",
        "situation_work": "Vakantiejob gezocht; geen ervaring met solliciteren.",
        "future_vision": "Verpleegkundige worden.",
        "goal_short_term": "Een vakantiejob in de zorg voor de zomer.",
        "goal_long_term": "Na 18 zelfstandig wonen met begeleiding en haar studie afmaken.",
    },
]

# (domain, what, owner: "youth" or a member index, deadline in days from today)
ACTIONS = [
    (Domain.WELLBEING, "Afspraak maken bij MindSpring over slaap", 1, -5),
    (Domain.SCHOOL, "Extra schrijfoefeningen Nederlands met de buddy", "youth", 10),
    (Domain.WORK, "Infosessie VDAB over duaal leren bijwonen", 3, 21),
]

BARRIERS = [
    ("language", "Begrijpt de brieven van het OCMW niet."),
    ("access-training", "OKAN-leerlingen worden niet toegelaten tot NAFT."),
    ("money-groeipakket", "Groeipakket wordt teruggevorderd; de jongere weet niet waarom."),
    ("sleep-trauma", "Nachtmerries houden hem wakker; moe in de klas."),
]


def _member(network, index):
    members = list(Membership.objects.active().filter(network=network).select_related("supporter").order_by("pk"))
    return members[index % len(members)] if members else None


def _user_of(membership):
    return membership.supporter.user if membership and membership.supporter.user_id else None


def seed(context: dict) -> None:
    networks = context.get("networks") or {}
    today = timezone.localdate()
    now = timezone.now()
    for index, network in enumerate(networks.values()):
        if network.status != NetworkStatus.ACTIVE or ActionPlan.objects.filter(network=network).exists():
            continue
        lead = network.lead or _member(network, 0)
        by = _user_of(lead)
        plan = plan_get_or_create(network=network)
        plan = plan_update(network=network, revision=plan.revision, by=by, **SITUATIONS[index % len(SITUATIONS)])

        for domain, what, owner, days in ACTIONS[: 3 if index % 2 == 0 else 2]:
            plan_add_action(
                plan=plan,
                domain=domain,
                description=what,
                deadline=today + datetime.timedelta(days=days),
                owner=None if owner == "youth" else _member(network, owner),
                owner_is_youth=owner == "youth",
                by=by,
            )
        for offset, (slug, description) in enumerate(BARRIERS[index % 2 :: 2]):
            category = BarrierCategory.objects.filter(slug=slug).first()
            if category:
                barrier_add(
                    plan=plan, category=category, description=description, helper=_member(network, offset + 1), by=by
                )

        waiting = referral_add(
            plan=plan,
            offer=Offer.objects.filter(name="MindSpring").first(),
            partner="" if Offer.objects.filter(name="MindSpring").exists() else "MindSpring",
            reason="Psycho-educatie over slaap en stress, in de eigen taal.",
            referred_by=lead,
            by=by,
        )
        # Sent three weeks ago and still no answer: shows as waiting too long.
        Referral.objects.filter(pk=waiting.pk).update(sent_on=today - datetime.timedelta(days=21))
        accepted = referral_add(
            plan=plan,
            offer=Offer.objects.filter(name="Jobteam").first(),
            partner="" if Offer.objects.filter(name="Jobteam").exists() else "Jobteam Gent",
            reason="Begeleiding naar werk na de 18de verjaardag.",
            referred_by=_member(network, 3),
            by=by,
        )
        referral_set_status(referral=accepted, status=ReferralStatus.ACCEPTED, by=by)

        for question, member_index in (("Problemen met geld of papieren", 1), ("Vragen over school", 0)):
            question_route_add(plan=plan, question=question, member=_member(network, member_index), by=by)

        # A round table held three weeks ago (its report records version 1 of the plan) …
        held_at = now - datetime.timedelta(days=21 + index)
        held = Meeting.objects.create(
            network=network,
            starts_at=held_at,
            ends_at=held_at + datetime.timedelta(hours=1),
            location="Atheneum Gent-Zuid, vergaderzaal",
            agenda="1. Hoe gaat het?\n2. Actieplan\n3. Volgende stappen",
            organiser=by,
        )
        held.invited.set(Membership.objects.active().filter(network=network))
        meeting_record_outcome(
            meeting=held,
            attended=list(held.invited.all())[:3],
            youth_present=True,
            interpreter_present=index % 2 == 0,
            family_online=index % 2 == 0,
            notes="Goed gesprek; de jongere vertelde zelf over school.",
            decisions="Max. drie acties afgesproken; trekker volgt op.",
            by=by,
        )
        meeting_finish(meeting=held, by=by)  # the plan written above is the one agreed at this round table
        # … and one coming up (this week for the first network). Created directly: no demo e-mails.
        upcoming_at = timezone.localtime(now + datetime.timedelta(days=2 if index == 0 else 20)).replace(
            hour=14, minute=0, second=0, microsecond=0
        )
        upcoming = Meeting.objects.create(
            network=network,
            starts_at=upcoming_at,
            ends_at=upcoming_at + datetime.timedelta(hours=1),
            location="Online",
            online_link="https://meet.example.org/rondetafel-demo",
            agenda="Opvolging van de acties",
            status=MeetingStatus.PLANNED,
            # "Betrek zeker een tolk": booked for the first network, still to book for the others.
            interpreter=InterpreterStatus.BOOKED if index == 0 else InterpreterStatus.NEEDED,
            organiser=by,
        )
        upcoming.invited.set(Membership.objects.active().filter(network=network))
        timeline_record(
            network=network,
            kind=TimelineKind.MEETING,
            summary=_("Round table planned on %(when)s")
            % {"when": date_format(timezone.localtime(upcoming_at), "DATETIME_FORMAT")},
            actor=by,
        )

        if index == 0:
            evaluation_add(
                network=network,
                held_on=today - datetime.timedelta(days=7),
                went_well="De jongere komt elke dag naar school.",
                changes="Meer aandacht voor slaap.",
                by=by,
            )
        if index == 1 and lead:
            # An overdue follow-up for the dashboard.
            network_set_follow_up(
                network=network, next_contact_on=today - datetime.timedelta(days=3), next_contact_by=lead, by=by
            )
