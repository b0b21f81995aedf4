from django.contrib import admin
from django.urls import include, path

from accounts.urls import auth_urlpatterns
from zorgnetwerk.dashboard import dashboard
from zorgnetwerk.health import health, ready

urlpatterns = [
    path("admin/", include("zorgnetwerk.admin_moves")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include(auth_urlpatterns)),
    path("", include("accounts.urls")),
    path("", include("privacy.urls")),
    path("health/", health, name="health"),
    path("health/ready/", ready, name="health_ready"),
    path("", dashboard, name="dashboard"),
    path("", include("networks.urls")),
    path("", include("handovers.urls")),
    path("", include("youthpage.urls")),
    path("jongeren/", include("youths.urls")),
    path("actieplannen/", include("actionplans.urls")),
    path("adviesgroep/", include("adviesgroep.urls")),
]
