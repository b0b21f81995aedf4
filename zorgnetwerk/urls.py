from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from zorgnetwerk.dashboard import dashboard
from zorgnetwerk.health import health

urlpatterns = [
    path("admin/", include("zorgnetwerk.admin_moves")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("account/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("account/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("account/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("account/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("account/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "account/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("account/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("", include("privacy.urls")),
    path("health/", health, name="health"),
    path("", dashboard, name="dashboard"),
    path("", include("networks.urls")),
    path("", include("handovers.urls")),
    path("jongeren/", include("youths.urls")),
    path("actieplannen/", include("actionplans.urls")),
    path("adviesgroep/", include("adviesgroep.urls")),
]
