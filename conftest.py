"""Suite-wide switches: which database this pass runs on, and what to do when a
real service the tests need is missing (fail on CI, skip with a reason elsewhere)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from config.env import ENV

_skip_reasons: dict[str, str] = {}


def _postgres_problem() -> str | None:
    import psycopg

    try:
        with psycopg.connect(ENV.test_pg_url, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return f"PostgreSQL at {ENV.test_pg_url} is not reachable ({exc.__class__.__name__})"


def pytest_configure(config: pytest.Config) -> None:
    if ENV.test_db == "postgres":
        problem = _postgres_problem()
        if problem and ENV.ci:
            pytest.exit(f"{problem}; CI=true requires it.", returncode=3)
        if problem:
            _skip_reasons["postgres"] = f"{problem}: PostgreSQL pass skipped (set CI=true to make this an error)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _skip_reasons.get("postgres")
    for item in items:
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))
        elif "postgres_only" in item.keywords and ENV.test_db != "postgres":
            item.add_marker(pytest.mark.skip(reason="PostgreSQL-only: runs in the PostgreSQL pass"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    import shutil

    from django.conf import settings

    test_dir = getattr(settings, "TEST_DIR", None)
    if test_dir is not None:
        shutil.rmtree(test_dir, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _jinja2_renders_are_recorded() -> Iterator[None]:
    """`response.context` and `response.templates` for Jinja2 pages too, as Django's test set-up gives them for its
    own engine (it instruments only that one): the backend's render announces itself with `template_rendered`."""
    from django.template.backends.jinja2 import Template
    from django.test.signals import template_rendered

    render = Template.render

    def recorded_render(self: Template, context: dict[str, Any] | None = None, request: Any = None) -> str:
        template_rendered.send(sender=self, template=self, context=dict(context or {}))
        return render(self, context, request)

    Template.render = recorded_render  # type: ignore[method-assign]
    yield
    Template.render = render  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _fresh_process_caches() -> Iterator[None]:
    """Each test starts with empty in-process caches.

    The database is rolled back between tests, but a process's local-memory caches are not: Wagtail's rendition
    cache would hand a later test the rendition of an earlier test's image with the same id. Redis caches are
    left alone (other test processes share them).
    """
    yield
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all(initialized_only=True):
        if isinstance(cache, LocMemCache):
            cache.clear()
