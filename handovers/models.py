"""A warm handover (step 5): a leaving member hands the youth over to a successor.

The table keeps the name it had when handovers lived in `networks`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.choices import MemberRole
from networks.models import CareNetwork, Membership, SharingConsent, Supporter
from zorgnetwerk.limits import TEXT_LONG, TEXT_SHORT


class HandoverReason(models.TextChoices):
    NEW_JOB = "new_job", _("New job")
    SCHOOL_CHANGE = "school_change", _("School change")
    YOUTH_MOVES = "youth_moves", _("The youth moves")
    TURNS_18 = "turns_18", _("The youth turns 18")
    SERVICE_ENDS = "service_ends", _("The service ends at 18")
    OTHER = "other", _("Other")


class HandoverStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for the successor")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class HandoverQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Who may read a handover, in every status; every handover view starts here (404 otherwise).

        - Whoever sees the network (DESIGN.md, "Who may see what"): every handover of it, in
          every status, as part of the network's history. That includes the successor after
          acceptance, and the leaver only while their organisation keeps the network.
        - The proposed successor, before joining: only while the handover waits for their answer
          (proposed, and the leaver is still a member, else it can no longer be accepted) and, for
          a successor from an organisation, the youth's consent to share with that organisation
          holds. "Nothing changes until the successor accepts" (handovers/services.py);
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
        db_table = "networks_handover"
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

    @property
    def is_pending(self) -> bool:
        """Waiting for the successor's answer."""
        return self.status == HandoverStatus.PROPOSED

    @property
    def is_accepted(self) -> bool:
        return self.status == HandoverStatus.ACCEPTED


class TransitionDomain(models.TextChoices):
    """The items of the turning-18 checklist: each is confirmed by a person, never inferred."""

    HANDOVERS = "handovers", _("Supports that end at 18 are handed over")
    SUPPORTERS = "supporters", _("Supporters for after 18 are already in the network")
    GUARDIANSHIP = "guardianship", _("The end of guardianship is prepared")
    MONEY = "money", _("Groeipakket and income after 18 are arranged")
    HOUSING = "housing", _("Housing after 18 is known")
    STUDY_WORK = "study_work", _("Study or work after 18 is planned")


class TransitionConfirmation(models.Model):
    """A member confirms one item of the turning-18 checklist: who, when and a note on what was arranged."""

    network = models.ForeignKey(
        CareNetwork, on_delete=models.CASCADE, related_name="transition_confirmations", verbose_name=_("network")
    )
    domain = models.CharField(_("item"), max_length=20, choices=TransitionDomain.choices)
    note = models.TextField(
        _("note"), blank=True, max_length=TEXT_SHORT, help_text=_("What was arranged, with whom, until when.")
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("confirmed by")
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), default=timezone.now)

    class Meta:
        verbose_name = _("confirmation of the turning-18 checklist")
        verbose_name_plural = _("confirmations of the turning-18 checklist")
        constraints = [
            models.UniqueConstraint(fields=["network", "domain"], name="transition_confirmation_one_per_item"),
        ]

    def __str__(self):
        return f"{self.get_domain_display()} ({self.confirmed_at:%Y-%m-%d})"
