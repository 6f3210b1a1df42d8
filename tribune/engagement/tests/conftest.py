"""Fixtures for the engagement tests: the real Redis (fail on CI, skip with a reason elsewhere) and the
Wagtail rows a flushed (transactional) test database lacks."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from config.env import ENV

# The rate-limiter tests talk to this Redis; REDIS_URL wins when it is set.
TEST_REDIS_URL = ENV.redis_url or "redis://127.0.0.1:6379/0"

_redis_problem: list[str | None] = []


def _redis_unreachable() -> str | None:
    """Why Redis cannot be used (None when it answers PING), checked once per test process."""
    if not _redis_problem:
        import redis

        try:
            client = redis.Redis.from_url(TEST_REDIS_URL, socket_timeout=2.0, socket_connect_timeout=2.0)
            client.ping()
            client.close()
            _redis_problem.append(None)
        except redis.RedisError as exc:
            _redis_problem.append(f"Redis at {TEST_REDIS_URL} is not reachable ({exc.__class__.__name__})")
    return _redis_problem[0]


@pytest.fixture
def redis_url() -> str:
    """The URL of a Redis that answers; skips the test without one, fails it when CI=true (as for PostgreSQL)."""
    problem = _redis_unreachable()
    if problem and ENV.ci:
        pytest.fail(f"{problem}; CI=true requires it.", pytrace=False)
    if problem:
        pytest.skip(f"{problem}: Redis tests skipped (set CI=true to make this an error)")
    return TEST_REDIS_URL


@contextmanager
def own_redis_keys(redis_url: str, monkeypatch: pytest.MonkeyPatch, module: Any, kind: str) -> Iterator[str]:
    """`module.KEY_PREFIX` made this test's own, so parallel runs on one Redis never share a key; its keys are
    removed afterwards."""
    import redis

    prefix = f"tribune-test:{uuid.uuid4().hex}:{kind}:"
    monkeypatch.setattr(module, "KEY_PREFIX", prefix)
    yield prefix
    client = redis.Redis.from_url(redis_url, socket_timeout=2.0)
    keys = list(client.scan_iter(match=f"{prefix}*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()


@pytest.fixture
def redis_prefix(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The rate limiter's keys, this test's own."""
    from tribune.engagement import ratelimit

    with own_redis_keys(redis_url, monkeypatch, ratelimit, "rl") as prefix:
        yield prefix


@pytest.fixture
def default_site(db: Any) -> Any:
    """Wagtail's default Site (CommentPolicy hangs off it). A transactional test starts from a flushed
    database, without the rows Wagtail's migrations made, so this puts them back when they are missing."""
    from wagtail.models import Locale, Page, Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    return Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)
