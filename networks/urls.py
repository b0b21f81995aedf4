from django.urls import path

from networks import views

app_name = "networks"

urlpatterns = [
    path("netwerken/<int:network_pk>/", views.network_detail, name="network_detail"),
    path("netwerken/<int:network_pk>/wijzigen/", views.network_update_view, name="network_update"),
    path("netwerken/<int:network_pk>/activeren/", views.network_activate_view, name="network_activate"),
    path("netwerken/<int:network_pk>/leden/nieuw/", views.membership_create, name="membership_create"),
    path(
        "netwerken/<int:network_pk>/organisaties/voorstellen/",
        views.organisation_propose_view,
        name="organisation_propose",
    ),
    path("lidmaatschappen/<int:membership_pk>/beeindigen/", views.membership_end_view, name="membership_end"),
    path("toestemmingen/jongere/<int:youth_pk>/", views.consent_list, name="consent_list"),
    path("toestemmingen/jongere/<int:youth_pk>/nieuw/", views.consent_create, name="consent_create"),
    path("toestemmingen/<int:consent_pk>/intrekken/", views.consent_revoke, name="consent_revoke"),
    path("netwerken/<int:network_pk>/notities/nieuw/", views.note_create, name="note_create"),
    path("netwerken/<int:network_pk>/audit/", views.network_audit, name="network_audit"),
]


# PDF download of the printable template p.11, the network map.
from networks import pdf_views  # noqa: E402

urlpatterns += [
    path("netwerken/sjablonen/netwerkkaart.pdf", pdf_views.network_map_blank_pdf, name="network_map_blank_pdf"),
    path("netwerken/<int:network_pk>/pdf/netwerkkaart.pdf", pdf_views.network_map_pdf, name="network_map_pdf"),
]
