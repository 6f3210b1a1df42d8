"""Redis for shared counters, stepping aside for a moment after each error.

Rate limits and login throttles keep their state in Redis when there is one and in the
database otherwise. While Redis is away they use the database (every app server shares
it, so limits still hold); RETRY_SECONDS after the last error the next call tries Redis
again, so they return to it by themselves and an unreachable host never costs every
request a timeout.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


class RedisWithFallback:
    RETRY_SECONDS = 2.0
    # What the warning says this Redis is for.
    purpose = "shared counters"

    def __init__(self, url: str) -> None:
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        self.down_until = 0.0

    def _redis_usable(self) -> bool:
        return time.monotonic() >= self.down_until

    def _failed(self, error: Exception) -> None:
        if self._redis_usable():
            logger.warning("Redis unavailable for %s (%s); using the database", self.purpose, error)
        self.down_until = time.monotonic() + self.RETRY_SECONDS

    def _either(self, on_redis: Callable[[], T], on_database: Callable[[], T]) -> T:
        """`on_redis()`, or `on_database()` while Redis is away (and when this call finds it away)."""
        from redis.exceptions import RedisError

        if self._redis_usable():
            try:
                return on_redis()
            except RedisError as error:
                self._failed(error)
        return on_database()
