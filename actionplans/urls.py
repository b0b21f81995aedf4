from django.urls import path

from actionplans import pdf_views
from actionplans.views import followup, plans, roundtables

app_name = "actionplans"

urlpatterns = [
    path("netwerk/<int:network_pk>/", plans.plan_detail, name="plan_detail"),
    path("netwerk/<int:network_pk>/bewerken/", plans.plan_update, name="plan_update"),
    path("netwerk/<int:network_pk>/acties/nieuw/", plans.action_create, name="action_create"),
    path("netwerk/<int:network_pk>/drempels/nieuw/", plans.barrier_create, name="barrier_create"),
    path("netwerk/<int:network_pk>/doorverwijzingen/nieuw/", plans.referral_create, name="referral_create"),
    path("netwerk/<int:network_pk>/vraag-wie/nieuw/", plans.question_route_create, name="question_route_create"),
    path("netwerk/<int:network_pk>/evaluaties/nieuw/", followup.evaluation_create, name="evaluation_create"),
    path("netwerk/<int:network_pk>/opvolging/", followup.follow_up_update, name="follow_up_update"),
    path("netwerk/<int:network_pk>/iedereen-updaten/", followup.network_update_members, name="network_update_members"),
    path("netwerk/<int:network_pk>/trekker/", followup.lead_rotate, name="lead_rotate"),
    path("netwerk/<int:network_pk>/rondetafels/nieuw/", roundtables.meeting_create, name="meeting_create"),
    path("versies/<int:version_pk>/", plans.plan_version_detail, name="plan_version_detail"),
    path("acties/<int:action_pk>/bewerken/", plans.action_update, name="action_update"),
    path("acties/<int:action_pk>/afronden/", plans.action_complete, name="action_complete"),
    path("acties/<int:action_pk>/stopzetten/", plans.action_drop, name="action_drop"),
    path("acties/<int:action_pk>/heropenen/", plans.action_reopen, name="action_reopen"),
    path("acties/<int:action_pk>/evalueren/", plans.action_evaluate, name="action_evaluate"),
    path("drempels/<int:barrier_pk>/bewerken/", plans.barrier_update, name="barrier_update"),
    path("doorverwijzingen/<int:referral_pk>/status/", plans.referral_status, name="referral_status"),
    path("vraag-wie/<int:question_pk>/verwijderen/", plans.question_route_delete, name="question_route_delete"),
    path("rondetafels/<int:meeting_pk>/", roundtables.meeting_detail, name="meeting_detail"),
    path("rondetafels/<int:meeting_pk>/bewerken/", roundtables.meeting_update, name="meeting_update"),
    path("rondetafels/<int:meeting_pk>/annuleren/", roundtables.meeting_cancel, name="meeting_cancel"),
    path("rondetafels/<int:meeting_pk>/verslag/", roundtables.meeting_record, name="meeting_record"),
    path("rondetafels/<int:meeting_pk>/afronden/", roundtables.meeting_finish, name="meeting_finish"),
    path("rondetafels/<int:meeting_pk>/agenda.ics", roundtables.meeting_ics, name="meeting_ics"),
    path("sjablonen/actieplan.pdf", pdf_views.plan_blank_pdf, name="plan_blank_pdf"),
    path("netwerk/<int:network_pk>/pdf/actieplan.pdf", pdf_views.plan_pdf, name="plan_pdf"),
]
