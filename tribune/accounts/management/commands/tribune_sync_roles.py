from typing import Any

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.core.management.base import BaseCommand

from tribune.accounts.roles import ROLES, Role
from tribune.accounts.services import roles_sync


class Command(BaseCommand):
    help = (
        "Create or repair the newsroom role groups (Verslaggever, Eindredacteur, Moderatoren, Beheerder): "
        "each gets exactly the permissions in tribune/accounts/roles.py. migrate does this too."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # Permissions of apps added since the last migrate exist before Beheerder is given all of them.
        for app_config in apps.get_app_configs():
            create_permissions(app_config, verbosity=0)
        groups = roles_sync()
        for role in ROLES:
            group = groups[role]
            count = group.permissions.count()
            self.stdout.write(f"{Role(role).label}: {count} permission(s), {group.user_set.count()} member(s).")
