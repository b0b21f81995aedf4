"""Partner organisations and the people who log in.

Each organisation has its own Django group; django-guardian grants a network to that group while
the organisation has an active member in it (networks.access). The tables keep the names they had
when these models lived in `networks`.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager, Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.choices import Sector


class OrganisationQuerySet(models.QuerySet):
    def usable(self):
        """Organisations people can be chosen from: active, and approved (not a pending proposal)."""
        return self.filter(is_active=True, status=Organisation.Status.APPROVED)


class Organisation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending approval")
        APPROVED = "approved", _("Approved")

    name = models.CharField(_("name"), max_length=200, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.APPROVED,
        help_text=_("A proposed organisation stays pending until an admin approves it; its people get no access."),
    )
    group = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="organisation",
        verbose_name=_("permission group"),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        db_table = "networks_organisation"
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Each organisation has its own group; its name follows the organisation's name.
        group_name = f"org-{self.pk}: {self.name}"[:150]
        if self.group is None:
            self.group = Group.objects.create(name=group_name)
            super().save(update_fields=["group"])
        elif self.group.name != group_name:
            self.group.name = group_name
            self.group.save(update_fields=["name"])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in: a member of one organisation, of the advisory group, or an admin."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("organisation"),
    )
    is_advisory = models.BooleanField(
        _("member of the advisory group"),
        default=False,
        help_text=_("Advisory-group members see signals, never a youth's dossier."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        db_table = "networks_user"
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._sync_organisation_group()

    def _sync_organisation_group(self):
        """Keep the user in exactly the group of their own organisation."""
        org_groups = Group.objects.filter(organisation__isnull=False)
        own_group_id = self.organisation.group_id if self.organisation_id else None
        stale = self.groups.filter(pk__in=org_groups).exclude(pk=own_group_id)
        if stale.exists():
            self.groups.remove(*stale)
        if own_group_id and not self.groups.filter(pk=own_group_id).exists():
            self.groups.add(own_group_id)
