# ruff: noqa: E501  (the demo texts are long Dutch sentences; splitting them hides nothing)
"""Demo data for the advisory group: signals over two quarters, advice, lessons, one policy feedback.

Idempotent: a signal is recognised by its question, a lesson by its title, the feedback by its
recipient and summary. Every text is fictional and names nobody.
"""

import contextlib
import datetime

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from actionplans.models import MAX_OPEN_ACTIONS, ActionStatus, Barrier, BarrierCategory, BarrierStatus, Domain
from adviesgroep.models import Advice, Lesson, PolicyFeedback, Signal, SignalKind, SignalStatus, Theme
from adviesgroep.selectors import Quarter, sender_sector, signal_prefill, signal_summary_for
from adviesgroep.services import advice_to_action
from networks.choices import TimelineKind
from networks.models import CareNetwork
from networks.services import timeline_record

FALLBACK_CATEGORIES = [
    ("taal", "Taal"),
    ("school", "School en inschrijving"),
    ("wonen", "Wonen"),
    ("geld", "Geld en Groeipakket"),
    ("welzijn", "Welzijn en slaap"),
    ("werk", "Toegang tot werk"),
]

# (quarter: 0 = this, 1 = last; day in the quarter; kind; theme; category indexes; question; advice or "")
SIGNALS = [
    (
        1,
        5,
        SignalKind.STRUCTURAL,
        Theme.CHOICES,
        [1],
        "OKAN-leerlingen krijgen maar twee scholen voorgesteld voor hun vervolgonderwijs. Hoe verbreden we de keuze?",
        "Vraag een oriëntatiegesprek met tolk aan bij het CLB en betrek de vervolgschoolcoach van in het begin; zie ook de les 'Studiekeuze met tolk'.",
    ),
    (
        1,
        12,
        SignalKind.POLICY,
        Theme.MOTIVATION,
        [3],
        "Het Groeipakket wordt achteraf teruggevorderd bij B-codes. De jongere heeft nu schulden en wil stoppen met school.",
        "Neem contact op met het OCMW voor een afbetalingsplan. We nemen dit mee in onze terugkoppeling naar het beleid.",
    ),
    (
        1,
        20,
        SignalKind.STUCK,
        Theme.COORDINATION,
        [4],
        "De jongere slaapt slecht en mist veel lessen. Welzijn en school geven tegenstrijdig advies. Wie neemt het voortouw?",
        "Spreek één trekker af en plan een rondetafel met de psycholoog erbij. Welzijn en slaap eerst, daarna pas schoolprestaties.",
    ),
    (
        1,
        28,
        SignalKind.STRUCTURAL,
        Theme.CHOICES,
        [5],
        "Na 18 valt de begeleiding weg; de jongere wil een opleiding bij VDAB maar komt niet in aanmerking voor OriëntatieWerkt.",
        "Er zijn andere trajecten: neem contact op met de dienst intensieve dienstverlening voor anderstaligen.",
    ),
    (
        1,
        35,
        SignalKind.SUCCESS,
        Theme.MOTIVATION,
        [1],
        "Dankzij een buddy van JES gaat de jongere opnieuw elke dag naar school. We delen graag hoe we dat aanpakten.",
        "Dank je! We publiceren dit als succesverhaal in de kennisbank.",
    ),
    (
        1,
        41,
        SignalKind.STRUCTURAL,
        Theme.PREJUDICE,
        [0, 1],
        "Leerkrachten in de vervolgschool verwachten weinig van de jongere omdat hij nog geen vlot Nederlands spreekt.",
        "",
    ),
    (
        1,
        50,
        SignalKind.POLICY,
        Theme.COORDINATION,
        [2],
        "De jongere moet verhuizen naar een opvang ver van school en is elke dag twee uur onderweg.",
        "We signaleren dit aan de stad; vraag intussen een tussenkomst in het vervoer aan via de voogd.",
    ),
    (
        1,
        58,
        SignalKind.STUCK,
        Theme.CHOICES,
        [5],
        "De jongere wil meteen werken en geld verdienen; school is geen prioriteit. Hoe combineren we beide?",
        "Bekijk duaal leren met een oriëntatietraject ervoor; VDAB kan een infosessie op school geven.",
    ),
    (
        0,
        3,
        SignalKind.STRUCTURAL,
        Theme.CHOICES,
        [1],
        "Geen enkele school in de buurt heeft plaats in de richting die de jongere kiest.",
        "Vergelijkbaar met eerdere signalen: vraag het LOP om bemiddeling en kijk naar schakelklassen.",
    ),
    (
        0,
        8,
        SignalKind.STUCK,
        Theme.COORDINATION,
        [2, 4],
        "De woonbegeleider en de school spreken elkaar niet; de jongere vertelt aan elk iets anders.",
        "",
    ),
    (
        0,
        14,
        SignalKind.POLICY,
        Theme.MOTIVATION,
        [3],
        "Opnieuw een terugvordering van het Groeipakket bij een jongere met een B-code.",
        "",
    ),
    (
        0,
        19,
        SignalKind.STRUCTURAL,
        Theme.PREJUDICE,
        [0],
        "De jongere voelt zich niet welkom in de klas en wil niet meer gaan.",
        "Probeer een meter/peter-project op school en geef de klas ruimte om de talen van de jongere te tonen.",
    ),
    (
        0,
        25,
        SignalKind.SUCCESS,
        Theme.COORDINATION,
        [4],
        "Een warme overdracht naar de begeleider na 18 liep goed dankzij een gezamenlijk gesprek met de jongere.",
        "",
    ),
    (
        0,
        30,
        SignalKind.STRUCTURAL,
        Theme.CHOICES,
        [5],
        "Geen NAFT-traject mogelijk omdat de jongere uit OKAN komt.",
        "",
    ),
    (
        0,
        36,
        SignalKind.STUCK,
        Theme.MOTIVATION,
        [4],
        "De jongere heeft nachtmerries en komt 's ochtends niet uit bed. De psycholoog heeft een wachtlijst van vier maanden.",
        "",
    ),
    (
        0,
        42,
        SignalKind.POLICY,
        Theme.COORDINATION,
        [1, 2],
        "Bij een schoolwissel gaat de informatie van het CLB niet mee naar de nieuwe school.",
        "",
    ),
]

LESSONS = [
    (
        "Studiekeuze met tolk",
        "Informeer de jongere herhaaldelijk en met een tolk over de mogelijkheden na OKAN. Laat meer dan twee "
        "scholen zien en bespreek ook de financiële gevolgen van elke keuze in de eigen taal.",
        Theme.CHOICES,
        [1],
        "studiekeuze, tolk, OKAN",
        False,
    ),
    (
        "Eerst welzijn en slaap",
        "Zorg eerst voor welzijn en slaap, daarna pas voor schoolprestaties. Betrek de psycholoog vroeg en spreek "
        "in het netwerk af wie het voortouw neemt.",
        Theme.MOTIVATION,
        [4],
        "slaap, welzijn, trauma",
        False,
    ),
    (
        "Een buddy die mee naar school gaat",
        "Een netwerk vertelt: een vrijwilliger van een jeugdwerking ging de eerste weken mee naar school en "
        "daarna één keer per week iets drinken. De jongere kreeg zo een sociaal netwerk en ging opnieuw elke dag.",
        Theme.MOTIVATION,
        [1],
        "buddy, sociaal netwerk, schoolmotivatie",
        True,
    ),
]


def _categories() -> list[BarrierCategory]:
    categories = list(BarrierCategory.objects.filter(is_active=True).order_by("order", "name"))
    if categories:
        return categories
    for order, (slug, name) in enumerate(FALLBACK_CATEGORIES):
        BarrierCategory.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    return list(BarrierCategory.objects.filter(is_active=True).order_by("order", "name"))


def _sender(network) -> User | None:
    memberships = network.memberships.filter(left_on__isnull=True, supporter__user__isnull=False)
    lead = memberships.filter(pk=network.lead_id).first() if network.lead_id else None
    membership = lead or memberships.order_by("pk").first()
    return membership.supporter.user if membership else None


def _networks(context) -> list[CareNetwork]:
    networks = list(context.get("networks", {}).values())
    if not networks:
        networks = list(CareNetwork.objects.order_by("pk"))
    # A closed network sends no new signals; use the open ones when there are any.
    return [network for network in networks if not network.is_closed] or networks


BARRIER_ADVICE = (
    "Vraag via het CLB een bemiddeling aan bij het LOP Gent en neem het oriënteringsverslag mee. "
    "Twee andere netwerken met dezelfde drempel vonden zo binnen drie weken een oplossing."
)


def _signal_from_a_barrier(networks, advisors) -> Signal | None:
    """A barrier of a plan sent as a signal and answered: the network page shows it as signalled."""
    signal = Signal.objects.filter(source_barrier__isnull=False).first()
    if signal is not None:
        return signal
    # A plan with room for one more open action, so that the advice can become one.
    open_actions = Count("plan__actions", filter=Q(plan__actions__status=ActionStatus.OPEN), distinct=True)
    barrier = (
        Barrier.objects.filter(plan__network__in=networks, plan__network__lead__isnull=False)
        .exclude(status=BarrierStatus.REMOVED)
        .annotate(open_actions=open_actions)
        .filter(open_actions__lt=MAX_OPEN_ACTIONS)
        .select_related("category", "plan__network__youth")
        .order_by("pk")
        .first()
    )
    if barrier is None:
        return None
    network = barrier.plan.network
    sender = _sender(network)
    initial = signal_prefill(network=network, user=sender, barrier=barrier)
    sent_at = timezone.now() - datetime.timedelta(days=9)
    signal = Signal.objects.create(
        network=network,
        kind=SignalKind.STRUCTURAL,
        theme=Theme.CHOICES,
        question=initial["question"],
        case_summary=initial["case_summary"],
        sent_by=sender,
        sender_sector=sender_sector(network=network, by=sender),
        sent_at=sent_at,
        reviewer=advisors[0] if advisors else None,
        status=SignalStatus.ANSWERED,
        source_barrier=barrier,
    )
    signal.categories.set([barrier.category])
    Advice.objects.create(
        signal=signal, text=BARRIER_ADVICE, by=signal.reviewer, at=sent_at + datetime.timedelta(days=4)
    )
    return signal


def _advice_became_an_action(signal: Signal | None) -> None:
    """The network turned the advice into an action of its plan, in one step from the signal's page."""
    if signal is None or Advice.objects.filter(action__isnull=False).exists():
        return
    network = signal.network
    advice = signal.advice.order_by("at").first()
    if network is None or network.is_closed or advice is None or network.lead is None:
        return
    # When the plan already holds three open actions, the advice stays to be taken up.
    with contextlib.suppress(ValidationError):
        advice_to_action(
            advice=advice,
            domain=Domain.SCHOOL,
            description=advice.text[:500],
            deadline=timezone.localdate() + datetime.timedelta(days=21),
            owner=network.lead,
            by=network.lead.supporter.user,
        )


def seed(context: dict) -> None:
    categories = _categories()
    networks = _networks(context)
    advisors = list(User.objects.filter(is_advisory=True).order_by("email"))
    now = timezone.now()
    this = Quarter.current()
    quarters = [this, this.previous]
    created = {}

    for index, (quarter_index, day, kind, theme, category_indexes, question, advice_text) in enumerate(SIGNALS):
        signal = Signal.objects.filter(question=question).first()
        if signal is None and networks:
            network = networks[index % len(networks)]
            quarter = quarters[quarter_index]
            sent_at = min(quarter.start_at + datetime.timedelta(days=day, hours=10), now - datetime.timedelta(hours=1))
            if quarter_index == 0 and sent_at < this.start_at:
                sent_at = this.start_at + datetime.timedelta(minutes=index)
            sender = _sender(network)
            signal = Signal.objects.create(
                network=network,
                kind=kind,
                theme=theme,
                question=question,
                case_summary=signal_summary_for(network.youth, network),
                sent_by=sender,
                sender_sector=sender_sector(network=network, by=sender),
                sent_at=sent_at,
                reviewer=advisors[index % len(advisors)] if advisors and (advice_text or index % 3 == 0) else None,
                status=SignalStatus.IN_REVIEW if index % 3 == 0 else SignalStatus.NEW,
            )
            signal.categories.set([categories[i % len(categories)] for i in category_indexes])
            timeline_record(
                network=network,
                kind=TimelineKind.SIGNAL,
                summary=_("Signal sent to the advisory group: %(kind)s") % {"kind": signal.get_kind_display()},
                actor=signal.sent_by,
                occurred_at=sent_at,
            )
            if advice_text:
                at = min(sent_at + datetime.timedelta(days=6), now)
                Advice.objects.create(signal=signal, text=advice_text, by=signal.reviewer, at=at)
                signal.status = SignalStatus.ANSWERED
                signal.save(update_fields=["status"])
                timeline_record(
                    network=network,
                    kind=TimelineKind.SIGNAL,
                    summary=_("The advisory group answered the signal of %(date)s")
                    % {"date": timezone.localtime(sent_at).date().isoformat()},
                    actor=signal.reviewer,
                    occurred_at=at,
                )
        if signal is not None:
            created[index] = signal

    author = advisors[0] if advisors else None
    for title, body, theme, category_indexes, tags, success in LESSONS:
        lesson, was_created = Lesson.objects.get_or_create(
            title=title,
            defaults={
                "body": body,
                "theme": theme,
                "tags": tags,
                "is_success_story": success,
                "created_by": author,
                "source_signal": created.get(4) if success else None,
            },
        )
        if was_created:
            lesson.categories.set([categories[i % len(categories)] for i in category_indexes])

    recipient = "Kernteam Lokaal Sociaal Beleid Gent"
    summary = (
        "Terugvordering van het Groeipakket bij B-codes leidt tot schulden en schooluitval; "
        "vraag om het Groeipakket preventief in te houden en jongeren vooraf te informeren."
    )
    feedback, was_created = PolicyFeedback.objects.get_or_create(
        recipient=recipient,
        summary=summary,
        defaults={"given_on": this.previous.start + datetime.timedelta(days=70), "recorded_by": author},
    )
    if was_created:
        about = [signal for index, signal in created.items() if index in (1, 10)]
        feedback.signals.set(about)
        Signal.objects.filter(pk__in=[s.pk for s in about], status=SignalStatus.ANSWERED).update(
            status=SignalStatus.FED_BACK
        )

    _advice_became_an_action(_signal_from_a_barrier(networks, advisors))
