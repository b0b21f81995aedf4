from django.urls import path

from handovers import views

app_name = "handovers"

urlpatterns = [
    path("netwerken/<int:network_pk>/overdracht/nieuw/", views.handover_start_view, name="handover_start"),
    path("overdrachten/<int:handover_pk>/", views.handover_detail, name="handover_detail"),
    path("overdrachten/<int:handover_pk>/aanvaarden/", views.handover_accept_view, name="handover_accept"),
    path("overdrachten/<int:handover_pk>/weigeren/", views.handover_decline_view, name="handover_decline"),
    path("overdrachten/<int:handover_pk>/intrekken/", views.handover_withdraw_view, name="handover_withdraw"),
    path("netwerken/<int:network_pk>/plan-nagekeken/", views.plan_review_done_view, name="plan_review_done"),
    path("netwerken/<int:network_pk>/overgang-18/", views.transition_checklist_view, name="transition_checklist"),
    path(
        "netwerken/<int:network_pk>/overgang-18/bevestigen/", views.transition_confirm_view, name="transition_confirm"
    ),
    path("netwerken/<int:network_pk>/gedeeld-dossier/", views.shared_dossier_view, name="shared_dossier"),
    path("netwerken/<int:network_pk>/gedeeld-dossier/pdf/", views.shared_dossier_pdf_view, name="shared_dossier_pdf"),
    path("netwerken/<int:network_pk>/afsluiten/", views.network_close_view, name="network_close"),
    path("netwerken/<int:network_pk>/heropenen/", views.network_reopen_view, name="network_reopen"),
]
