from django.urls import path

from youths import views

app_name = "youths"

urlpatterns = [
    path("", views.youth_list, name="youth_list"),
    path("nieuw/", views.youth_create_view, name="youth_create"),
    path("<int:pk>/", views.youth_detail, name="youth_detail"),
    path("<int:pk>/wijzigen/", views.youth_update_view, name="youth_update"),
    path("<int:youth_pk>/eerste-gesprek/nieuw/", views.intake_create_view, name="intake_create"),
    path("eerste-gesprek/<int:pk>/", views.intake_detail, name="intake_detail"),
    path("eerste-gesprek/<int:pk>/wijzigen/", views.intake_update_view, name="intake_update"),
]
