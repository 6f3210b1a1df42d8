from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site-wide plumbing: layout templates, formatting, pagination. No models."""

    name = "tribune.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"
