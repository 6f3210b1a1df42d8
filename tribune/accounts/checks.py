"""System checks for TRIBUNE_2FA_REQUIRED_GROUPS: a misspelt group name silently requires two-factor of nobody.

Two checks, because system checks should not need the database (`manage.py check`, runserver and CI run them
without one, or before it is migrated):

- Without the database (every `check`): the setting is a list of group names, and no name is a near miss of a
  managed role (roles.py): another case or surrounding spaces ("beheerder", "Beheerder "), or the role's code
  name ("admin"). Those are errors: only the role can be meant, and the mistake switches its two-factor off; a
  real group of that odd name can be kept with SILENCED_SYSTEM_CHECKS = ["tribune.accounts.E002"].
- With the database (tagged `database`: `check --database default`, and every `migrate` runs it first): a name
  that is not a managed role must exist as a group. A warning, not an error: on a fresh install the group can
  only be made in the admin after the first `migrate`, which an error would stop.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core import checks
from django.db import connections

from tribune.accounts.roles import Role

SETTING = "TRIBUNE_2FA_REQUIRED_GROUPS"


def _names() -> list[str] | None:
    """The setting's names, or None when it is not a list (or tuple) of non-empty strings."""
    value = getattr(settings, SETTING, [])
    if not isinstance(value, list | tuple) or not all(isinstance(name, str) and name for name in value):
        return None
    return list(value)


def _near_miss(name: str) -> str | None:
    """The managed role's group name that `name` was meant to be, if it is not exactly one."""
    if name in Role.labels:
        return None
    for role in Role:
        if name.strip().casefold() in {role.label.casefold(), role.value.casefold()}:
            return role.label
    return None


def check_two_factor_groups(app_configs: Sequence[Any] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    names = _names()
    if names is None:
        return [
            checks.Error(
                f"{SETTING} must be a list of group names.",
                hint=f'For example {SETTING} = ["Beheerder"]; an empty list requires two-factor login of nobody.',
                obj=SETTING,
                id="tribune.accounts.E001",
            )
        ]
    issues: list[checks.CheckMessage] = []
    for name in names:
        meant = _near_miss(name)
        if meant is not None:
            issues.append(
                checks.Error(
                    f"{SETTING} names the group {name!r}; the role's group is {meant!r}.",
                    hint=f"Write {meant!r}: group names are exact. As it is, its members need no second factor.",
                    obj=SETTING,
                    id="tribune.accounts.E002",
                )
            )
    return issues


def unknown_groups(names: Iterable[str], *, using: str) -> list[str]:
    """The names that are neither a managed role nor a group in database `using` (in the order given)."""
    from django.contrib.auth.models import Group

    others = [name for name in names if name not in Role.labels]
    if not others:
        return []
    existing = set(Group.objects.using(using).filter(name__in=others).values_list("name", flat=True))
    return [name for name in others if name not in existing]


def check_two_factor_groups_exist(
    app_configs: Sequence[Any] | None = None, databases: Sequence[str] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    names = _names()
    if not databases or not names:
        return []  # no database asked for, or the setting is wrong (reported above) or empty
    issues: list[checks.CheckMessage] = []
    for alias in databases:
        connection = connections[alias]
        with connection.cursor() as cursor:
            if "auth_group" not in connection.introspection.table_names(cursor):
                continue  # not migrated yet: the first `migrate` checks before it makes the tables
        missing = [name for name in unknown_groups(names, using=alias) if _near_miss(name) is None]
        issues.extend(
            checks.Warning(
                f"{SETTING} names the group {name!r}, which is not in the database {alias!r}.",
                hint=(
                    "Make the group (Instellingen > Groepen) or correct the name: until then the setting requires "
                    f"two-factor login of nobody through it. The managed roles are {', '.join(Role.labels)}."
                ),
                obj=SETTING,
                id="tribune.accounts.W003",
            )
            for name in missing
        )
    return issues
