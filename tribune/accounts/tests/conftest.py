"""Fixtures for the accounts tests: a movable clock, each counter backend (the real Redis: fail on CI,
skip with a reason elsewhere) and a newsroom user."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tribune.accounts import throttle
from tribune.engagement.tests.conftest import own_redis_keys, redis_url  # noqa: F401  (the shared Redis fixture)

PASSWORD = "juist-wachtwoord-17"


class FrozenClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def _mail_queue_drained(settings: Any) -> Iterator[None]:
    """No reset mail queued by one test lands in the next test's outbox or runs after its settings are gone
    (asking for `settings` makes this teardown run before the settings fixture restores them)."""
    from tribune.accounts import mailer

    yield
    assert mailer.flush(timeout=30), "the background mail queue did not drain"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FrozenClock:
    """Throttle time stands still at 13:32 UTC (14:32 in Brussels) until a test moves it."""
    frozen = FrozenClock(datetime(2026, 11, 27, 13, 32, tzinfo=UTC))
    monkeypatch.setattr(throttle, "clock", frozen)
    return frozen


@pytest.fixture(params=["database", "redis"])
def backend(request: pytest.FixtureRequest, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the test on the database counters and on Redis (with a key prefix of its own, removed afterwards)."""
    if request.param == "database":
        settings.TRIBUNE_RATE_LIMIT_BACKEND = "database"
        yield "database"
        return
    url = request.getfixturevalue("redis_url")
    with own_redis_keys(url, monkeypatch, throttle, "login"):
        settings.TRIBUNE_RATE_LIMIT_BACKEND = "redis"
        settings.TRIBUNE_REDIS_URL = url
        yield "redis"


@pytest.fixture
def editor(db: Any) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("redactie", "redactie@example.com", PASSWORD)
