"""URLs of the account-security and privacy pages; added to networks/urls.py."""

from django.urls import path

from networks import views_account, views_security

urlpatterns = [
    path("account/security/", views_account.account_security, name="account_security"),
    path("account/confirm-password/", views_account.account_reauth, name="account_reauth"),
    path("account/email/", views_account.account_email_change, name="account_email_change"),
    path("account/2fa/setup/", views_account.account_otp_setup, name="account_otp_setup"),
    path("account/2fa/verify/", views_account.account_otp_verify, name="account_otp_verify"),
    path("account/2fa/backup-codes/", views_account.account_backup_codes, name="account_backup_codes"),
    path("netwerken/<int:network_id>/notities/nieuw/", views_security.note_create, name="note_create"),
    path("netwerken/<int:pk>/audit/", views_security.network_audit, name="network_audit"),
    path("export/jongeren/", views_security.youth_export_search, name="youth_export_search"),
    path("export/jongeren/<int:youth_id>/", views_security.youth_export_page, name="youth_export_page"),
    path("export/jongeren/<int:youth_id>/zip/", views_security.youth_export, name="youth_export"),
]
