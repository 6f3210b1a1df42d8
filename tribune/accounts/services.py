"""Writes: charging and clearing the login and password-reset counters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps as django_apps
from django.db import transaction

from tribune.accounts import throttle
from tribune.accounts.roles import Role, sync_roles
from tribune.accounts.throttle import failure_counter


@transaction.atomic
def failure_record(*, keys: Iterable[str]) -> None:
    """Count one failed login (or one password-reset request) against each key."""
    counter, at = failure_counter(), throttle.clock()
    for key in keys:
        counter.add(key, at=at)


@transaction.atomic
def failures_clear(*, key: str) -> None:
    """A successful login clears its account's counter; the network address keeps its own."""
    failure_counter().clear(key)


@transaction.atomic
def roles_sync(*, apps: Any = django_apps) -> dict[Role, Any]:
    """Create or repair the role groups (tribune/accounts/roles.py); `apps` is a migration's model registry there."""
    return sync_roles(apps)
