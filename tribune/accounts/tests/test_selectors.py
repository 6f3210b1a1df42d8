from __future__ import annotations

from datetime import timedelta

import pytest

from tribune.accounts.selectors import throttle_retry_at
from tribune.accounts.services import failure_record, failures_clear

pytestmark = pytest.mark.django_db


def test_free_until_the_fifth_failure_then_an_hour_after_the_oldest_counted(clock, backend):
    start = clock.now
    for _ in range(4):
        failure_record(keys=["a", "b"])
        clock.advance(minutes=1)
    assert throttle_retry_at(keys=["a", "b"]) is None
    failure_record(keys=["a"])
    assert throttle_retry_at(keys=["a", "b"]) == start + timedelta(hours=1)
    assert throttle_retry_at(keys=["b"]) is None


def test_the_latest_key_decides(clock, backend):
    for _ in range(5):
        failure_record(keys=["early"])
    clock.advance(minutes=20)
    for _ in range(5):
        failure_record(keys=["late"])
    assert throttle_retry_at(keys=["early", "late"]) == clock.now + timedelta(hours=1)


def test_clearing_frees_the_key(clock, backend):
    for _ in range(5):
        failure_record(keys=["a"])
    failures_clear(key="a")
    assert throttle_retry_at(keys=["a"]) is None
