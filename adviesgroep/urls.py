from django.urls import path

from adviesgroep import views

app_name = "adviesgroep"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("overzicht/", views.aggregation, name="aggregation"),
    path("overzicht/export.csv", views.aggregation_csv, name="aggregation_csv"),
    path("cijfers/", views.stats, name="stats"),
    path("signalen/<int:signal_pk>/", views.signal_detail, name="signal_detail"),
    path("signalen/<int:signal_pk>/behandelaar/", views.signal_assign, name="signal_assign"),
    path("signalen/<int:signal_pk>/status/", views.signal_status, name="signal_status"),
    path("signalen/<int:signal_pk>/advies/", views.signal_answer, name="signal_answer"),
    path("advies/<int:advice_pk>/actie/", views.advice_to_action, name="advice_to_action"),
    path("advies/<int:advice_pk>/drempel/", views.advice_to_barrier, name="advice_to_barrier"),
    path("netwerk/<int:network_pk>/signalen/", views.network_signal_list, name="network_signal_list"),
    path("netwerk/<int:network_pk>/signaal/", views.signal_create, name="signal_create"),
    path("drempel/<int:barrier_pk>/signaal/", views.signal_from_barrier, name="signal_from_barrier"),
    path("kennisbank/", views.lesson_list, name="lesson_list"),
    path("kennisbank/nieuw/", views.lesson_edit, name="lesson_create"),
    path("kennisbank/<int:lesson_pk>/", views.lesson_detail, name="lesson_detail"),
    path("kennisbank/<int:lesson_pk>/bewerken/", views.lesson_edit, name="lesson_update"),
    path("beleid/", views.policy_list, name="policy_list"),
    path("beleid/nieuw/", views.policy_create, name="policy_create"),
]
