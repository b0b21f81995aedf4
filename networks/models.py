"""Supporters and the care network around one youth: members, consent, notes and the timeline.

Who may see a network (and the youth and records through it) is held by django-guardian's
object permissions, in direct foreign-key tables, and granted and revoked only by
networks.access.network_sync_access.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from accounts.choices import Sector
from accounts.models import Organisation
from networks.choices import ClosureReason, Intensity, MemberRole, NetworkStatus, TimelineKind, Trust
from zorgnetwerk.forms import validate_person_name
from zorgnetwerk.limits import TEXT_LONG, TEXT_SHORT
from zorgnetwerk.text import elide


class Supporter(models.Model):
    """A person who supports youths; may or may not have a login."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    function = models.CharField(
        _("function"),
        max_length=100,
        blank=True,
        help_text=_("For example: vervolgschoolcoach, OKAN-coach, voogd, VDAB-bemiddelaar, buddy."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supporters",
        verbose_name=_("organisation"),
        help_text=_("Leave empty for family members and volunteers."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=50, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supporter",
        verbose_name=_("user account"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters")
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["last_name", "first_name"], name="supporter_name_idx")]

    def __str__(self):
        return self.full_name

    def clean(self):
        """The names go into e-mail headers and calendar invitations (Django admin checks them here;
        a validator on the fields would need a migration)."""
        errors = {}
        for field in ("first_name", "last_name"):
            try:
                validate_person_name(getattr(self, field))
            except ValidationError as error:
                errors[field] = error
        if errors:
            raise ValidationError(errors)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def mail_address(self) -> str:
        """Where mail for this supporter goes: the address the network knows, else their login's ("" if none)."""
        if self.email:
            return self.email
        return self.user.email if self.user_id else ""


class NetworkClosed(Exception):
    """Raised when someone tries to change a closed network (shown as a message, see networks.middleware)."""

    def __init__(self, network):
        self.network = network
        super().__init__(_("This network is closed and can no longer be changed. Reopen it first."))


class CareNetworkQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The networks whose object permission `view_carenetwork` the user holds.

        One query (`pk IN (... UNION ...)` on guardian's direct tables); global permissions are
        never consulted, so a model-wide permission grants nothing here. Not `Exists(..) |
        Exists(..)`: PostgreSQL cannot turn an OR of two EXISTS into a join, so it checked every
        network in the database (30 ms at 5,000 youths); the IN over a UNION starts from the
        user's few permission rows and reads the networks by primary key (0.4 ms, at any size).
        """
        if not getattr(user, "is_authenticated", False) or user.is_advisory:
            return self.none()
        by_group = NetworkGroupObjectPermission.objects.filter(
            permission__codename="view_carenetwork",
            group__user=user,
        ).values("content_object_id")
        by_user = NetworkUserObjectPermission.objects.filter(
            permission__codename="view_carenetwork",
            user=user,
        ).values("content_object_id")
        return self.filter(pk__in=by_group.union(by_user))

    def open(self):
        return self.exclude(status=NetworkStatus.CLOSED)

    def youth_ids(self):
        """The ids of these networks' youths, to filter a youth's own records by (one subquery)."""
        return self.values("youth_id")

    def led_by(self, user):
        """The networks whose lead (trekker) is this user in person, while that membership lasts."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(lead__supporter__user=user, lead__left_on__isnull=True)


class CareNetwork(models.Model):
    """The network around one youth (zorgnetwerkje)."""

    youth = models.ForeignKey(
        "youths.Youth", on_delete=models.CASCADE, related_name="care_networks", verbose_name=_("youth")
    )
    intensity = models.CharField(_("intensity"), max_length=10, choices=Intensity.choices, default=Intensity.LIGHT)
    status = models.CharField(
        _("status"), max_length=10, choices=NetworkStatus.choices, default=NetworkStatus.PREPARING
    )
    closure_reason = models.CharField(_("reason for closing"), max_length=20, choices=ClosureReason.choices, blank=True)
    closure_note = models.TextField(_("final note"), blank=True, max_length=TEXT_SHORT)
    lead = models.ForeignKey(
        "Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lead (trekker)"),
        help_text=_("The member who keeps the network going."),
    )
    continuity_figure = models.ForeignKey(
        "Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("continuity figure"),
        help_text=_("The person who stays across changes, often the guardian."),
    )
    started_on = models.DateField(_("start date"), default=timezone.localdate)
    ended_on = models.DateField(_("end date"), null=True, blank=True)
    next_contact_on = models.DateField(_("next contact"), null=True, blank=True)
    next_contact_by = models.ForeignKey(
        "Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible for the next contact"),
    )
    plan_review_due_on = models.DateField(
        _("plan review due"),
        null=True,
        blank=True,
        help_text=_("Set when the lead changes: the new lead reviews the plan within 30 days."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CareNetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("care network")
        verbose_name_plural = _("care networks")
        ordering = ["-created_at"]
        default_permissions = ("add", "change", "delete", "view")
        constraints = [
            models.UniqueConstraint(
                fields=["youth"],
                condition=~Q(status=NetworkStatus.CLOSED),
                name="network_one_open_per_youth",
                violation_error_message=_("This youth already has a network that is not closed."),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="network_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]
        indexes = [
            models.Index(fields=["status"], name="network_status_idx"),
            models.Index(fields=["next_contact_on"], name="network_next_contact_idx"),
        ]

    def __str__(self):
        return elide(_("Network of %(youth)s") % {"youth": self.youth})

    @property
    def is_closed(self) -> bool:
        return self.status == NetworkStatus.CLOSED

    @property
    def is_active(self) -> bool:
        return self.status == NetworkStatus.ACTIVE

    @property
    def is_preparing(self) -> bool:
        return self.status == NetworkStatus.PREPARING

    def is_led_by(self, user) -> bool:
        """The user is the network's lead (trekker) in person: "the supporter who keeps the network going"."""
        lead = self.lead
        return bool(
            getattr(user, "is_authenticated", False)
            and lead is not None
            and lead.left_on is None
            and lead.supporter.user_id == user.pk
        )

    def require_open(self) -> "CareNetwork":
        """A closed network is read-only: every change to it, or to its records, starts here."""
        if self.is_closed:
            raise NetworkClosed(self)
        return self


class ReachedThroughNetworkQuerySet(models.QuerySet):
    """For records reached through their network: visible to whoever sees that network.

    A subclass names the lookup from its model to the network in `network_lookup`; every view of
    such a record starts from `Model.objects.visible_to(user)` and answers 404 when it is not there.
    """

    network_lookup = "network"

    def visible_to(self, user):
        return self.filter(**{f"{self.network_lookup}__in": CareNetwork.objects.visible_to(user)})


class NetworkUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(CareNetwork, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("user permission on a network")
        verbose_name_plural = _("user permissions on networks")


class NetworkGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(CareNetwork, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = _("organisation permission on a network")
        verbose_name_plural = _("organisation permissions on networks")


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(left_on__isnull=True)


class Membership(models.Model):
    """A supporter in a network, with a role and dates."""

    network = models.ForeignKey(
        CareNetwork, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    supporter = models.ForeignKey(
        Supporter, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("supporter")
    )
    role = models.CharField(_("role in this network"), max_length=30, choices=MemberRole.choices)
    sector = models.CharField(
        _("sector"),
        max_length=20,
        choices=Sector.choices,
        blank=True,
        help_text=_("Taken from the organisation when left empty."),
    )
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    continues_after_18 = models.BooleanField(
        _("stays after 18"), default=False, help_text=_("Does this support continue after the youth turns 18?")
    )
    youth_trust = models.CharField(
        _("how much the youth trusts this person"),
        max_length=10,
        choices=Trust.choices,
        blank=True,
        help_text=_("The youth's own view; optional."),
    )
    joins_online = models.BooleanField(
        _("joins online"), default=False, help_text=_("For example family in the country of origin.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("member of the network")
        verbose_name_plural = _("members of the network")
        ordering = ["joined_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "supporter"],
                condition=Q(left_on__isnull=True),
                name="membership_one_active_per_supporter",
                violation_error_message=_("This supporter is already a member of the network."),
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_dates_in_order",
                violation_error_message=_("The leaving date cannot be before the joining date."),
            ),
        ]
        indexes = [models.Index(fields=["network", "left_on"], name="membership_active_idx")]

    def __str__(self):
        return f"{self.supporter} ({self.get_role_display()})"

    def save(self, *args, **kwargs):
        if not self.sector:
            org = self.supporter.organisation
            self.sector = (
                org.sector if org else (Sector.FAMILY if self.role == MemberRole.FAMILY_MEMBER else Sector.OTHER)
            )
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.left_on is None

    def clean(self):
        if self.joined_on and self.left_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("The leaving date cannot be before the joining date.")})


class SharingConsentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_on__isnull=True)


class SharingConsent(models.Model):
    """The youth's consent to share information with one organisation; revocable at any time."""

    youth = models.ForeignKey(
        "youths.Youth", on_delete=models.CASCADE, related_name="sharing_consents", verbose_name=_("youth")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="sharing_consents", verbose_name=_("organisation")
    )
    given_on = models.DateField(_("given on"), default=timezone.localdate)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    objects = SharingConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent to share")
        verbose_name_plural = _("consents to share")
        ordering = ["-given_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["youth", "organisation"],
                condition=Q(revoked_on__isnull=True),
                name="consent_one_active_per_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.given_on})"


class Note(models.Model):
    """A note on a youth's dossier; may be confidential to the author's organisation."""

    network = models.ForeignKey(CareNetwork, on_delete=models.CASCADE, related_name="notes", verbose_name=_("network"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    text = models.TextField(_("text"), max_length=TEXT_LONG)
    confidential = models.BooleanField(
        _("only my organisation"),
        default=False,
        help_text=_("Other members see that this note exists, by whom and when, but not its text."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Note of %(date)s") % {"date": timezone.localtime(self.created_at).date()}

    def readable_by(self, user) -> bool:
        return not self.confidential or (
            user.organisation_id is not None and user.organisation_id == self.organisation_id
        )


class TimelineEntry(models.Model):
    """One line in the youth's timeline: what happened, when, by whom."""

    youth = models.ForeignKey(
        "youths.Youth", on_delete=models.CASCADE, related_name="timeline", verbose_name=_("youth")
    )
    network = models.ForeignKey(
        CareNetwork,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="timeline",
        verbose_name=_("network"),
    )
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)
    kind = models.CharField(_("kind"), max_length=20, choices=TimelineKind.choices)
    summary = models.CharField(_("what happened"), max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["youth", "-occurred_at"], name="timeline_youth_when_idx")]

    def __str__(self):
        return self.summary


class OrganisationProposal(models.Model):
    """A network member proposes a partner the app does not know yet (MindSpring, OCMW, Groep Intro...).

    The organisation is created *pending*: it is in no picker and its people get no access until an
    admin approves it (networks.services.organisation_proposal_approve). Then the contact becomes a
    supporter of it and joins the proposing network, with the youth's consent to share.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an admin")
        WAITING_FOR_CONSENT = "consent", _("Approved, waiting for the youth's consent")
        DONE = "done", _("Approved, the contact joined")
        REJECTED = "rejected", _("Not approved")

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="proposal", verbose_name=_("organisation")
    )
    network = models.ForeignKey(
        CareNetwork, on_delete=models.CASCADE, related_name="organisation_proposals", verbose_name=_("care network")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    contact_first_name = models.CharField(_("first name of the contact"), max_length=100)
    contact_last_name = models.CharField(_("last name of the contact"), max_length=100, blank=True)
    contact_email = models.EmailField(_("e-mail of the contact"))
    contact_role = models.CharField(_("role in the network"), max_length=30, choices=MemberRole.choices)
    share_consent = models.BooleanField(
        _("the youth agrees to share information with this organisation"), default=False
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    supporter = models.ForeignKey(
        Supporter, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("supporter")
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("not approved by"),
    )
    rejected_at = models.DateTimeField(_("not approved at"), null=True, blank=True)
    rejection_reason = models.TextField(
        _("why it was not approved"),
        blank=True,
        max_length=TEXT_SHORT,
        help_text=_("Told to the proposer and written on the network's timeline."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation proposal")
        verbose_name_plural = _("organisation proposals")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.organisation)

    @property
    def contact_name(self) -> str:
        return f"{self.contact_first_name} {self.contact_last_name}".strip()
