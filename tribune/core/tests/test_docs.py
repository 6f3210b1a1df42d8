"""Every setting an operator can set and every management command is in the README."""

from pathlib import Path

import pytest
from django.core.management import get_commands

from config.env import BASE_DIR, VARIABLES

README = (BASE_DIR / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(VARIABLES))
def test_every_environment_variable_is_documented(name):
    assert f"`{name}`" in README


TRIBUNE_COMMANDS = sorted(name for name, app in get_commands().items() if app.startswith("tribune."))


def test_tribune_has_commands():
    assert "tribune_load_demo" in TRIBUNE_COMMANDS


@pytest.mark.parametrize("name", TRIBUNE_COMMANDS)
def test_every_management_command_is_documented(name):
    assert f"`{name}" in README


def test_env_is_read_in_one_place():
    """Only config/env.py reads os.environ (tests and tooling aside)."""
    offenders = []
    for path in [*Path(BASE_DIR, "tribune").rglob("*.py"), *Path(BASE_DIR, "config").rglob("*.py")]:
        if "tests" in path.parts or path.name == "env.py" or "demo" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "os.environ" in text or "os.getenv" in text:
            offenders.append(str(path.relative_to(BASE_DIR)))
    assert offenders == ["config/wsgi.py"]  # Django's own DJANGO_SETTINGS_MODULE default


TRIBUNE_SETTINGS = sorted(
    line.split("=")[0].strip()
    for line in (BASE_DIR / "config" / "settings" / "base.py").read_text(encoding="utf-8").splitlines()
    if line.startswith("TRIBUNE_") and "=" in line
)


@pytest.mark.parametrize("name", TRIBUNE_SETTINGS)
def test_every_tribune_setting_is_documented(name):
    """Settings read from the environment are in the variables table; the others in their own."""
    assert f"`{name}`" in README
