from django.urls import path

from youths import views

app_name = "youths"

urlpatterns = [
    path("", views.youth_list, name="youth_list"),
    path("nieuw/", views.youth_create_view, name="youth_create"),
    path("<int:youth_pk>/", views.youth_detail, name="youth_detail"),
    path("<int:youth_pk>/wijzigen/", views.youth_update_view, name="youth_update"),
    path("<int:youth_pk>/eerste-gesprek/nieuw/", views.intake_create_view, name="intake_create"),
    path("eerste-gesprek/<int:intake_pk>/", views.intake_detail, name="intake_detail"),
    path("eerste-gesprek/<int:intake_pk>/wijzigen/", views.intake_update_view, name="intake_update"),
]

# PDF downloads of the printable templates p.9 and p.10, and the page with the blank ones.
from youths import pdf_views  # noqa: E402

urlpatterns += [
    path("sjablonen/", pdf_views.templates_index, name="templates_index"),
    path("sjablonen/voor-de-jongere.pdf", pdf_views.youth_leaflet_blank_pdf, name="youth_leaflet_blank_pdf"),
    path("sjablonen/eerste-gesprek.pdf", pdf_views.intake_blank_pdf, name="intake_blank_pdf"),
    path("<int:youth_pk>/pdf/voor-de-jongere.pdf", pdf_views.youth_leaflet_pdf, name="youth_leaflet_pdf"),
    path("<int:youth_pk>/pdf/eerste-gesprek.pdf", pdf_views.intake_pdf, name="youth_intake_pdf"),
]
