from django.urls import path

from networks import urls_security, views

app_name = "networks"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]

urlpatterns += urls_security.urlpatterns  # account security, notes, audit, export (issue 8)
