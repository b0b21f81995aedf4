"""Organisations, supporters, users and the care network around one youth.

Who may see a network (and the youth and records through it) is held by django-guardian's
object permissions, in direct foreign-key tables, and granted and revoked only by
networks.access.network_sync_access.
"""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager, Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from networks.choices import (
    ClosureReason,
    HandoverReason,
    HandoverStatus,
    Intensity,
    MeetingStatus,
    MemberRole,
    NetworkStatus,
    Sector,
    TimelineKind,
    Trust,
)
from zorgnetwerk.forms import validate_person_name
from zorgnetwerk.limits import TEXT_LONG, TEXT_SHORT


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    group = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="organisation",
        verbose_name=_("permission group"),
    )

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Each organisation has its own group; its name follows the organisation's name.
        group_name = f"org-{self.pk}: {self.name}"[:150]
        if self.group is None:
            self.group = Group.objects.create(name=group_name)
            super().save(update_fields=["group"])
        elif self.group.name != group_name:
            self.group.name = group_name
            self.group.save(update_fields=["name"])


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in: a member of one organisation, of the advisory group, or an admin."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("organisation"),
    )
    is_advisory = models.BooleanField(
        _("member of the advisory group"),
        default=False,
        help_text=_("Advisory-group members see signals, never a youth's dossier."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._sync_organisation_group()

    def _sync_organisation_group(self):
        """Keep the user in exactly the group of their own organisation."""
        org_groups = Group.objects.filter(organisation__isnull=False)
        own_group_id = self.organisation.group_id if self.organisation_id else None
        stale = self.groups.filter(pk__in=org_groups).exclude(pk=own_group_id)
        if stale.exists():
            self.groups.remove(*stale)
        if own_group_id and not self.groups.filter(pk=own_group_id).exists():
            self.groups.add(own_group_id)


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
        return _("Network of %(youth)s") % {"youth": self.youth}

    @property
    def is_closed(self) -> bool:
        return self.status == NetworkStatus.CLOSED


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


class Meeting(models.Model):
    """A round table (rondetafel) of the network; planned ahead, filled in afterwards."""

    network = models.ForeignKey(
        CareNetwork, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("network")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, max_length=TEXT_LONG)
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_LONG)
    decisions = models.TextField(_("decisions"), blank=True, max_length=TEXT_LONG)
    status = models.CharField(_("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    invited = models.ManyToManyField(Membership, blank=True, related_name="meetings_invited", verbose_name=_("invited"))
    attended = models.ManyToManyField(
        Membership, blank=True, related_name="meetings_attended", verbose_name=_("attended")
    )
    youth_present = models.BooleanField(_("the youth was present"), default=False)
    interpreter_present = models.BooleanField(_("an interpreter was present"), default=False)
    family_online = models.BooleanField(_("family joined online"), default=False)
    uid = models.UUIDField(_("calendar UID"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organiser"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("round table")
        verbose_name_plural = _("round tables")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
        ]
        indexes = [models.Index(fields=["network", "starts_at"], name="meeting_network_start_idx")]

    def __str__(self):
        return _("Round table of %(date)s") % {"date": timezone.localtime(self.starts_at).date()}

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The meeting must end after it starts.")})


class HandoverQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Who may read a handover, in every status; every handover view starts here (404 otherwise).

        - Whoever sees the network (DESIGN.md, "Who may see what"): every handover of it, in
          every status, as part of the network's history. That includes the successor after
          acceptance, and the leaver only while their organisation keeps the network.
        - The proposed successor, before joining: only while the handover waits for their answer
          (proposed, and the leaver is still a member, else it can no longer be accepted) and, for
          a successor from an organisation, the youth's consent to share with that organisation
          holds. "Nothing changes until the successor accepts" (networks/handover.py);
          their access is to the handover, not to the network.
        - Nobody else. A declined, cancelled or withdrawn handover, or one whose consent was
          revoked, is no longer the successor's to read: the proposal is the only reason they saw
          the youth's name. The successor's clause names the one status it allows, so a status
          added later stays closed to them.
        """
        if not getattr(user, "is_authenticated", False) or user.is_advisory:
            return self.none()
        consent_holds = Q(successor__organisation__isnull=True) | Exists(
            SharingConsent.objects.active().filter(
                youth_id=OuterRef("network__youth_id"), organisation_id=OuterRef("successor__organisation_id")
            )
        )
        offered_to_user = (
            Q(successor__user=user, status=HandoverStatus.PROPOSED, leaver__left_on__isnull=True) & consent_holds
        )
        return self.filter(Q(network__in=CareNetwork.objects.visible_to(user)) | offered_to_user)

    def pending(self):
        return self.filter(status=HandoverStatus.PROPOSED)


class Handover(models.Model):
    """A warm handover: a leaving member hands the youth over to a successor."""

    network = models.ForeignKey(
        CareNetwork, on_delete=models.CASCADE, related_name="handovers", verbose_name=_("network")
    )
    leaver = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="handovers_out", verbose_name=_("leaving member")
    )
    successor = models.ForeignKey(
        Supporter, on_delete=models.PROTECT, related_name="handovers_in", verbose_name=_("successor")
    )
    successor_role = models.CharField(_("role of the successor"), max_length=30, choices=MemberRole.choices)
    reason = models.CharField(_("reason"), max_length=20, choices=HandoverReason.choices)
    note = models.TextField(
        _("handover note"),
        help_text=_("What works with this youth, what to watch, open actions and who owns them now."),
        max_length=TEXT_LONG,
    )
    introduced_to_youth = models.BooleanField(_("successor introduced to the youth"), default=False)
    actions_reassigned = models.BooleanField(_("open actions reassigned"), default=False)
    next_meeting_known = models.BooleanField(_("next meeting known"), default=False)
    documents_shared = models.BooleanField(_("documents shared"), default=False)
    handover_on = models.DateField(_("handover date"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=10, choices=HandoverStatus.choices, default=HandoverStatus.PROPOSED
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True, max_length=TEXT_SHORT)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("proposed by")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    consent_recorded = models.ForeignKey(
        SharingConsent,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("consent recorded with the proposal"),
        help_text=_(
            "The youth's consent to share with the successor's organisation, when it was given for this "
            "handover; it ends when the handover is declined or cancelled and the organisation does not join."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = HandoverQuerySet.as_manager()

    class Meta:
        verbose_name = _("warm handover")
        verbose_name_plural = _("warm handovers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["leaver"],
                condition=Q(status=HandoverStatus.PROPOSED),
                name="handover_one_pending_per_leaver",
                violation_error_message=_("This member already has a handover waiting for acceptance."),
            ),
        ]

    def __str__(self):
        return _("Handover from %(leaver)s to %(successor)s") % {
            "leaver": self.leaver.supporter,
            "successor": self.successor,
        }


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


class AuditEventQuerySet(models.QuerySet):
    """The trail is append-only: bulk changes and deletes are refused."""

    def update(self, **kwargs):
        raise AuditTrailIsAppendOnly(_("Audit events cannot be changed."))

    def delete(self):
        raise AuditTrailIsAppendOnly(_("Audit events cannot be deleted."))

    def _raw_delete(self, using):
        raise AuditTrailIsAppendOnly(_("Audit events cannot be deleted."))


class AuditTrailIsAppendOnly(Exception):
    """Raised on any attempt to change or delete an audit event."""


class AuditEvent(models.Model):
    """Who did what to which record, and when. Holds no personal values.

    Rows reference objects by type and id (no foreign keys), so the trail survives the
    deletion or anonymisation of what it describes; they are never changed or deleted
    (here, in admin, and on PostgreSQL by a trigger).
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user_id = models.BigIntegerField(_("user id"), null=True, blank=True)
    user_email = models.CharField(_("user"), max_length=254, blank=True)
    organisation_id = models.BigIntegerField(_("organisation id"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=20)
    object_type = models.CharField(_("object type"), max_length=50, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    network_id = models.BigIntegerField(_("network id"), null=True, blank=True, db_index=True)
    youth_id = models.BigIntegerField(
        _("youth id"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("For records of the youth itself (dossier, first conversation), which belong to no one network."),
    )
    fields = models.JSONField(_("changed fields"), default=list, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    path = models.CharField(_("path"), max_length=300, blank=True)
    reason = models.CharField(
        _("reason"),
        max_length=300,
        blank=True,
        help_text=_("Why, for an erasure or export on request. Never a name."),
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_email} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditTrailIsAppendOnly(_("Audit events cannot be changed."))
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditTrailIsAppendOnly(_("Audit events cannot be deleted."))
