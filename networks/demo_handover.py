"""Demo data of the warm handover: one waiting, one accepted earlier, and a closed network.

All fictional. Idempotent: each step looks for what it would make and does nothing when found.
Runs after youths.demo (which fills context["networks"]) and actionplans.demo.
"""

import datetime

from django.utils import timezone

from networks.choices import ClosureReason, HandoverReason, MemberRole, NetworkStatus, Sector
from networks.handover import handover_accept, handover_start, network_close
from networks.models import CareNetwork, Handover, Membership, SharingConsent
from networks.services import network_add_member
from youths.models import Housing, SchoolSituation, Youth

SARA, TOM, KARIM, PIETER = "sara@okan.demo", "tom@sintlieven.demo", "karim@vdab.demo", "pieter@caw.demo"


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


def _accepted_handover_bilal(context: dict) -> None:
    """Bilal left OKAN: Sara handed over to Tom, already his school coach, who accepted."""
    network = context.get("networks", {}).get("Bilal")
    sara, tom = context["supporters"][SARA], context["supporters"][TOM]
    if network is None or Handover.objects.filter(network=network, leaver__supporter=sara).exists():
        return
    leaver = _active(network, sara)
    if leaver is None or _active(network, tom) is None or network.is_closed:
        return
    handover = handover_start(
        network=network,
        leaver=leaver,
        successor=tom,
        successor_role=MemberRole.SCHOOL_COACH,
        reason=HandoverReason.SCHOOL_CHANGE,
        note=(
            "Bilal zit nu voltijds in Sint-Lievenscollege (houtbewerking); OKAN is afgerond.\n"
            "Wat werkt: praktisch werken, hem laten tonen wat hij maakte.\n"
            "Let op: huiswerk lukt niet in de opvang; zoek een rustige plek."
        ),
        introduced_to_youth=True,
        actions_reassigned=True,
        next_meeting_known=True,
        documents_shared=True,
        handover_on=timezone.localdate() - datetime.timedelta(days=10),
        by=sara.user,
    )
    handover_accept(handover=handover, by=tom.user)


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
        SharingConsent.objects.get_or_create(
            youth=youth,
            organisation=supporter.organisation,
            revoked_on=None,
            defaults={"recorded_by": sara.user, "given_on": network.started_on},
        )
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


def seed(context: dict) -> None:
    """A waiting handover (Yonas), one accepted earlier (Bilal) and a closed network (Samir)."""
    _pending_handover_yonas(context)
    _accepted_handover_bilal(context)
    _closed_network(context)
