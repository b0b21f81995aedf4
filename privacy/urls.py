from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("privacy/", views.privacy_page, name="privacy_page"),
    path("export/jongeren/", views.youth_export_search, name="youth_export_search"),
    path("export/jongeren/<int:youth_pk>/", views.youth_export_page, name="youth_export_page"),
    path("export/jongeren/<int:youth_pk>/zip/", views.youth_export, name="youth_export"),
]
