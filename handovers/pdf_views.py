"""What the printed overdrachtsdossier adds to the shared dossier page (pdf/overdrachtsdossier.html):
the next round table and who calls it, and the youth's "with which question to whom"."""

from django.utils import timezone

from actionplans.models import MeetingStatus, QuestionRoute


def shared_dossier_print_extras(network, plan) -> dict:
    """Two queries: the next planned round table and the question list of the plan."""
    next_meeting = (
        network.meetings.filter(status=MeetingStatus.PLANNED, starts_at__gte=timezone.now())
        .select_related("organiser")
        .order_by("starts_at")
        .first()
    )
    routes = (
        list(QuestionRoute.objects.filter(plan=plan).select_related("member__supporter")) if plan is not None else []
    )
    caller = network.next_contact_by or network.lead
    return {"next_meeting": next_meeting, "caller": caller, "question_routes": routes}
