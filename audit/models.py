"""The audit trail: who did what to which record, and when.

The table keeps the name it had when the trail lived in `networks`; on PostgreSQL a trigger
refuses every change and delete of its rows.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEventQuerySet(models.QuerySet):
    """The trail is append-only: bulk changes and deletes are refused."""

    def update(self, **kwargs):
        raise AuditTrailIsAppendOnly(_("Audit events cannot be changed."))

    def delete(self):
        raise AuditTrailIsAppendOnly(_("Audit events cannot be deleted."))

    def _raw_delete(self, using):
        raise AuditTrailIsAppendOnly(_("Audit events cannot be deleted."))


class AuditTrailIsAppendOnly(Exception):
    """Raised on any attempt to change or delete an audit event."""


class AuditEvent(models.Model):
    """Who did what to which record, and when. Holds no personal values.

    Rows reference objects by type and id (no foreign keys), so the trail survives the
    deletion or anonymisation of what it describes; they are never changed or deleted
    (here, in admin, and on PostgreSQL by a trigger).
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user_id = models.BigIntegerField(_("user id"), null=True, blank=True)
    user_email = models.CharField(_("user"), max_length=254, blank=True)
    organisation_id = models.BigIntegerField(_("organisation id"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=20)
    object_type = models.CharField(_("object type"), max_length=50, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    network_id = models.BigIntegerField(_("network id"), null=True, blank=True, db_index=True)
    youth_id = models.BigIntegerField(
        _("youth id"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("For records of the youth itself (dossier, first conversation), which belong to no one network."),
    )
    fields = models.JSONField(_("changed fields"), default=list, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    path = models.CharField(_("path"), max_length=300, blank=True)
    reason = models.CharField(
        _("reason"),
        max_length=300,
        blank=True,
        help_text=_("Why, for an erasure or export on request. Never a name."),
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        db_table = "networks_auditevent"
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_email} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditTrailIsAppendOnly(_("Audit events cannot be changed."))
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditTrailIsAppendOnly(_("Audit events cannot be deleted."))
