"""The failure counters: a sliding window per key, on the database and on Redis, hashed keys, Redis outages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import RequestFactory

from tribune.accounts import throttle
from tribune.accounts.models import LoginFailure
from tribune.accounts.receivers import housekeeping
from tribune.accounts.throttle import (
    DatabaseFailureCounter,
    RedisFailureCounter,
    failure_counter,
    login_keys,
    password_reset_keys,
)

pytestmark = pytest.mark.django_db


def test_recent_is_newest_first_within_the_window_and_limited(clock, backend):
    counter = failure_counter()
    start = clock.now
    for minutes in range(6):
        counter.add("k", at=start + timedelta(minutes=minutes))
    assert counter.recent("k", since=start, limit=10) == [start + timedelta(minutes=m) for m in range(5, 0, -1)]
    assert counter.recent("k", since=start - timedelta(seconds=1), limit=2) == [
        start + timedelta(minutes=5),
        start + timedelta(minutes=4),
    ]
    assert counter.recent("other", since=start, limit=10) == []


def test_clear_forgets_one_key_only(clock, backend):
    counter = failure_counter()
    counter.add("a", at=clock.now)
    counter.add("b", at=clock.now)
    counter.clear("a")
    since = clock.now - timedelta(hours=1)
    assert counter.recent("a", since=since, limit=5) == []
    assert counter.recent("b", since=since, limit=5) == [clock.now]


def test_backend_follows_the_setting(backend):
    expected = RedisFailureCounter if backend == "redis" else DatabaseFailureCounter
    assert isinstance(failure_counter(), expected)


def test_housekeeping_drops_rows_older_than_the_window(clock):
    counter = DatabaseFailureCounter()
    counter.add("old", at=clock.now - timedelta(hours=1, seconds=1))
    counter.add("new", at=clock.now - timedelta(minutes=59))
    housekeeping(sender=None)
    assert list(LoginFailure.objects.values_list("key", flat=True)) == ["new"]


def test_redis_outage_falls_back_to_the_database(clock, caplog):
    counter = RedisFailureCounter("redis://127.0.0.1:1/0")  # nothing listens there
    counter.add("k", at=clock.now)
    assert LoginFailure.objects.filter(key="k").count() == 1
    assert counter.recent("k", since=clock.now - timedelta(hours=1), limit=5) == [clock.now]
    counter.clear("k")
    assert not LoginFailure.objects.exists()
    assert "Redis unavailable for login throttling" in caplog.text


def test_keys_are_hashed_and_normalised():
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.44")
    keys = login_keys(request, "Redactie")
    assert keys == login_keys(RequestFactory().post("/", REMOTE_ADDR="192.0.2.44"), "  redactie ")
    assert "redactie" not in "".join(keys).lower()
    assert "192.0.2.44" not in "".join(keys)
    assert keys.address.startswith("login-address:")
    assert keys.subject.startswith("login-subject:")
    # Login and password reset count apart, even for the same words.
    assert set(password_reset_keys(request, "Redactie")).isdisjoint(keys)


def test_clock_is_timezone_aware():
    assert throttle.clock().tzinfo is not None
