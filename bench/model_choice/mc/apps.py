from django.apps import AppConfig


class McConfig(AppConfig):
    name = "mc"
    default_auto_field = "django.db.models.BigAutoField"
