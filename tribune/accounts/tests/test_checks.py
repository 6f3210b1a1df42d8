"""The system checks on TRIBUNE_2FA_REQUIRED_GROUPS: a setting that is no list and near misses of a role's group
are errors without a database; a name that is neither a role nor an existing group is a warning when a database
is asked for (`check --database default`, `migrate`), and a fresh database's first `migrate` is not stopped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from tribune.accounts import checks

ROOT = Path(__file__).resolve().parents[3]


def check(*args: str) -> str:
    out, err = StringIO(), StringIO()
    call_command("check", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def ids(issues) -> list[str]:
    return [issue.id for issue in issues]


@pytest.mark.parametrize("value", ["Beheerder", ["Beheerder", 3], ["Beheerder", ""], None])
def test_a_setting_that_is_no_list_of_names_is_an_error(settings, value):
    settings.TRIBUNE_2FA_REQUIRED_GROUPS = value
    assert ids(checks.check_two_factor_groups()) == ["tribune.accounts.E001"]


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("beheerder", "Beheerder"),
        ("Beheerder ", "Beheerder"),
        ("admin", "Beheerder"),
        ("EINDREDACTEUR", "Eindredacteur"),
        ("moderator", "Moderatoren"),
    ],
)
def test_a_near_miss_of_a_roles_group_is_an_error(settings, name, meant):
    settings.TRIBUNE_2FA_REQUIRED_GROUPS = ["Verslaggever", name]
    [issue] = checks.check_two_factor_groups()
    assert issue.id == "tribune.accounts.E002"
    assert issue.msg == f"TRIBUNE_2FA_REQUIRED_GROUPS names the group {name!r}; the role's group is {meant!r}."
    with pytest.raises(SystemCheckError, match=re.escape("tribune.accounts.E002")):
        check()


def test_exact_role_names_and_an_empty_list_are_fine(settings):
    settings.TRIBUNE_2FA_REQUIRED_GROUPS = ["Verslaggever", "Eindredacteur", "Moderatoren", "Beheerder"]
    assert checks.check_two_factor_groups() == []
    settings.TRIBUNE_2FA_REQUIRED_GROUPS = []
    assert checks.check_two_factor_groups() == []


def test_check_without_a_database_never_touches_it(settings):
    """No django_db mark: pytest-django fails any query here, so `check` must not make one."""
    settings.TRIBUNE_2FA_REQUIRED_GROUPS = ["Beheerder", "Hoofdredactie"]
    assert "System check identified no issues" in check()
    assert checks.check_two_factor_groups_exist(databases=None) == []


@pytest.mark.django_db
def test_an_unknown_group_is_a_warning_when_the_database_is_checked(settings):
    settings.TRIBUNE_2FA_REQUIRED_GROUPS = ["Beheerder", "Hoofdredactie", "beheerder"]
    issues = checks.check_two_factor_groups_exist(databases=["default"])
    # "beheerder" is E002's already (and a role's group in every migrated database): not reported twice.
    assert [(issue.id, issue.msg) for issue in issues] == [
        (
            "tribune.accounts.W003",
            "TRIBUNE_2FA_REQUIRED_GROUPS names the group 'Hoofdredactie', which is not in the database 'default'.",
        )
    ]
    settings.TRIBUNE_2FA_REQUIRED_GROUPS = ["Beheerder", "Hoofdredactie"]
    assert "(tribune.accounts.W003)" in check("--database", "default")
    Group.objects.create(name="Hoofdredactie")
    assert "System check identified no issues" in check("--database", "default")


@pytest.mark.django_db
def test_role_groups_are_not_looked_up(settings, django_assert_num_queries):
    settings.TRIBUNE_2FA_REQUIRED_GROUPS = ["Beheerder", "Verslaggever"]
    with django_assert_num_queries(0):
        assert checks.unknown_groups(settings.TRIBUNE_2FA_REQUIRED_GROUPS, using="default") == []


@pytest.mark.skipif(
    str(django_settings.DATABASES["default"]["ENGINE"]).endswith("postgresql"),
    reason="migrates a SQLite file of its own, whichever database the pass uses; runs in the SQLite pass",
)
def test_migrate_on_a_fresh_database_runs_and_warns_from_then_on(tmp_path):
    """Real `manage.py migrate` processes: the first, on an empty database (no auth_group table yet), is not
    stopped and says nothing of the group; the next one warns before migrating, as every deploy would."""
    (tmp_path / "fresh_settings.py").write_text(
        textwrap.dedent(
            f"""
            from config.settings.test import *  # noqa: F403
            from config.env import database_config

            DATABASES = {{"default": database_config("sqlite:///{tmp_path / "fresh.sqlite3"}", sqlite_path=None)}}
            TRIBUNE_2FA_REQUIRED_GROUPS = ["Beheerder", "Hoofdredactie"]
            """
        )
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "fresh_settings", "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}

    def manage(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )

    first = manage("migrate", "-v0")
    assert first.returncode == 0, first.stderr
    assert "W003" not in first.stdout + first.stderr
    again = manage("migrate")
    assert again.returncode == 0, again.stderr
    assert "(tribune.accounts.W003) TRIBUNE_2FA_REQUIRED_GROUPS names the group 'Hoofdredactie'" in again.stderr
    assert "No migrations to apply." in again.stdout
