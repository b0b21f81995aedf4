"""Words for the youth: each member's role as a youth understands it (source English, gettext catalogues)."""

from django.utils.translation import gettext_lazy as _

from networks.choices import MemberRole

ROLE_WORDS = {
    MemberRole.SCHOOL_COACH: _("helps you at school"),
    MemberRole.NEXT_SCHOOL_COACH: _("helps you at your next school"),
    MemberRole.OKAN_COACH: _("helps you in your Dutch class at school"),
    MemberRole.STUDENT_COUNSELLOR: _("helps you choose a study"),
    MemberRole.CLB_WORKER: _("helps you with school and health questions"),
    MemberRole.GUARDIAN: _("your guardian: helps you with papers and important choices"),
    MemberRole.HOUSING_COUNSELLOR: _("helps you with where you live"),
    MemberRole.SOCIAL_WORKER: _("helps you with daily life"),
    MemberRole.PSYCHOLOGIST: _("listens when you do not feel well"),
    MemberRole.JOB_COACH: _("helps you find work"),
    MemberRole.YOUTH_WORKER: _("helps you with free time and friends"),
    MemberRole.INTERPRETER: _("translates for you"),
    MemberRole.FAMILY_MEMBER: _("your family"),
    MemberRole.BUDDY: _("a buddy who spends time with you"),
    MemberRole.OTHER: _("helps you"),
}


def role_words(role: str):
    """Lazy: translated when the page renders, in the page's language."""
    return ROLE_WORDS.get(role, ROLE_WORDS[MemberRole.OTHER])
