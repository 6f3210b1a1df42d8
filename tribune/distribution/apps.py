from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    name = "tribune.distribution"
    label = "distribution"
    verbose_name = _("Verspreiding")
    default_auto_field = "django.db.models.BigAutoField"
