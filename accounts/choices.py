from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    EDUCATION = "education", _("Education")
    WELFARE = "welfare", _("Welfare")
    WORK = "work", _("Work")
    GUARDIANSHIP = "guardianship", _("Guardianship")
    HOUSING = "housing", _("Housing")
    HEALTH = "health", _("Health")
    INTEGRATION = "integration", _("Civic integration")
    FAMILY = "family", _("Family")
    LEISURE = "leisure", _("Leisure")
    OTHER = "other", _("Other")
