"""URLs of the account pages: logging in and out, the password, the e-mail address, the second factor.

Django's own views keep their unnamespaced names (`login`, `logout`, `password_change`, ...), as
django.contrib.auth and LOGIN_URL expect: they are in `auth_urlpatterns`, included without a
namespace. Our pages are `accounts:<name>`.
"""

from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

app_name = "accounts"

auth_urlpatterns = [
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
]

urlpatterns = [
    path("account/security/", views.account_security, name="account_security"),
    path("account/confirm-password/", views.account_reauth, name="account_reauth"),
    path("account/email/", views.account_email_change, name="account_email_change"),
    path("account/2fa/setup/", views.account_otp_setup, name="account_otp_setup"),
    path("account/2fa/verify/", views.account_otp_verify, name="account_otp_verify"),
    path("account/2fa/backup-codes/", views.account_backup_codes, name="account_backup_codes"),
]
