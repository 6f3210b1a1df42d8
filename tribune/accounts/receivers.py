from __future__ import annotations

from typing import Any

from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions

from tribune.accounts.services import roles_sync
from tribune.accounts.throttle import DatabaseFailureCounter


def housekeeping(sender: Any, **kwargs: Any) -> None:
    """Once per scheduler tick: drop failure rows older than the window."""
    DatabaseFailureCounter.purge_expired()


def sync_roles_after_migrate(sender: Any, *, using: str, apps: Any = None, verbosity: int = 1, **kwargs: Any) -> None:
    """After every migrate: the role groups match roles.py again, and Beheerder holds every permission.

    post_migrate reaches this app before the apps listed after it in INSTALLED_APPS (auth, wagtail...), whose
    permissions Django has not made yet; making them here first is what Django itself does a moment later.
    """
    apps = apps or installed_apps  # flush sends post_migrate without `apps`
    for app_config in installed_apps.get_app_configs():  # as Django passes them: real configs, migrated models
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    roles_sync(apps=apps)
