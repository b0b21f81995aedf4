from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.choices import Sector

# The sectors a network should cover (DESIGN.md, step 2): the app warns while one is missing.
ESSENTIAL_SECTORS = (
    Sector.EDUCATION,
    Sector.WELFARE,
    Sector.WORK,
    Sector.GUARDIANSHIP,
    Sector.HOUSING,
)

# Sectors that may read the youth's residence situation (a sensitive field).
RESIDENCE_STATUS_SECTORS = (Sector.GUARDIANSHIP, Sector.WELFARE)


class Intensity(models.TextChoices):
    LIGHT = "light", _("Light")
    INTENSIVE = "intensive", _("Intensive")


class NetworkStatus(models.TextChoices):
    PREPARING = "preparing", _("Preparing")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")


class ClosureReason(models.TextChoices):
    SUSTAINABLE_PLAN = "sustainable_plan", _("Sustainable plan reached")
    MOVED_AWAY = "moved_away", _("Youth moved away")
    YOUTH_DECLINED = "youth_declined", _("Youth declined")
    NO_LONGER_NEEDED = "no_longer_needed", _("Support no longer needed")
    OTHER = "other", _("Other")


class MemberRole(models.TextChoices):
    SCHOOL_COACH = "school_coach", _("School coach")
    NEXT_SCHOOL_COACH = "next_school_coach", _("Coach for the next school (vervolgschoolcoach)")
    OKAN_COACH = "okan_coach", _("OKAN coach")
    STUDENT_COUNSELLOR = "student_counsellor", _("Student counsellor")
    CLB_WORKER = "clb_worker", _("CLB worker")
    GUARDIAN = "guardian", _("Guardian")
    HOUSING_COUNSELLOR = "housing_counsellor", _("Housing counsellor")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    PSYCHOLOGIST = "psychologist", _("Psychologist (for example MindSpring)")
    JOB_COACH = "job_coach", _("VDAB job coach")
    YOUTH_WORKER = "youth_worker", _("Youth worker")
    INTERPRETER = "interpreter", _("Interpreter")
    FAMILY_MEMBER = "family_member", _("Family member")
    BUDDY = "buddy", _("Buddy / volunteer")
    OTHER = "other", _("Other")


class Trust(models.TextChoices):
    HIGH = "high", _("Trusts a lot")
    SOME = "some", _("Trusts somewhat")
    LOW = "low", _("Trusts little")
    UNKNOWN = "", _("Not asked")


class TimelineKind(models.TextChoices):
    YOUTH = "youth", _("Youth")
    INTAKE = "intake", _("First conversation")
    NETWORK = "network", _("Network")
    MEMBER = "member", _("Member")
    CONSENT = "consent", _("Consent")
    MEETING = "meeting", _("Round table")
    PLAN = "plan", _("Action plan")
    ACTION = "action", _("Action")
    BARRIER = "barrier", _("Barrier")
    REFERRAL = "referral", _("Referral")
    EVALUATION = "evaluation", _("Evaluation")
    HANDOVER = "handover", _("Handover")
    SIGNAL = "signal", _("Signal")
    NOTE = "note", _("Note")


# The role a supporter takes in a network when none is chosen, by their organisation's sector
# (the creator of a youth, or supporters added several at once).
ROLE_FOR_SECTOR = {
    Sector.EDUCATION: MemberRole.SCHOOL_COACH,
    Sector.WELFARE: MemberRole.SOCIAL_WORKER,
    Sector.WORK: MemberRole.JOB_COACH,
    Sector.GUARDIANSHIP: MemberRole.GUARDIAN,
    Sector.HOUSING: MemberRole.HOUSING_COUNSELLOR,
    Sector.LEISURE: MemberRole.YOUTH_WORKER,
    Sector.FAMILY: MemberRole.FAMILY_MEMBER,
}
