"""The youth's own page: creating, renewing and revoking the link, the code gate, and what the youth does there.

Only the network's lead or one of its members in person manages the link (`youthlink_may_manage`).
Every step is on the audit trail; what the youth does is recorded with the link as the actor
(`YouthLink.actor_label`), never a user.
"""

from __future__ import annotations

import re
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplans.models import Action, ActionStatus
from actionplans.services.plans import action_complete
from audit.models import AuditEvent
from audit.trail import record
from networks.choices import TimelineKind
from networks.models import CareNetwork, Membership
from networks.services import timeline_record
from youthpage.models import (
    MAX_FAILED_ATTEMPTS,
    MESSAGE_MAX_LENGTH,
    MessageKind,
    YouthContactShare,
    YouthLink,
    YouthMessage,
    token_hash,
)
from youths.youth_texts import LANGUAGES as YOUTH_LANGUAGES
from youths.youth_texts import default_language_for
from zorgnetwerk.client_ip import client_ip
from zorgnetwerk.mail import plain_mail_after_commit

TOKEN_BYTES = 32  # 256 bits
CODE_PATTERN = re.compile(r"^\d{4,12}$")


class Audit:
    """The audit actions of the youth's page (AuditEvent.action, at most 20 characters)."""

    LINK_CREATE = "youthlink_create"
    LINK_RENEW = "youthlink_renew"
    LINK_REVOKE = "youthlink_revoke"
    SHARE_CHANGE = "youth_share_change"
    MESSAGE_HANDLED = "youth_msg_handled"
    # By the youth, through the link:
    CODE_ASKED = "youth_code_asked"
    CODE_OK = "youth_code_ok"
    CODE_WRONG = "youth_code_wrong"
    LOCKED = "youth_link_locked"
    READ = "youth_read"
    REFUSED = "youth_refused"
    MESSAGE = "youth_message"
    ACTION_DONE = "youth_action_done"
    ASK_HELP = "youth_ask_help"


def youth_audit(action: str, *, link: YouthLink, request=None, object_type="youthlink", object_id=None) -> AuditEvent:
    """One audit row with the youth's link as the actor (no user: the youth has no account)."""
    event = AuditEvent(
        at=timezone.now(),
        action=action,
        user_email=link.actor_label,
        object_type=object_type,
        object_id=str(object_id if object_id is not None else link.pk),
        network_id=link.network_id,
        ip=client_ip(request) if request is not None else None,
        path=request.path[:300] if request is not None else "",
    )
    event.save()
    return event


# --- managing the link (lead or member) -----------------------------------------------------


def youthlink_may_manage(*, network: CareNetwork, user) -> bool:
    """The network's lead, or one of its active members in person."""
    if not getattr(user, "is_authenticated", False):
        return False
    return network.is_led_by(user) or Membership.objects.active().filter(network=network, supporter__user=user).exists()


def _require_may_manage(network: CareNetwork, user) -> None:
    if not youthlink_may_manage(network=network, user=user):
        raise PermissionDenied(_("Only the lead or a member of the network manages the youth's link."))


def _clean_code(code: str | None) -> str:
    if code in (None, ""):
        return f"{secrets.randbelow(10**6):06d}"
    code = code.strip()
    if not CODE_PATTERN.match(code):
        raise ValidationError(_("The code is 4 to 12 digits."))
    return code


def _clean_language(language: str | None, network: CareNetwork) -> str:
    if language and language in YOUTH_LANGUAGES:
        return language
    return default_language_for(network.youth)


def current_link(network: CareNetwork) -> YouthLink | None:
    return YouthLink.objects.current().filter(network=network).first()


def _new_link(
    *, network: CareNetwork, by, code: str | None, language: str | None, token: str | None = None
) -> tuple[YouthLink, str, str]:
    """`token` only for the demo data (a stable secret of the installation); otherwise 256 random bits."""
    code = _clean_code(code)
    token = token or secrets.token_urlsafe(TOKEN_BYTES)
    link = YouthLink.objects.create(
        network=network,
        token_hash=token_hash(token),
        code_hash=make_password(code),
        language=_clean_language(language, network),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    return link, token, code


def _revoke_current(network: CareNetwork) -> YouthLink | None:
    link = YouthLink.objects.select_for_update().current().filter(network=network).first()
    if link is not None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


@transaction.atomic
def youthlink_create(
    *, network: CareNetwork, by, code: str | None = None, language: str | None = None
) -> tuple[YouthLink, str, str]:
    """A new personal link for the youth; returns (link, raw token, raw code): shown once, stored only hashed.

    A link that exists already stops working (one current link per network).
    """
    network = CareNetwork.objects.select_for_update().select_related("youth").get(pk=network.pk)
    _require_may_manage(network, by)
    network.require_open()
    _revoke_current(network)
    link, token, code = _new_link(network=network, by=by, code=code, language=language)
    record(Audit.LINK_CREATE, user=by, object_type="youthlink", object_id=link.pk, network_id=network.pk)
    timeline_record(
        network=network,
        kind=TimelineKind.YOUTH,
        summary=_("A personal link to the youth's own page was made."),
        actor=by,
    )
    return link, token, code


@transaction.atomic
def youthlink_renew(
    *, network: CareNetwork, by, code: str | None = None, language: str | None = None
) -> tuple[YouthLink, str, str]:
    """A new link and code in place of the current one (also after a lockout); the old link stops working."""
    network = CareNetwork.objects.select_for_update().select_related("youth").get(pk=network.pk)
    _require_may_manage(network, by)
    network.require_open()
    old = _revoke_current(network)
    link, token, code = _new_link(
        network=network, by=by, code=code, language=language or (old.language if old is not None else None)
    )
    record(Audit.LINK_RENEW, user=by, object_type="youthlink", object_id=link.pk, network_id=network.pk)
    timeline_record(
        network=network,
        kind=TimelineKind.YOUTH,
        summary=_("The youth's personal link was renewed; the old link no longer works."),
        actor=by,
    )
    return link, token, code


@transaction.atomic
def youthlink_revoke(*, network: CareNetwork, by) -> YouthLink | None:
    """The current link stops working at once."""
    _require_may_manage(network, by)
    link = _revoke_current(network)
    if link is not None:
        record(Audit.LINK_REVOKE, user=by, object_type="youthlink", object_id=link.pk, network_id=network.pk)
        timeline_record(
            network=network, kind=TimelineKind.YOUTH, summary=_("The youth's personal link was revoked."), actor=by
        )
    return link


@transaction.atomic
def youth_share_set(*, membership: Membership, by, show_phone: bool, show_email: bool, show_last_name: bool):
    """What this member shows the youth besides first name and role: only the member in person decides."""
    if not (getattr(by, "is_authenticated", False) and membership.supporter.user_id == by.pk):
        raise PermissionDenied(_("Only the member in person chooses what the youth sees of them."))
    share, _created = YouthContactShare.objects.update_or_create(
        membership=membership,
        defaults={"show_phone": show_phone, "show_email": show_email, "show_last_name": show_last_name},
    )
    record(
        Audit.SHARE_CHANGE,
        user=by,
        object_type="youthcontactshare",
        object_id=share.pk,
        network_id=membership.network_id,
        fields=["show_phone", "show_email", "show_last_name"],
    )
    return share


@transaction.atomic
def youth_message_mark_handled(*, message: YouthMessage, by) -> YouthMessage:
    if not message.network.is_led_by(by):
        raise PermissionDenied(_("Only the lead marks the youth's messages as handled."))
    if message.handled_at is None:
        message.handled_at = timezone.now()
        message.handled_by = by
        message.save(update_fields=["handled_at", "handled_by"])
        record(
            Audit.MESSAGE_HANDLED,
            user=by,
            object_type="youthmessage",
            object_id=message.pk,
            network_id=message.network_id,
        )
    return message


# --- the youth's side -----------------------------------------------------------------------


def youthlink_for_token(token: str) -> YouthLink | None:
    """The link of this raw token, whatever its state; None when there is none."""
    if not token or len(token) > 100:
        return None
    return YouthLink.objects.select_related("network__youth").filter(token_hash=token_hash(token)).first()


def youthlink_works(link: YouthLink | None) -> bool:
    """Not revoked, the network not closed, the youth not erased (a locked link is handled apart)."""
    return bool(
        link is not None
        and link.revoked_at is None
        and not link.network.is_closed
        and link.network.youth.anonymised_at is None
    )


@transaction.atomic
def youthlink_check_code(*, link: YouthLink, code: str, request=None) -> bool:
    """True when the code is right; each wrong code counts, the fifth locks the link until it is renewed."""
    locked = YouthLink.objects.select_for_update().get(pk=link.pk)
    if locked.locked or not youthlink_works(link):
        return False
    if check_password((code or "").strip()[:20], locked.code_hash):
        locked.failed_attempts = 0
        locked.last_used_at = timezone.now()
        locked.save(update_fields=["failed_attempts", "last_used_at"])
        youth_audit(Audit.CODE_OK, link=locked, request=request)
        ok = True
    else:
        locked.failed_attempts += 1
        fields = ["failed_attempts"]
        youth_audit(Audit.CODE_WRONG, link=locked, request=request)
        if locked.failed_attempts >= MAX_FAILED_ATTEMPTS:
            locked.locked = True
            fields.append("locked")
            youth_audit(Audit.LOCKED, link=locked, request=request)
            _mail_lead(
                locked.network,
                subject=gettext_lazy("The youth's personal link is locked"),
                body=gettext_lazy(
                    "Someone typed a wrong code five times on the personal page of %(initials)s. "
                    "The link is locked. Renew it on the network page: %(url)s"
                ),
                about=f"youthlink {locked.pk} locked",
            )
        locked.save(update_fields=fields)
        ok = False
    link.failed_attempts, link.locked, link.last_used_at = locked.failed_attempts, locked.locked, locked.last_used_at
    return ok


def youthlink_touch(link: YouthLink) -> None:
    now = timezone.now()
    YouthLink.objects.filter(pk=link.pk).update(last_used_at=now)
    link.last_used_at = now


def _site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _mail_lead(network: CareNetwork, *, subject: str, body: str, about: str) -> None:
    """The lead by e-mail, in Dutch, naming the youth by initials only."""
    lead = network.lead
    if lead is None or lead.left_on is not None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        plain_mail_after_commit(
            subject=str(subject),
            body=str(body)
            % {
                "initials": network.youth.initials,
                "url": _site_url(reverse("networks:network_detail", kwargs={"network_pk": network.pk})),
            },
            recipients=[lead.supporter.mail_address],
            about=about,
        )


@transaction.atomic
def youth_message_send(
    *, link: YouthLink, kind: str, text: str, action: Action | None = None, request=None
) -> YouthMessage:
    """The youth speaks: a message for the lead (dashboard and e-mail) and a line on the timeline."""
    if not youthlink_works(link) or link.locked:
        raise PermissionDenied
    if kind not in MessageKind.values:
        raise ValidationError(_("Choose what kind of message this is."))
    text = (text or "").strip()
    if len(text) > MESSAGE_MAX_LENGTH:
        raise ValidationError(_("The message is too long."))
    if action is not None and (action.plan.network_id != link.network_id or not action.owner_is_youth):
        raise PermissionDenied
    network = link.network
    message = YouthMessage.objects.create(network=network, link=link, kind=kind, text=text, action=action)
    youth_audit(
        Audit.ASK_HELP if action is not None else Audit.MESSAGE,
        link=link,
        request=request,
        object_type="youthmessage",
        object_id=message.pk,
    )
    with translation.override(settings.LANGUAGE_CODE):
        kind_label = str(MessageKind(kind).label)
        if action is not None:
            summary = _("The youth asks for help with an action on their own page: %(what)s") % {"what": action}
        else:
            summary = _("The youth sent a message on their own page: %(kind)s") % {"kind": kind_label}
        timeline_record(network=network, kind=TimelineKind.YOUTH, summary=summary)
    _mail_lead(
        network,
        subject=gettext_lazy("A message from the youth's own page"),
        body=gettext_lazy(
            "%(initials)s sent a message on their own page. Read it on your dashboard in Zorgnetwerk "
            "(the network: %(url)s)."
        ),
        about=f"youthmessage {message.pk}",
    )
    return message


@transaction.atomic
def youth_action_done(*, link: YouthLink, action: Action, request=None) -> Action:
    """The youth marks one of their own open actions done."""
    if not youthlink_works(link) or link.locked:
        raise PermissionDenied
    if action.plan.network_id != link.network_id or not action.owner_is_youth:
        raise PermissionDenied
    if action.status != ActionStatus.OPEN:
        return action
    with translation.override(settings.LANGUAGE_CODE):
        action = action_complete(action=action, result=_("Done, says the youth on their own page."), by=None)
    youth_audit(Audit.ACTION_DONE, link=link, request=request, object_type="action", object_id=action.pk)
    return action
