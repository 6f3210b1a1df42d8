from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tribune.accounts"
    label = "accounts"
    verbose_name = _("Redactie-accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.checks import Tags, register
        from django.db.models.signals import post_migrate

        from tribune.accounts import checks, receivers
        from tribune.newsroom.scheduling import scheduler_ticked

        scheduler_ticked.connect(receivers.housekeeping, dispatch_uid="accounts-housekeeping")
        post_migrate.connect(receivers.sync_roles_after_migrate, sender=self, dispatch_uid="accounts-sync-roles")
        register(checks.check_two_factor_groups, Tags.security)
        # Tagged `database`: run only when a database is asked for (`check --database default`, and `migrate`).
        register(checks.check_two_factor_groups_exist, Tags.database, Tags.security)
