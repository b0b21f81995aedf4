"""Changes in the advisory group's work: send a signal, review it, answer it, feed it back to policy.

E-mails go out only after the transaction commits (STYLE.md: side effects after commit).
"""

import datetime
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actionplans.models import Barrier, BarrierStatus
from actionplans.services import plans
from adviesgroep.models import Advice, AdvisoryVisit, Lesson, PolicyFeedback, Signal, SignalStatus
from adviesgroep.pseudonyms import texts_are_pseudonymous
from adviesgroep.selectors import sender_sector
from networks.choices import TimelineKind
from networks.services import timeline_record
from zorgnetwerk.limits import TEXT_LONG
from zorgnetwerk.mail import mail_after_commit, plain_mail_after_commit

# --- the rules, one function each (services enforce them, templates use them to hide buttons) ---


def barrier_signal(barrier):
    """The signal already sent from this barrier, or None (reads prefetched `signals` when there)."""
    return next(iter(barrier.signals.all()), None)


def barrier_may_be_signalled(barrier) -> bool:
    """A barrier goes to the advisory group once: after that the network follows that signal up."""
    return barrier_signal(barrier) is None


def barrier_already_signalled_message(signal) -> str:
    return _(
        "This barrier was already sent to the advisory group as signal %(number)d (%(status)s). "
        "Follow that signal up instead of sending it again."
    ) % {"number": signal.pk, "status": signal.get_status_display().lower()}


@transaction.atomic
def signal_send(
    *,
    network,
    by,
    kind: str,
    theme: str,
    question: str,
    case_summary: str,
    categories=(),
    share_more: bool = False,
    source_barrier=None,
) -> Signal:
    """Send a signal to the advisory group ("Loopt je zorgnetwerkje vast? Neem dan contact op met de adviesgroep.")."""
    if source_barrier is not None and source_barrier.plan.network_id != network.pk:
        raise ValidationError(_("This barrier belongs to another network."))
    if source_barrier is not None:
        # Locked, so that two members sending the same barrier at once cannot both pass.
        source_barrier = Barrier.objects.select_for_update().get(pk=source_barrier.pk)
        earlier = Signal.objects.filter(source_barrier=source_barrier).order_by("sent_at", "pk").first()
        if earlier is not None:
            raise ValidationError(barrier_already_signalled_message(earlier), code="already_signalled")
    texts = {"question": question} if share_more else {"question": question, "case_summary": case_summary}
    texts_are_pseudonymous(texts=texts, networks=[network], sender=by, share_more_fields=("case_summary",))
    signal = Signal.objects.create(
        network=network,
        sent_by=by,
        sender_sector=sender_sector(network=network, by=by),
        kind=kind,
        theme=theme,
        question=question,
        case_summary=case_summary,
        share_more=share_more,
        source_barrier=source_barrier,
    )
    signal.categories.set(categories)
    _mail_new_signal(signal)
    timeline_record(
        network=network,
        kind=TimelineKind.SIGNAL,
        summary=_("Signal sent to the advisory group: %(kind)s") % {"kind": signal.get_kind_display()},
        actor=by,
    )
    return signal


@transaction.atomic
def signal_assign_reviewer(*, signal: Signal, reviewer, by) -> Signal:
    """Give the signal a reviewer in the advisory group, so that every signal has someone who follows it up."""
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if reviewer is not None and not reviewer.is_advisory:
        raise ValidationError(_("The reviewer must be a member of the advisory group."))
    newly_assigned = reviewer is not None and reviewer.pk != signal.reviewer_id
    signal.reviewer = reviewer
    fields = ["reviewer", "updated_at"]
    if reviewer is not None and signal.status == SignalStatus.NEW:
        signal.status = SignalStatus.IN_REVIEW
        fields.append("status")
    signal.save(update_fields=fields)
    if newly_assigned and reviewer.pk != getattr(by, "pk", None):
        _mail_assigned(signal, reviewer)
    return signal


# The mails to the advisory group carry only the barrier categories and a link behind the login:
# no question, no summary, no network code, nothing of the youth (signals leave the network pseudonymised,
# and an e-mail may be read on any device).


def _signal_link(signal: Signal) -> str:
    return settings.SITE_URL + reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk})


def _category_names(signal: Signal) -> str:
    return ", ".join(category.name for category in signal.categories.order_by("order", "name")) or "—"


def _mail_new_signal(signal: Signal) -> None:
    """Every member of the advisory group hears that a signal arrived ("Neem contact op met de adviesgroep")."""
    recipients = (
        get_user_model()
        .objects.filter(is_advisory=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    plain_mail_after_commit(
        subject=_("A new signal for the advisory group"),
        body=_(
            "A network sent a signal to the advisory group.\n"
            "Barrier categories: %(categories)s\n\nRead it here:\n%(url)s\n"
        )
        % {"categories": _category_names(signal), "url": _signal_link(signal)},
        recipients=list(recipients),
        about="a new signal",
    )


def _mail_assigned(signal: Signal, reviewer) -> None:
    plain_mail_after_commit(
        subject=_("A signal was assigned to you"),
        body=_(
            "Signal %(number)d was assigned to you: you follow it up for the advisory group.\n"
            "Barrier categories: %(categories)s\n\nRead it here:\n%(url)s\n"
        )
        % {"number": signal.pk, "categories": _category_names(signal), "url": _signal_link(signal)},
        recipients=[reviewer.email],
        about="an assigned signal",
    )


@transaction.atomic
def signal_set_status(*, signal: Signal, status: str, by) -> Signal:
    """Move a signal through the inbox: new, in review, answered, fed back to policy, closed."""
    if status not in SignalStatus.values:
        raise ValidationError(_("Unknown status."))
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    signal.status = status
    signal.save(update_fields=["status", "updated_at"])
    return signal


@transaction.atomic
def signal_answer(*, signal: Signal, text: str, by) -> Advice:
    """Advice back to the network: "zij kunnen andere netwerkjes verder helpen" (playbook, step 6)."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the advice."))
    signal = (
        Signal.objects.select_for_update(of=("self",))
        .select_related("network__lead__supporter__user", "network__youth")
        .get(pk=signal.pk)
    )
    # Written by the advisory group, who never see names; checked against the network all the same.
    texts_are_pseudonymous(texts={"text": text}, networks=[signal.network])
    advice = Advice.objects.create(signal=signal, text=text, by=by)
    if signal.status in (SignalStatus.NEW, SignalStatus.IN_REVIEW):
        signal.status = SignalStatus.ANSWERED
        signal.save(update_fields=["status", "updated_at"])
    network = signal.network
    if network is not None:
        timeline_record(
            network=network,
            kind=TimelineKind.SIGNAL,
            summary=_("The advisory group answered the signal of %(date)s")
            % {"date": date_format(timezone.localtime(signal.sent_at).date())},
            actor=by,
        )
        recipient = _lead_email(network)
        if recipient:
            # By id: rendered and sent by the task worker (zorgnetwerk/mail.py).
            mail_after_commit(partial(_mail_advice, advice.pk, recipient), about="advice on a signal")
    return advice


def _lead_email(network) -> str:
    return network.lead.supporter.mail_address if network.lead is not None else ""


def _mail_advice(advice_id: int, recipient: str) -> None:
    advice = Advice.objects.select_related("signal").get(pk=advice_id)
    signal = advice.signal
    link = settings.SITE_URL + reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk})
    # No youth's name in the mail: only the kind of signal, its date and a link behind the login.
    context = {"signal": signal, "advice": advice, "link": link}
    send_mail(
        subject=_("The advisory group answered your signal"),
        message=render_to_string("adviesgroep/email_advice.txt", context),
        from_email=None,
        recipient_list=[recipient],
    )


# --- the advisory group's visits --------------------------------------------------------------


def advisory_visit_record(*, user, now=None) -> AdvisoryVisit:
    """The member opens the inbox: a visit starts after half an hour of quiet (read bookkeeping, like lead_seen_at).

    The visit before the current one stays in `new_since`, so paging through the inbox during one
    visit keeps showing the same signals as new.
    """
    now = now or timezone.now()
    visit = AdvisoryVisit.objects.filter(user=user).first()
    if visit is None:
        return AdvisoryVisit.objects.create(user=user, last_seen_at=now)
    if now - visit.last_seen_at > AdvisoryVisit.GAP:
        visit.new_since = visit.last_seen_at
    elif now - visit.last_seen_at < datetime.timedelta(minutes=1):
        return visit  # seen a moment ago: no write for every click
    visit.last_seen_at = now
    visit.save(update_fields=["last_seen_at", "new_since"])
    return visit


# --- the network takes the advice up ------------------------------------------------------------


def advice_may_be_taken_up(advice: Advice) -> bool:
    """Advice becomes one action, or is noted on the barrier once; then the network follows that up."""
    return advice.action_id is None and advice.barrier_updated_at is None


def _lock_advice(advice: Advice) -> Advice:
    advice = (
        Advice.objects.select_for_update(of=("self",))
        .select_related("signal__network", "signal__source_barrier__category", "signal__source_barrier__plan")
        .get(pk=advice.pk)
    )
    if not advice_may_be_taken_up(advice):
        raise ValidationError(_("This advice was already taken up by the network."))
    if advice.signal.network is None:
        raise ValidationError(_("The network of this signal no longer exists."))
    advice.signal.network.require_open()
    return advice


@transaction.atomic
def advice_to_action(
    *, advice: Advice, domain: str, description: str, deadline, owner=None, owner_is_youth: bool = False, by
):
    """The advice becomes an action in the network's plan, in one step (still at most three open actions)."""
    advice = _lock_advice(advice)
    network = advice.signal.network
    plan = plans.plan_get_or_create(network=network)
    try:
        action = plans.plan_add_action(
            plan=plan,
            domain=domain,
            description=description,
            deadline=deadline,
            owner=owner,
            owner_is_youth=owner_is_youth,
            by=by,
        )
    except ValidationError as error:
        if getattr(error, "code", None) == "too_many_open_actions":
            raise ValidationError(
                _(
                    "The plan already has three open actions, so this advice cannot become a fourth. "
                    "Finish or drop an action in the plan first, then come back to this advice."
                ),
                code="too_many_open_actions",
            )
        raise
    advice.action = action
    advice.applied_by = by
    advice.save(update_fields=["action", "applied_by"])
    timeline_record(
        network=network,
        kind=TimelineKind.SIGNAL,
        summary=_("The advice on signal %(number)d became an action") % {"number": advice.signal_id},
        actor=by,
    )
    return action


@transaction.atomic
def advice_to_barrier(*, advice: Advice, status: str, by):
    """The advice is noted on the barrier the signal came from, and the barrier's status moves on."""
    advice = _lock_advice(advice)
    barrier = advice.signal.source_barrier
    if barrier is None:
        raise ValidationError(_("This signal was not sent from a barrier in the plan."))
    if status not in BarrierStatus.values:
        raise ValidationError(_("Unknown status."))
    note = _("Advice of the advisory group (%(date)s): %(text)s") % {
        "date": timezone.localtime(advice.at).strftime("%d-%m-%Y"),
        "text": advice.text,
    }
    description = f"{barrier.description.rstrip()}\n\n{note}"
    if len(description) > TEXT_LONG:
        description = description[: TEXT_LONG - 1] + "…"
    plans.barrier_update(
        barrier=barrier,
        category=barrier.category,
        description=description,
        helper=barrier.helper,
        status=status,
        by=by,
    )
    advice.barrier_updated_at = timezone.now()
    advice.applied_by = by
    advice.save(update_fields=["barrier_updated_at", "applied_by"])
    timeline_record(
        network=advice.signal.network,
        kind=TimelineKind.SIGNAL,
        summary=_("The advice on signal %(number)d was noted on the barrier %(category)s")
        % {"number": advice.signal_id, "category": barrier.category.name},
        actor=by,
    )
    return barrier


@transaction.atomic
def lesson_save(*, lesson: Lesson, categories, by) -> Lesson:
    """Keep a lesson learned in the knowledge base ("borgt kennis: geleerde lessen elke casus")."""
    if lesson.source_signal_id is not None:
        network = Signal.objects.select_related("network__youth").get(pk=lesson.source_signal_id).network
        texts_are_pseudonymous(
            texts={"title": lesson.title, "body": lesson.body, "tags": lesson.tags}, networks=[network]
        )
    if lesson.pk is None:
        lesson.created_by = by
    lesson.save()
    lesson.categories.set(categories)
    return lesson


@transaction.atomic
def policy_feedback_record(*, given_on, recipient: str, summary: str, signals, by) -> PolicyFeedback:
    """Record what was fed back to policy ("koppelt terug naar beleid"); the signals are marked as fed back."""
    signals = list(signals)
    linked = Signal.objects.filter(pk__in=[s.pk for s in signals], network__isnull=False).select_related(
        "network__youth"
    )
    networks = {signal.network_id: signal.network for signal in linked}
    texts_are_pseudonymous(texts={"recipient": recipient, "summary": summary}, networks=networks.values())
    feedback = PolicyFeedback.objects.create(given_on=given_on, recipient=recipient, summary=summary, recorded_by=by)
    feedback.signals.set(signals)
    Signal.objects.filter(pk__in=[s.pk for s in signals]).exclude(status=SignalStatus.CLOSED).update(
        status=SignalStatus.FED_BACK, updated_at=timezone.now()
    )
    return feedback
