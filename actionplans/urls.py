from django.urls import path

from actionplans import views

app_name = "actionplans"

urlpatterns = [
    path("netwerk/<int:network_pk>/", views.plan_detail, name="plan_detail"),
    path("netwerk/<int:network_pk>/bewerken/", views.plan_update, name="plan_update"),
    path("netwerk/<int:network_pk>/acties/nieuw/", views.action_create, name="action_create"),
    path("netwerk/<int:network_pk>/drempels/nieuw/", views.barrier_create, name="barrier_create"),
    path("netwerk/<int:network_pk>/doorverwijzingen/nieuw/", views.referral_create, name="referral_create"),
    path("netwerk/<int:network_pk>/vraag-wie/nieuw/", views.question_route_create, name="question_route_create"),
    path("netwerk/<int:network_pk>/evaluaties/nieuw/", views.evaluation_create, name="evaluation_create"),
    path("netwerk/<int:network_pk>/opvolging/", views.follow_up_update, name="follow_up_update"),
    path("netwerk/<int:network_pk>/trekker/", views.lead_rotate, name="lead_rotate"),
    path("netwerk/<int:network_pk>/rondetafels/nieuw/", views.meeting_create, name="meeting_create"),
    path("versies/<int:pk>/", views.plan_version_detail, name="plan_version_detail"),
    path("acties/<int:pk>/bewerken/", views.action_update, name="action_update"),
    path("acties/<int:pk>/afronden/", views.action_complete, name="action_complete"),
    path("acties/<int:pk>/stopzetten/", views.action_drop, name="action_drop"),
    path("acties/<int:pk>/heropenen/", views.action_reopen, name="action_reopen"),
    path("acties/<int:pk>/evalueren/", views.action_evaluate, name="action_evaluate"),
    path("drempels/<int:pk>/bewerken/", views.barrier_update, name="barrier_update"),
    path("doorverwijzingen/<int:pk>/status/", views.referral_status, name="referral_status"),
    path("vraag-wie/<int:pk>/verwijderen/", views.question_route_delete, name="question_route_delete"),
    path("rondetafels/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("rondetafels/<int:pk>/bewerken/", views.meeting_update, name="meeting_update"),
    path("rondetafels/<int:pk>/annuleren/", views.meeting_cancel, name="meeting_cancel"),
    path("rondetafels/<int:pk>/verslag/", views.meeting_record, name="meeting_record"),
    path("rondetafels/<int:pk>/agenda.ics", views.meeting_ics, name="meeting_ics"),
]

# PDF download of the printable template p.12, the action plan (issue 7).
from actionplans import pdf_views  # noqa: E402

urlpatterns += [
    path("sjablonen/actieplan.pdf", pdf_views.plan_blank_pdf, name="plan_blank_pdf"),
    path("netwerk/<int:network_pk>/pdf/actieplan.pdf", pdf_views.plan_pdf, name="plan_pdf"),
]
