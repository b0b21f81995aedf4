"""Demo data of the warm handover: one waiting, one accepted earlier, and a closed network.

All fictional. Idempotent: each step looks for what it would make and does nothing when found.
Runs after youths.demo (which fills context["networks"]) and actionplans.demo.
"""

import datetime

from django.utils import timezone

from accounts.choices import Sector
from handovers.models import Handover, HandoverReason, HandoverStatus, TransitionConfirmation, TransitionDomain
from handovers.services import handover_accept, handover_start, handover_withdraw, network_close, transition_confirm
from networks.choices import ClosureReason, MemberRole, NetworkStatus
from networks.models import CareNetwork, Membership, SharingConsent
from networks.services import network_add_member
from youths.models import Housing, SchoolSituation, Youth

SARA, TOM, KARIM, PIETER = "sara@okan.demo", "tom@sintlieven.demo", "karim@vdab.demo", "pieter@caw.demo"
JAN, YOUSSEF, NINA = "jan@voogdij.demo", "youssef@rodekruis.demo", "nina@minorndako.demo"


def _active(network: CareNetwork, supporter) -> Membership | None:
    return network.memberships.active().filter(supporter=supporter).first()


def _pending_handover_yonas(context: dict) -> None:
    """Yonas leaves OKAN for a follow-up school: Sara proposes Tom, who has not answered yet."""
    network = context.get("networks", {}).get("Yonas")
    sara, tom = context["supporters"][SARA], context["supporters"][TOM]
    if network is None or Handover.objects.filter(network=network, successor=tom).exists():
        return
    leaver = _active(network, sara)
    if leaver is None or network.is_closed:
        return
    handover_start(
        network=network,
        leaver=leaver,
        successor=tom,
        successor_role=MemberRole.SCHOOL_COACH,
        reason=HandoverReason.SCHOOL_CHANGE,
        note=(
            "Yonas gaat in september naar het vervolgonderwijs in Sint-Lievenscollege.\n"
            "Wat werkt: korte, vaste afspraken op maandag; hij vraagt zelf weinig hulp, dus vraag ernaar.\n"
            "Let op: hij slaapt slecht in periodes met examens; de voogd weet ervan.\n"
            "Open acties: de inschrijving in de vervolgschool (nu bij mij, gaat naar Tom)."
        ),
        introduced_to_youth=True,
        next_meeting_known=True,
        handover_on=timezone.localdate() + datetime.timedelta(days=14),
        share_consent=True,
        by=sara.user,
    )


def _consent(youth, supporter, recorder, given_on) -> None:
    SharingConsent.objects.get_or_create(
        youth=youth,
        organisation=supporter.organisation,
        revoked_on=None,
        defaults={"recorded_by": recorder, "given_on": given_on},
    )


def _accepted_handover_nour(context: dict) -> None:
    """Nour moved from the reception centre to Minor Ndako: Youssef handed over to Nina, who accepted.

    A network of its own, so that no other demo step re-adds the member who left.
    """
    today = timezone.localdate()
    youth, _ = Youth.objects.get_or_create(
        first_name="Nour",
        last_name="Hassan",
        defaults={
            "birth_date": today.replace(year=today.year - 16) - datetime.timedelta(days=150),
            "country_of_origin": "Syrië",
            "languages": "Arabisch",
            "interpreter_language": "Arabisch",
            "school_situation": SchoolSituation.OKAN,
            "school_name": "Atheneum Gent-Zuid",
            "housing": Housing.MINOR_NDAKO,
        },
    )
    context.setdefault("networks", {})
    if CareNetwork.objects.filter(youth=youth).exists():
        context["networks"].setdefault("Nour", CareNetwork.objects.filter(youth=youth).order_by("-pk").first())
        return
    sara, jan, youssef, nina = (context["supporters"][key] for key in (SARA, JAN, YOUSSEF, NINA))
    network = CareNetwork.objects.create(
        youth=youth,
        status=NetworkStatus.ACTIVE,
        started_on=today - datetime.timedelta(days=120),
        next_contact_on=today + datetime.timedelta(days=21),
    )
    members = {}
    for supporter, role in (
        (sara, MemberRole.OKAN_COACH),
        (jan, MemberRole.GUARDIAN),
        (youssef, MemberRole.HOUSING_COUNSELLOR),
    ):
        _consent(youth, supporter, sara.user, network.started_on)
        members[supporter.pk] = network_add_member(
            network=network, supporter=supporter, role=role, joined_on=network.started_on
        )
    network.lead, network.continuity_figure = members[sara.pk], members[jan.pk]
    network.save(update_fields=["lead", "continuity_figure"])
    # Sara, the lead, recorded the youth's consent for Nina's organisation at the round table.
    _consent(youth, nina, sara.user, today - datetime.timedelta(days=12))
    handover = handover_start(
        network=network,
        leaver=members[youssef.pk],
        successor=nina,
        successor_role=MemberRole.SOCIAL_WORKER,
        reason=HandoverReason.YOUTH_MOVES,
        note=(
            "Nour woont sinds deze maand in Minor Ndako.\n"
            "Wat werkt: samen koken, dan praat ze het makkelijkst.\n"
            "Let op: ze mist haar broer, die in Antwerpen woont; contact met hem helpt."
        ),
        introduced_to_youth=True,
        actions_reassigned=True,
        next_meeting_known=True,
        documents_shared=True,
        handover_on=today - datetime.timedelta(days=10),
        by=youssef.user,
    )
    handover_accept(handover=handover, by=nina.user)
    context["networks"]["Nour"] = network


def _closed_network(context: dict) -> None:
    """Samir turned 18 last year; his network closed once he had a sustainable plan."""
    today = timezone.localdate()
    youth, _ = Youth.objects.get_or_create(
        first_name="Samir",
        last_name="Kareem",
        defaults={
            "birth_date": today.replace(year=today.year - 19) - datetime.timedelta(days=60),
            "country_of_origin": "Irak",
            "languages": "Arabisch, Koerdisch, Nederlands",
            "school_situation": SchoolSituation.SECONDARY,
            "school_name": "Sint-Lievenscollege",
            "housing": Housing.INDEPENDENT,
        },
    )
    if CareNetwork.objects.filter(youth=youth).exists():
        return
    sara, karim, pieter = (context["supporters"][key] for key in (SARA, KARIM, PIETER))
    network = CareNetwork.objects.create(
        youth=youth, status=NetworkStatus.ACTIVE, started_on=today - datetime.timedelta(days=700)
    )
    members = []
    for supporter, role, after_18 in (
        (sara, MemberRole.OKAN_COACH, False),
        (karim, MemberRole.JOB_COACH, True),
        (pieter, MemberRole.SOCIAL_WORKER, True),
    ):
        _consent(youth, supporter, sara.user, network.started_on)
        members.append(
            network_add_member(
                network=network,
                supporter=supporter,
                role=role,
                continues_after_18=after_18,
                joined_on=network.started_on,
                sector=Sector.WELFARE if role == MemberRole.SOCIAL_WORKER else "",
            )
        )
    network.lead = members[0]
    network.save(update_fields=["lead"])
    network_close(
        network=network,
        reason=ClosureReason.SUSTAINABLE_PLAN,
        note=(
            "Samir werkt sinds drie maanden als elektricien in opleiding (IBO via VDAB) en woont zelfstandig. "
            "Pieter (CAW) blijft zijn aanspreekpunt voor administratie."
        ),
        by=sara.user,
    )
    context.setdefault("networks", {})["Samir"] = network


FATIMA = "fatima@voogdij.demo"


def _withdrawn_handover(context: dict) -> None:
    """Jan (guardian) proposed his colleague Fatima before a leave, then stayed: the proposal was withdrawn."""
    jan, fatima = context["supporters"].get(JAN), context["supporters"].get(FATIMA)
    if jan is None or fatima is None or Handover.objects.filter(status=HandoverStatus.WITHDRAWN).exists():
        return
    for name, network in sorted(context.get("networks", {}).items()):
        leaver = _active(network, jan)
        if name in ("Yonas", "Nour", "Samir") or leaver is None or network.is_closed or _active(network, fatima):
            continue
        if Handover.objects.pending().filter(leaver=leaver).exists():
            continue
        handover = handover_start(
            network=network,
            leaver=leaver,
            successor=fatima,
            successor_role=MemberRole.GUARDIAN,
            reason=HandoverReason.OTHER,
            note="Jan gaat drie maanden met verlof; Fatima neemt de voogdij over tot hij terug is.",
            share_consent=True,
            by=jan.user,
        )
        handover_withdraw(handover=handover, by=jan.user)
        return


def _turning_18_confirmed(context: dict) -> None:
    """Farida turns 18 in about two months: housing after 18 is confirmed, with a note; the rest is still open."""
    network = context.get("networks", {}).get("Farida")
    if network is None or network.is_closed:
        return
    if TransitionConfirmation.objects.filter(network=network).exists():
        return
    lead = network.lead
    by = lead.supporter.user if lead is not None else None
    transition_confirm(
        network=network,
        domain=TransitionDomain.HOUSING,
        note="Studio via Minor Ndako vanaf haar 18de; Nina blijft het zelfstandig wonen begeleiden tot juni.",
        by=by,
    )


def seed(context: dict) -> None:
    """A waiting handover (Yonas), one accepted earlier (Nour), one withdrawn, a closed network (Samir),
    and a confirmed item on a turning-18 checklist (Farida)."""
    _pending_handover_yonas(context)
    _accepted_handover_nour(context)
    _closed_network(context)
    _withdrawn_handover(context)
    _turning_18_confirmed(context)
