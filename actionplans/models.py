"""The action plan of a network (step 3) and its follow-up (step 4)."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.models import ReachedThroughNetworkQuerySet
from zorgnetwerk.limits import TEXT_LONG, TEXT_SHORT
from zorgnetwerk.text import elide

# At most three open actions per plan (playbook: "better one action done well than five without effect").
MAX_OPEN_ACTIONS = 3


class Domain(models.TextChoices):
    WELLBEING = "wellbeing", _("Wellbeing")
    SCHOOL = "school", _("School career")
    WORK = "work", _("Path to work")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class BarrierStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("Being removed")
    REMOVED = "removed", _("Removed")
    STUCK = "stuck", _("Stuck")


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    REFUSED = "refused", _("Refused")
    DONE = "done", _("Done")


class ReferralFailureReason(models.TextChoices):
    YOUTH_DECLINED = "youth_declined", _("Youth declined")
    NO_CAPACITY = "no_capacity", _("No capacity")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    UNREACHABLE = "unreachable", _("Unreachable")
    OTHER = "other", _("Other")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class InterpreterStatus(models.TextChoices):
    """Playbook, step 2: "Betrek zeker een tolk" (Sociaal Tolken & Vertalen, AgII)."""

    NOT_NEEDED = "", _("No interpreter needed")
    NEEDED = "needed", _("Interpreter needed")
    BOOKED = "booked", _("Interpreter booked")


class PlanRecordQuerySet(ReachedThroughNetworkQuerySet):
    """Records of a plan: visible through the plan's network."""

    network_lookup = "plan__network"


class Meeting(models.Model):
    """A round table (rondetafel) of the network; planned ahead, filled in afterwards."""

    network = models.ForeignKey(
        "networks.CareNetwork", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("network")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, max_length=TEXT_LONG)
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_LONG)
    decisions = models.TextField(_("decisions"), blank=True, max_length=TEXT_LONG)
    status = models.CharField(_("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    invited = models.ManyToManyField(
        "networks.Membership", blank=True, related_name="meetings_invited", verbose_name=_("invited")
    )
    attended = models.ManyToManyField(
        "networks.Membership", blank=True, related_name="meetings_attended", verbose_name=_("attended")
    )
    interpreter = models.CharField(
        _("interpreter"), max_length=10, choices=InterpreterStatus.choices, blank=True, default=""
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

    objects = ReachedThroughNetworkQuerySet.as_manager()

    class Meta:
        db_table = "networks_meeting"
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

    @property
    def is_planned(self) -> bool:
        return self.status == MeetingStatus.PLANNED

    @property
    def is_held(self) -> bool:
        return self.status == MeetingStatus.HELD

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The meeting must end after it starts.")})


class ActionPlan(models.Model):
    """One living plan per network; a version is recorded at each round table."""

    network = models.OneToOneField(
        "networks.CareNetwork", on_delete=models.CASCADE, related_name="plan", verbose_name=_("network")
    )
    question_for_help = models.TextField(_("question for help"), blank=True, max_length=TEXT_LONG)
    situation_wellbeing = models.TextField(_("current situation: wellbeing"), blank=True, max_length=TEXT_LONG)
    situation_school = models.TextField(_("current situation: school career"), blank=True, max_length=TEXT_LONG)
    situation_work = models.TextField(_("current situation: path to work"), blank=True, max_length=TEXT_LONG)
    strengths = models.TextField(_("strengths to build on"), blank=True, max_length=TEXT_LONG)
    future_vision = models.TextField(_("future vision"), blank=True, max_length=TEXT_LONG)
    goal_short_term = models.TextField(_("short-term goal"), blank=True, max_length=TEXT_LONG)
    goal_long_term = models.TextField(_("long-term goal"), blank=True, max_length=TEXT_LONG)
    revision = models.PositiveIntegerField(
        _("revision"), default=1, editable=False, help_text=_("Raised at every save; guards against lost updates.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    # Any change to the plan or its parts (actions, barriers, referrals…), for the lead's flag.
    last_change_at = models.DateTimeField(_("last change to the plan or its parts"), null=True, blank=True)
    last_change_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last change by"),
    )
    lead_seen_at = models.DateTimeField(
        _("lead last looked at"),
        null=True,
        blank=True,
        help_text=_("When the lead last opened the plan; changes by others after this are flagged."),
    )

    objects = ReachedThroughNetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        indexes = [models.Index(fields=["last_change_at"], name="plan_last_change_idx")]

    def __str__(self):
        return elide(_("Action plan of %(youth)s") % {"youth": self.network.youth})


class PlanVersion(models.Model):
    """A frozen copy of the plan, recorded at a round table, to read earlier plans back."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions", verbose_name=_("plan"))
    number = models.PositiveIntegerField(_("version"))
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_versions",
        verbose_name=_("round table"),
    )
    snapshot = models.JSONField(_("content"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )

    objects = PlanRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique_number")]

    def __str__(self):
        return _("Version %(number)d") % {"number": self.number}


class ActionQuerySet(PlanRecordQuerySet):
    def open(self):
        return self.filter(status=ActionStatus.OPEN)

    def overdue(self, today=None):
        return self.open().filter(deadline__lt=today or timezone.localdate())


class Action(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan"))
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    description = models.CharField(_("what"), max_length=500)
    owner = models.ForeignKey(
        "networks.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("owner"),
        help_text=_("A member of the network; leave empty when the youth takes it on."),
    )
    owner_is_youth = models.BooleanField(_("the youth takes this on"), default=False)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    drop_reason = models.CharField(_("why dropped"), max_length=300, blank=True)
    result = models.TextField(_("result"), blank=True, max_length=TEXT_SHORT)
    attained = models.BooleanField(_("attained at the evaluation"), null=True, blank=True)
    evaluation_note = models.CharField(_("why (not) attained"), max_length=300, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner__isnull=False) | Q(owner_is_youth=True),
                name="action_has_an_owner",
                violation_error_message=_("Choose who takes this action on: a member or the youth."),
            ),
            models.CheckConstraint(
                condition=~Q(status=ActionStatus.DROPPED) | ~Q(drop_reason=""),
                name="action_dropped_has_reason",
                violation_error_message=_("Say why the action was dropped."),
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="action_status_deadline_idx")]

    def __str__(self):
        return self.description

    def clean(self):
        if not self.owner_id and not self.owner_is_youth:
            raise ValidationError({"owner": _("Choose who takes this action on: a member or the youth.")})
        if self.status == ActionStatus.DROPPED and not self.drop_reason:
            raise ValidationError({"drop_reason": _("Say why the action was dropped.")})


class BarrierCategory(models.Model):
    """Kept by the admin; shared by barriers in plans and by signals to the advisory group."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("code"), max_length=50, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("barrier category")
        verbose_name_plural = _("barrier categories")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Barrier(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="barriers", verbose_name=_("plan"))
    category = models.ForeignKey(
        BarrierCategory, on_delete=models.PROTECT, related_name="barriers", verbose_name=_("category")
    )
    description = models.TextField(_("description"), max_length=TEXT_LONG)
    helper = models.ForeignKey(
        "networks.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="barriers_helping",
        verbose_name=_("who helps remove it"),
    )
    status = models.CharField(_("status"), max_length=15, choices=BarrierStatus.choices, default=BarrierStatus.OPEN)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PlanRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("barrier")
        verbose_name_plural = _("barriers")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["category", "status"], name="barrier_category_status_idx")]

    def __str__(self):
        return f"{self.category}: {self.description[:50]}"


class Offer(models.Model):
    """An external partner's offer that networks refer to; kept by the admin."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    for_whom = models.TextField(_("for whom"), blank=True, max_length=TEXT_SHORT)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_age__isnull=True) | Q(max_age__isnull=True) | Q(max_age__gte=models.F("min_age")),
                name="offer_ages_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class ReferralQuerySet(PlanRecordQuerySet):
    def waiting_too_long(self, today=None):
        """Sent, and the partner has not answered within FOLLOW_UP_REFERRAL_WAIT_DAYS."""
        today = today or timezone.localdate()
        limit = today - datetime.timedelta(days=settings.FOLLOW_UP_REFERRAL_WAIT_DAYS)
        return self.filter(status=ReferralStatus.SENT, sent_on__lte=limit)


class Referral(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="referrals", verbose_name=_("plan"))
    offer = models.ForeignKey(
        Offer, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals", verbose_name=_("offer")
    )
    partner = models.CharField(
        _("partner"), max_length=200, blank=True, help_text=_("When the offer is not in the catalogue.")
    )
    reason = models.TextField(_("why"), max_length=TEXT_SHORT)
    referred_by = models.ForeignKey(
        "networks.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals_made",
        verbose_name=_("referred by"),
    )
    status = models.CharField(_("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT)
    sent_on = models.DateField(_("sent on"), default=timezone.localdate)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    succeeded = models.BooleanField(_("succeeded"), null=True, blank=True)
    failure_reason = models.CharField(
        _("reason it did not work"), max_length=20, choices=ReferralFailureReason.choices, blank=True
    )
    failure_note = models.CharField(_("explanation"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-sent_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(offer__isnull=False) | ~Q(partner=""),
                name="referral_has_a_partner",
                violation_error_message=_("Choose an offer or name the partner."),
            ),
            models.CheckConstraint(
                condition=~Q(status="refused") | ~Q(failure_reason=""),
                name="referral_refused_has_reason",
                violation_error_message=_("Say why the referral was refused."),
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(succeeded__isnull=False),
                name="referral_done_has_outcome",
                violation_error_message=_("Say whether the referral succeeded."),
            ),
            models.CheckConstraint(
                condition=~Q(status="done", succeeded=False) | ~Q(failure_reason=""),
                name="referral_unsuccessful_has_reason",
                violation_error_message=_("Say why the referral did not work."),
            ),
        ]
        indexes = [models.Index(fields=["status", "sent_on"], name="referral_status_sent_idx")]

    def __str__(self):
        return str(self.offer or self.partner)

    @property
    def is_waiting(self) -> bool:
        """Sent, or accepted and not yet done: its status can still move on."""
        return self.status in (ReferralStatus.SENT, ReferralStatus.ACCEPTED)

    @property
    def is_done(self) -> bool:
        return self.status == ReferralStatus.DONE

    @property
    def partner_name(self) -> str:
        return self.offer.name if self.offer_id else self.partner

    def is_waiting_too_long(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status == ReferralStatus.SENT and (today - self.sent_on).days >= settings.FOLLOW_UP_REFERRAL_WAIT_DAYS
        )


class QuestionRoute(models.Model):
    """'With which question to whom': a short list for the youth."""

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="question_routes", verbose_name=_("plan")
    )
    question = models.CharField(_("question"), max_length=300)
    member = models.ForeignKey(
        "networks.Membership", on_delete=models.CASCADE, related_name="question_routes", verbose_name=_("whom")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = PlanRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("with which question to whom")
        verbose_name_plural = _("with which question to whom")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.question


class Evaluation(models.Model):
    """An evaluation of the network's work (step 4)."""

    network = models.ForeignKey(
        "networks.CareNetwork", on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("network")
    )
    held_on = models.DateField(_("date"), default=timezone.localdate)
    went_well = models.TextField(_("what went well"), max_length=TEXT_SHORT)
    changes = models.TextField(_("what changes"), blank=True, max_length=TEXT_SHORT)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ReachedThroughNetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return _("Evaluation of %(date)s") % {"date": self.held_on}


class ReminderSent(models.Model):
    """One e-mail digest per user per day: the row is claimed before the mail goes out."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_sent", verbose_name=_("user")
    )
    day = models.DateField(_("day"))
    item_count = models.PositiveIntegerField(_("number of items"), default=0)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-day", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="reminder_once_per_user_per_day")]

    def __str__(self):
        return f"{self.user} {self.day}"
