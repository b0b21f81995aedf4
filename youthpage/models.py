"""The youth's own page: a personal link with a code, what each member shows of themselves, and the youth's messages.

DESIGN.md "The youth's own page": a random token (256 bits) plus a short code; nothing personal
before the code; locked after five wrong codes; renewable and revocable; ends when the network
closes or the youth is erased. Only hashes are stored: the token as SHA-256 (looked up by it),
the code with Django's password hasher.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models import ReachedThroughNetworkQuerySet

MAX_FAILED_ATTEMPTS = 5
MESSAGE_MAX_LENGTH = 1000


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()


class YouthLinkQuerySet(ReachedThroughNetworkQuerySet):
    def current(self):
        """Not revoked (a locked link is still the current one: the lead renews it)."""
        return self.filter(revoked_at__isnull=True)


class YouthLink(models.Model):
    """The youth's personal link to their own page; one current link per network."""

    network = models.ForeignKey(
        "networks.CareNetwork", on_delete=models.CASCADE, related_name="youth_links", verbose_name=_("network")
    )
    # Indexed, not unique: erasure (privacy.erasure) overwrites every text of the youth's rows with
    # "[erased]", for every link of every erased youth; a SHA-256 of a 256-bit token never repeats.
    token_hash = models.CharField(_("hash of the link"), max_length=64, db_index=True, editable=False)
    code_hash = models.CharField(_("hash of the code"), max_length=128, editable=False)
    language = models.CharField(_("language of the page"), max_length=10, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("wrong codes in a row"), default=0)
    locked = models.BooleanField(_("locked"), default=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    objects = YouthLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("youth's link")
        verbose_name_plural = _("youths' links")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network"], condition=Q(revoked_at__isnull=True), name="youthlink_one_current_per_network"
            ),
        ]

    def __str__(self):
        return _("Youth's link #%(pk)s") % {"pk": self.pk}

    @property
    def actor_label(self) -> str:
        """How the audit trail names the youth acting through this link (no user, no name)."""
        return f"youth link #{self.pk}"


class MembershipRecordQuerySet(ReachedThroughNetworkQuerySet):
    network_lookup = "membership__network"


class YouthContactShare(models.Model):
    """What one member shows the youth besides first name and role (nothing more unless chosen)."""

    membership = models.OneToOneField(
        "networks.Membership",
        on_delete=models.CASCADE,
        related_name="youth_share",
        verbose_name=_("member of the network"),
    )
    show_phone = models.BooleanField(_("show my phone number"), default=False)
    show_email = models.BooleanField(_("show my e-mail address"), default=False)
    show_last_name = models.BooleanField(_("show my last name"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MembershipRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("what a member shows the youth")
        verbose_name_plural = _("what members show the youth")

    def __str__(self):
        return str(self.membership)


class MessageKind(models.TextChoices):
    QUESTION = "question", _("I have a question")
    CHANGE = "change", _("I want to change something")
    HELP = "help", _("I need help")


class YouthMessage(models.Model):
    """What the youth says from their own page; for the lead (dashboard, e-mail) and the timeline."""

    network = models.ForeignKey(
        "networks.CareNetwork", on_delete=models.CASCADE, related_name="youth_messages", verbose_name=_("network")
    )
    link = models.ForeignKey(
        YouthLink, on_delete=models.SET_NULL, null=True, blank=True, related_name="messages", verbose_name=_("link")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MessageKind.choices)
    text = models.TextField(_("message"), blank=True, max_length=MESSAGE_MAX_LENGTH)
    action = models.ForeignKey(
        "actionplans.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="youth_messages",
        verbose_name=_("about the action"),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )

    objects = ReachedThroughNetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("message of the youth")
        verbose_name_plural = _("messages of the youth")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "handled_at"], name="youthmessage_open_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"
