from django.urls import path

from handovers import views

app_name = "handovers"

urlpatterns = [
    path("netwerken/<int:pk>/overdracht/nieuw/", views.handover_start_view, name="handover_start"),
    path("overdrachten/<int:pk>/", views.handover_detail, name="handover_detail"),
    path("overdrachten/<int:pk>/aanvaarden/", views.handover_accept_view, name="handover_accept"),
    path("overdrachten/<int:pk>/weigeren/", views.handover_decline_view, name="handover_decline"),
    path("netwerken/<int:pk>/plan-nagekeken/", views.plan_review_done_view, name="plan_review_done"),
    path("netwerken/<int:pk>/overgang-18/", views.transition_checklist_view, name="transition_checklist"),
    path("netwerken/<int:pk>/gedeeld-dossier/", views.shared_dossier_view, name="shared_dossier"),
    path("netwerken/<int:pk>/gedeeld-dossier/pdf/", views.shared_dossier_pdf_view, name="shared_dossier_pdf"),
    path("netwerken/<int:pk>/afsluiten/", views.network_close_view, name="network_close"),
    path("netwerken/<int:pk>/heropenen/", views.network_reopen_view, name="network_reopen"),
]
