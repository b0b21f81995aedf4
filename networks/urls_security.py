"""URLs of the account-security and privacy pages; added to networks/urls.py."""

from django.urls import path

from networks import views_security

urlpatterns = [
    path("netwerken/<int:network_id>/notities/nieuw/", views_security.note_create, name="note_create"),
    path("netwerken/<int:pk>/audit/", views_security.network_audit, name="network_audit"),
    path("export/jongeren/", views_security.youth_export_search, name="youth_export_search"),
    path("export/jongeren/<int:youth_id>/", views_security.youth_export_page, name="youth_export_page"),
    path("export/jongeren/<int:youth_id>/zip/", views_security.youth_export, name="youth_export"),
]
