"""Reads: whether an attempt may go ahead, and if not, from when."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings

from tribune.accounts import throttle
from tribune.accounts.throttle import failure_counter, window


def throttle_retry_at(*, keys: Iterable[str]) -> datetime | None:
    """When the next attempt is allowed, or None when it is allowed now.

    A key is blocked while it holds TRIBUNE_LOGIN_MAX_FAILURES attempts in the window; it frees
    when the MAX-th newest of them is a window old. The latest of the keys' times wins.
    """
    limit = settings.TRIBUNE_LOGIN_MAX_FAILURES
    counter, now = failure_counter(), throttle.clock()
    retry_at: datetime | None = None
    for key in keys:
        times = counter.recent(key, since=now - window(), limit=limit)
        if len(times) >= limit:
            free_at = times[limit - 1] + window()
            retry_at = free_at if retry_at is None else max(retry_at, free_at)
    return retry_at
