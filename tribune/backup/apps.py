from django.apps import AppConfig


class BackupConfig(AppConfig):
    """Backup archives: `tribune_export` and `tribune_import` (docs/backup.md)."""

    name = "tribune.backup"
    label = "backup"
    verbose_name = "Backup"
    default_auto_field = "django.db.models.BigAutoField"
