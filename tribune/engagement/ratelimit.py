"""Rate limits shared by every app server: Redis in production, the database on the embedded default.

A limit is a slot per key ("one comment per 15 s for this reader"): taking the slot
succeeds when nobody holds it, and it frees itself after the interval. Both backends
take it in one atomic step, so two app servers cannot both get it.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cache
from typing import Protocol

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from tribune.core.redis_fallback import RedisWithFallback
from tribune.engagement.models import RateLimitSlot

KEY_PREFIX = "tribune:rl:"


class RateLimiter(Protocol):
    def take(self, key: str, *, seconds: int) -> bool:
        """Take the slot `key` for `seconds`; False when it is still taken."""

    def release(self, key: str) -> None:
        """Free a slot early (a refused comment should not cost the reader a wait)."""


class DatabaseRateLimiter:
    def take(self, key: str, *, seconds: int) -> bool:
        now = timezone.now()
        until = now + timedelta(seconds=seconds)
        with transaction.atomic():
            # A conditional UPDATE is the atomic test-and-set; the INSERT covers a first use.
            if RateLimitSlot.objects.filter(key=key, until__lte=now).update(until=until):
                return True
            try:
                with transaction.atomic():
                    RateLimitSlot.objects.create(key=key, until=until)
            except IntegrityError:
                return False
            return True

    def release(self, key: str) -> None:
        RateLimitSlot.objects.filter(key=key).delete()

    @staticmethod
    def purge_expired() -> int:
        deleted, _ = RateLimitSlot.objects.filter(until__lte=timezone.now()).delete()
        return deleted


class RedisRateLimiter(RedisWithFallback):
    """Redis, and the database while Redis is away: a comment is never refused or lost for want of Redis.

    During an outage the limits hold per database (shared by every app server too), just
    slower; after RETRY_SECONDS the next call tries Redis again, so it recovers by itself.
    """

    purpose = "rate limits"

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.fallback = DatabaseRateLimiter()

    def take(self, key: str, *, seconds: int) -> bool:
        return self._either(
            lambda: bool(self.client.set(KEY_PREFIX + key, b"1", nx=True, ex=seconds)),
            lambda: self.fallback.take(key, seconds=seconds),
        )

    def release(self, key: str) -> None:
        self._either(lambda: self.client.delete(KEY_PREFIX + key), lambda: self.fallback.release(key))


@cache
def _redis_limiter(url: str) -> RedisRateLimiter:
    return RedisRateLimiter(url)


def rate_limiter() -> RateLimiter:
    if settings.TRIBUNE_RATE_LIMIT_BACKEND == "redis":
        return _redis_limiter(settings.TRIBUNE_REDIS_URL)
    return DatabaseRateLimiter()
