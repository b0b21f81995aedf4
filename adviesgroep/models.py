"""The advisory group (step 6): signals from networks, advice back, lessons and policy feedback.

DESIGN.md: advisory-group users see signals, never the dossier. A signal carries a
pseudonymised case summary (initial, age, no birth date, no school name) unless the network
explicitly chooses to share more. Signals point at their network with SET_NULL so that the
(pseudonymised) signal survives for the policy counts when a dossier is erased.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import Sector
from adviesgroep.pseudonyms import network_code
from zorgnetwerk.limits import TEXT_LONG


class SignalKind(models.TextChoices):
    STUCK = "stuck", _("The network is stuck")
    STRUCTURAL = "structural", _("Structural barrier")
    POLICY = "policy", _("Signal for policy")
    SUCCESS = "success", _("Success story")


class Theme(models.TextChoices):
    """The four themes of the playbook's policy recommendations."""

    MOTIVATION = "motivation", _("Motivation to go to school")
    PREJUDICE = "prejudice", _("Prejudice")
    COORDINATION = "coordination", _("Coordination and communication between actors")
    CHOICES = "choices", _("Range of choices after OKAN")


class SignalStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    ANSWERED = "answered", _("Answered")
    FED_BACK = "fed_back", _("Fed back to policy")
    CLOSED = "closed", _("Closed")


class SignalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The advisory group sees every signal; a network user only those of their own networks."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_advisory:
            return self.all()
        from networks.models import CareNetwork

        return self.filter(network__in=CareNetwork.objects.visible_to(user))

    def for_advisory(self, user):
        """Signals for the advisory group's own pages (inbox, aggregation): nobody else."""
        if not getattr(user, "is_authenticated", False) or not user.is_advisory:
            return self.none()
        return self.all()

    def sent_between(self, start, end):
        return self.filter(sent_at__gte=start, sent_at__lt=end)


class Signal(models.Model):
    """What a network sends to the advisory group when it is stuck, meets a structural barrier, …"""

    network = models.ForeignKey(
        "networks.CareNetwork",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("network"),
    )
    kind = models.CharField(_("kind of signal"), max_length=20, choices=SignalKind.choices)
    categories = models.ManyToManyField(
        "actionplans.BarrierCategory",
        blank=True,
        related_name="signals",
        verbose_name=_("barrier categories"),
        help_text=_("The same categories as the barriers in the action plan."),
    )
    theme = models.CharField(
        _("theme"),
        max_length=20,
        choices=Theme.choices,
        help_text=_("The theme of the policy recommendations this signal belongs to."),
    )
    question = models.TextField(
        _("question for the advisory group"),
        help_text=_("What do you need from the advisory group? What did the network already try?"),
        max_length=TEXT_LONG,
    )
    case_summary = models.TextField(
        _("case summary (pseudonymised)"),
        blank=True,
        help_text=_("No names, no birth date, no school name. Check the text before you send it."),
        max_length=TEXT_LONG,
    )
    share_more = models.BooleanField(
        _("the network chooses to share more"),
        default=False,
        help_text=_("Only when the youth agreed: the summary may then contain more than the pseudonymised facts."),
    )
    status = models.CharField(_("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.NEW)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals_reviewing",
        limit_choices_to={"is_advisory": True},
        verbose_name=_("reviewer"),
        help_text=_("The member of the advisory group who follows this signal up."),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals_sent",
        verbose_name=_("sent by"),
    )
    sender_sector = models.CharField(
        _("sector of the sender"),
        max_length=20,
        choices=Sector.choices,
        blank=True,
        help_text=_("What the advisory group sees of the sender, unless the network chooses to share more."),
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    source_barrier = models.ForeignKey(
        "actionplans.Barrier",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("barrier in the action plan"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-sent_at", "-pk"]
        indexes = [
            models.Index(fields=["-sent_at"], name="signal_sent_at_idx"),
            models.Index(fields=["status", "-sent_at"], name="signal_status_sent_idx"),
            models.Index(fields=["theme", "-sent_at"], name="signal_theme_sent_idx"),
            models.Index(fields=["kind", "-sent_at"], name="signal_kind_sent_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(question=""),
                name="signal_has_a_question",
                violation_error_message=_("Write the question for the advisory group."),
            ),
        ]

    def __str__(self):
        return _("Signal %(number)d: %(kind)s") % {"number": self.pk or 0, "kind": self.get_kind_display()}

    @property
    def is_open(self) -> bool:
        return self.status in (SignalStatus.NEW, SignalStatus.IN_REVIEW)

    @property
    def question_first_line(self) -> str:
        """The first non-empty line of the question, for a row in the inbox."""
        return next((line.strip() for line in self.question.splitlines() if line.strip()), "")

    @property
    def network_code(self) -> str:
        """The network as the advisory group knows it: a stable pseudonymous code, never its id."""
        return network_code(self.network_id)


class Advice(models.Model):
    """The advisory group's reply to a signal; it goes back to the network."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="advice", verbose_name=_("signal"))
    text = models.TextField(_("advice"), max_length=TEXT_LONG)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("given at"), default=timezone.now)
    # What the network did with the advice, in one step from the signal's page (step 6 closes the loop).
    action = models.ForeignKey(
        "actionplans.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="from_advice",
        verbose_name=_("became the action"),
    )
    barrier_updated_at = models.DateTimeField(_("noted on the barrier at"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken up by"),
    )

    class Meta:
        verbose_name = _("advice")
        verbose_name_plural = _("advice")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["signal", "at"], name="advice_signal_at_idx")]

    def __str__(self):
        return self.text[:60]


class AdvisoryVisit(models.Model):
    """When a member of the advisory group last opened the inbox: what is new since then."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advisory_visit", verbose_name=_("user")
    )
    last_seen_at = models.DateTimeField(_("last visit"))
    new_since = models.DateTimeField(
        _("new since"),
        null=True,
        blank=True,
        help_text=_("The end of the visit before this one: what came in after it is new (empty: the first visit)."),
    )

    # A visit ends after this much quiet; the next request starts a new one.
    GAP = datetime.timedelta(minutes=30)

    class Meta:
        verbose_name = _("visit of the advisory inbox")
        verbose_name_plural = _("visits of the advisory inbox")

    def __str__(self):
        return f"{self.user}: {self.last_seen_at:%Y-%m-%d %H:%M}"

    def since(self, now) -> datetime.datetime | None:
        """What is "new since your last visit" at `now`: after the visit before the current one."""
        return self.new_since if now - self.last_seen_at <= self.GAP else self.last_seen_at


class LessonQuerySet(models.QuerySet):
    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(title__icontains=text) | Q(body__icontains=text) | Q(tags__icontains=text))


class Lesson(models.Model):
    """A lesson learned, tip or method: the 'central platform with tips' for all networks."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("No names or other details by which a youth can be recognised."), max_length=TEXT_LONG
    )
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices, blank=True)
    categories = models.ManyToManyField(
        "actionplans.BarrierCategory", blank=True, related_name="lessons", verbose_name=_("barrier categories")
    )
    tags = models.CharField(
        _("keywords"), max_length=200, blank=True, help_text=_("Separated by commas, e.g. dual learning, 18+.")
    )
    is_success_story = models.BooleanField(
        _("published success story"),
        default=False,
        help_text=_("A success story from a network, published so that other networks learn from it."),
    )
    source_signal = models.ForeignKey(
        Signal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("from signal"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("written by")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = LessonQuerySet.as_manager()

    class Meta:
        verbose_name = _("lesson learned")
        verbose_name_plural = _("knowledge base")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["theme", "-created_at"], name="lesson_theme_created_idx"),
            models.Index(fields=["is_success_story", "-created_at"], name="lesson_success_created_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]


class PolicyFeedback(models.Model):
    """What the advisory group fed back to policy: when, to whom, about which signals."""

    given_on = models.DateField(_("date"), default=timezone.localdate)
    recipient = models.CharField(
        _("to whom"), max_length=200, help_text=_("For example: kernteam Lokaal Sociaal Beleid Gent.")
    )
    summary = models.TextField(_("what was fed back"), max_length=TEXT_LONG)
    signals = models.ManyToManyField(Signal, blank=True, related_name="policy_feedback", verbose_name=_("signals"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback to policy")
        verbose_name_plural = _("feedback to policy")
        ordering = ["-given_on", "-pk"]
        indexes = [models.Index(fields=["-given_on"], name="policy_given_on_idx")]

    def __str__(self):
        return f"{self.given_on}: {self.recipient}"
