"""The daily e-mail digest (step 4): "insufficient follow-up is a known pitfall of care networks".

Each user gets at most one digest a day, listing what is overdue or due within DUE_DAYS for them:
next contacts they are responsible for, actions they own, referrals they made that wait too long,
round tables they are invited to, and plan reviews they owe as a new lead.
"""

import datetime
import logging
import re
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from actionplans.models import Action, ActionStatus, Meeting, MeetingStatus, Referral, ReminderSent
from networks.choices import NetworkStatus
from networks.models import CareNetwork

logger = logging.getLogger(__name__)

DUE_DAYS = 7


@dataclass
class Item:
    kind: str
    youth: str
    text: str
    day: datetime.date
    overdue: bool
    url: str


def _youth_label(youth) -> str:
    """A digest names the youth by initials, as the meeting invitations do: mail leaves the platform."""
    return youth.initials or "?"


def _without_youth_names(text: str, youth) -> str:
    """Free text of the plan (an action, a meeting place) with the youth's names replaced by initials."""
    for name in sorted({youth.full_name, youth.first_name, youth.last_name}, key=len, reverse=True):
        name = (name or "").strip()
        if len(name) > 1:
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", youth.initials, text or "", flags=re.IGNORECASE)
    return text


def _url(name: str, pk: int, anchor: str = "") -> str:
    return settings.SITE_URL + reverse(name, args=[pk]) + (f"#{anchor}" if anchor else "")


def reminders_collect(today: datetime.date) -> dict[int, list[Item]]:
    """user id → items; five queries whatever the number of users."""
    horizon = today + datetime.timedelta(days=DUE_DAYS)
    items: dict[int, list[Item]] = defaultdict(list)
    open_networks = {"status": NetworkStatus.ACTIVE}

    follow_ups = CareNetwork.objects.filter(
        **open_networks,
        next_contact_on__lte=horizon,
        next_contact_by__left_on__isnull=True,
        next_contact_by__supporter__user__isnull=False,
    ).select_related("youth", "next_contact_by__supporter")
    for network in follow_ups:
        items[network.next_contact_by.supporter.user_id].append(
            Item(
                "follow_up",
                _youth_label(network.youth),
                "",
                network.next_contact_on,
                network.next_contact_on < today,
                _url("actionplans:plan_detail", network.pk, "follow-up"),
            )
        )

    reviews = CareNetwork.objects.filter(
        **open_networks,
        plan_review_due_on__lte=horizon,
        lead__left_on__isnull=True,
        lead__supporter__user__isnull=False,
    ).select_related("youth", "lead__supporter")
    for network in reviews:
        items[network.lead.supporter.user_id].append(
            Item(
                "plan_review",
                _youth_label(network.youth),
                "",
                network.plan_review_due_on,
                network.plan_review_due_on < today,
                _url("actionplans:plan_detail", network.pk),
            )
        )

    actions = Action.objects.filter(
        status=ActionStatus.OPEN,
        deadline__lte=horizon,
        plan__network__status=NetworkStatus.ACTIVE,
        owner__left_on__isnull=True,
        owner__supporter__user__isnull=False,
    ).select_related("plan__network__youth", "owner__supporter")
    for action in actions:
        items[action.owner.supporter.user_id].append(
            Item(
                "action",
                _youth_label(action.plan.network.youth),
                _without_youth_names(action.description, action.plan.network.youth),
                action.deadline,
                action.deadline < today,
                _url("actionplans:plan_detail", action.plan.network_id, "actions"),
            )
        )

    referrals = (
        Referral.objects.waiting_too_long(today)
        .filter(
            plan__network__status=NetworkStatus.ACTIVE,
            referred_by__left_on__isnull=True,
            referred_by__supporter__user__isnull=False,
        )
        .select_related("plan__network__youth", "offer", "referred_by__supporter")
    )
    for referral in referrals:
        items[referral.referred_by.supporter.user_id].append(
            Item(
                "referral",
                _youth_label(referral.plan.network.youth),
                _without_youth_names(referral.partner_name, referral.plan.network.youth),
                referral.sent_on,
                True,
                _url("actionplans:plan_detail", referral.plan.network_id, "referrals"),
            )
        )

    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    end = start + datetime.timedelta(days=DUE_DAYS + 1)
    invitations = Meeting.invited.through.objects.filter(
        meeting__status=MeetingStatus.PLANNED,
        meeting__starts_at__gte=start,
        meeting__starts_at__lt=end,
        meeting__network__status=NetworkStatus.ACTIVE,
        membership__left_on__isnull=True,
        membership__supporter__user__isnull=False,
    ).select_related("meeting__network__youth", "membership__supporter")
    for invitation in invitations:
        meeting = invitation.meeting
        items[invitation.membership.supporter.user_id].append(
            Item(
                "meeting",
                _youth_label(meeting.network.youth),
                _without_youth_names(meeting.location or meeting.online_link, meeting.network.youth),
                timezone.localtime(meeting.starts_at).date(),
                False,
                _url("actionplans:meeting_detail", meeting.pk),
            )
        )
    for user_items in items.values():
        user_items.sort(key=lambda item: (not item.overdue, item.day))
    return items


def reminders_send(*, today: datetime.date | None = None) -> int:
    """Send today's digests; a user who already had one today is skipped. Returns the number sent."""
    today = today or timezone.localdate()
    items = reminders_collect(today)
    users = User.objects.filter(pk__in=items, is_active=True).exclude(email="")
    sent = 0
    for user in users:
        user_items = items[user.pk]
        try:
            with transaction.atomic():
                claim = ReminderSent.objects.create(user=user, day=today, item_count=len(user_items))
        except IntegrityError:
            continue  # already sent today: never the same reminder twice on one day
        try:
            _send_digest(user, user_items, today)
        except Exception:
            # Release the claim so that a later run today can try again.
            claim.delete()
            logger.exception("Could not send the reminder digest to user %s", user.pk)
            continue
        sent += 1
    return sent


def _send_digest(user, items: list[Item], today: datetime.date) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {"user": user, "items": items, "today": today, "due_days": DUE_DAYS, "site_url": settings.SITE_URL}
        subject = render_to_string("actionplans/email_reminder_subject.txt", context).strip()
        body = render_to_string("actionplans/email_reminder.txt", context)
    EmailMultiAlternatives(subject=subject, body=body, to=[user.email]).send()
