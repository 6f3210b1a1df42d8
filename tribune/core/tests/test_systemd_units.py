"""deploy/systemd/: the units start commands that exist, with the settings docs/deploy.md promises."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

from config.env import BASE_DIR, VARIABLES

UNITS = BASE_DIR / "deploy" / "systemd"
SERVICES = ["tribune@.service", "tribune-scheduler.service"]


def parse(path: Path) -> dict[str, list[str]]:
    """`Key=value` lines by key (systemd allows a key more than once, e.g. Environment=)."""
    keys: dict[str, list[str]] = {}
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        keys.setdefault(key.strip(), []).append(value.strip())
    return keys


def env_example() -> dict[str, str]:
    return dict(
        line.split("=", 1) for line in (UNITS / "env.example").read_text().splitlines() if line and line[0] != "#"
    )


@pytest.mark.parametrize("name", SERVICES)
def test_services_run_existing_manage_commands_hardened(name):
    unit = parse(UNITS / name)
    argv = shlex.split(unit["ExecStart"][0])
    assert argv[0] == "/srv/tribune/.venv/bin/python" and argv[1] == "manage.py"
    assert argv[2] in get_commands()
    assert unit["WorkingDirectory"] == ["/srv/tribune"]
    assert unit["EnvironmentFile"] == ["/etc/tribune/env"]
    assert unit["User"] == ["tribune"]
    assert unit["Restart"] == ["always"]
    assert unit["NoNewPrivileges"] == ["yes"] and unit["PrivateTmp"] == ["yes"]
    assert unit["ProtectSystem"] == ["strict"]
    # The only writable folder is the data folder (uploaded media) the example environment sets.
    assert unit["ReadWritePaths"] == [env_example()["TRIBUNE_DATA_DIR"]]
    assert unit["PartOf"] == ["tribune.target"] and unit["WantedBy"] == ["tribune.target"]


def test_app_server_instance_is_its_port_and_runs_no_scheduler():
    unit = parse(UNITS / "tribune@.service")
    assert shlex.split(unit["ExecStart"][0])[2] == "tribune_serve"
    assert "TRIBUNE_BIND=127.0.0.1:%i" in unit["Environment"]
    assert "TRIBUNE_SCHEDULER=false" in unit["Environment"]
    assert shlex.split(parse(UNITS / "tribune-scheduler.service")["ExecStart"][0])[2] == "tribune_scheduler"


def test_example_environment_sets_only_known_variables_for_production():
    env = env_example()
    assert env.pop("DJANGO_SETTINGS_MODULE") == "config.settings.production"
    assert set(env) <= set(VARIABLES)
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOWED_HOSTS", "TRIBUNE_SITE_URL"} <= set(env)


def test_systemd_accepts_the_units(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    # verify checks that ExecStart exists: point the units at this checkout instead of /srv/tribune.
    for path in UNITS.glob("tribune*"):
        (tmp_path / path.name).write_text(path.read_text().replace("/srv/tribune", str(BASE_DIR)))
    units = [str(tmp_path / name) for name in ("tribune@8001.service", "tribune-scheduler.service", "tribune.target")]
    done = subprocess.run([analyze, "verify", *units], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
