from django.urls import path

from youthpage import views

app_name = "youthpage"

urlpatterns = [
    # The youth's own page: no account, a token and a code (the token is no record id).
    path("j/<str:token>/", views.youth_page, name="youth_page"),
    path("j/<str:token>/bericht/", views.youth_page_message, name="youth_page_message"),
    path("j/<str:token>/actie/", views.youth_page_action, name="youth_page_action"),
    path("j/<str:token>/sluiten/", views.youth_page_leave, name="youth_page_leave"),
    # The lead's (or a member's) buttons on the network page.
    path("netwerken/<int:network_pk>/jongerenlink/nieuw/", views.youthlink_create_view, name="youthlink_create"),
    path("netwerken/<int:network_pk>/jongerenlink/vernieuwen/", views.youthlink_renew_view, name="youthlink_renew"),
    path("netwerken/<int:network_pk>/jongerenlink/folder/", views.youthlink_leaflet_view, name="youthlink_leaflet"),
    path("netwerken/<int:network_pk>/jongerenlink/intrekken/", views.youthlink_revoke_view, name="youthlink_revoke"),
    path("netwerken/<int:network_pk>/jongerenlink/mijn-gegevens/", views.youth_share_view, name="youth_share"),
    path(
        "jongerenberichten/<int:youthmessage_pk>/afgehandeld/",
        views.youthmessage_handled_view,
        name="youthmessage_handled",
    ),
]
