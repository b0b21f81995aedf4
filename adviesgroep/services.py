"""Changes in the advisory group's work: send a signal, review it, answer it, feed it back to policy.

E-mails go out only after the transaction commits (STYLE.md: side effects after commit).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from adviesgroep.models import Advice, Lesson, PolicyFeedback, Signal, SignalStatus
from adviesgroep.pseudonyms import texts_are_pseudonymous
from adviesgroep.selectors import sender_sector
from networks.choices import TimelineKind
from networks.services import timeline_record
from zorgnetwerk.mail import mail_after_commit


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
    signal.reviewer = reviewer
    fields = ["reviewer", "updated_at"]
    if reviewer is not None and signal.status == SignalStatus.NEW:
        signal.status = SignalStatus.IN_REVIEW
        fields.append("status")
    signal.save(update_fields=fields)
    return signal


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
            mail_after_commit(
                lambda: _mail_advice(signal=signal, advice=advice, recipient=recipient), about="advice on a signal"
            )
    return advice


def _lead_email(network) -> str:
    return network.lead.supporter.mail_address if network.lead is not None else ""


def _mail_advice(*, signal: Signal, advice: Advice, recipient: str) -> None:
    link = settings.SITE_URL + reverse("adviesgroep:signal_detail", kwargs={"signal_pk": signal.pk})
    # No youth's name in the mail: only the kind of signal, its date and a link behind the login.
    context = {"signal": signal, "advice": advice, "link": link}
    send_mail(
        subject=_("The advisory group answered your signal"),
        message=render_to_string("adviesgroep/email_advice.txt", context),
        from_email=None,
        recipient_list=[recipient],
    )


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
