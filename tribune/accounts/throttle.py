"""Failure counters for the newsroom's login and password reset, shared by every app server.

A counter is a list of attempt times per key within a sliding window (TRIBUNE_LOGIN_WINDOW_SECONDS):
Redis sorted sets when REDIS_URL is set (the database while Redis is away, as for comment rate
limits), else `LoginFailure` rows. Keys are keyed hashes (tribune.engagement.identity.keyed_hash):
no username, e-mail address or network address is stored.

A key is blocked once it holds TRIBUNE_LOGIN_MAX_FAILURES attempts in the window; it is free again
when the oldest of the newest MAX attempts leaves the window.
"""

from __future__ import annotations

import secrets
import unicodedata
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import NamedTuple, Protocol

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from tribune.accounts.models import LoginFailure
from tribune.core.redis_fallback import RedisWithFallback
from tribune.engagement.identity import client_address, keyed_hash

KEY_PREFIX = "tribune:login:"


def clock() -> datetime:
    """Now; the one place tests move time."""
    return timezone.now()


def window() -> timedelta:
    return timedelta(seconds=settings.TRIBUNE_LOGIN_WINDOW_SECONDS)


class ThrottleKeys(NamedTuple):
    """The two counters one attempt is charged to: its network address and what it names (account, e-mail)."""

    address: str
    subject: str


def normalise(value: str) -> str:
    """`Redactie`, ` redactie ` and its compatibility forms are one account (Django normalises usernames NFKC)."""
    return unicodedata.normalize("NFKC", value).strip().casefold()


def _keys(request: HttpRequest, kind: str, subject: str) -> ThrottleKeys:
    return ThrottleKeys(
        address=f"{kind}-address:{keyed_hash(f'{kind}-address', client_address(request))}",
        subject=f"{kind}-subject:{keyed_hash(f'{kind}-subject', normalise(subject))}",
    )


def login_keys(request: HttpRequest, username: str) -> ThrottleKeys:
    # Whether or not the account exists: unknown usernames are counted (and refused) exactly alike.
    return _keys(request, "login", username)


def password_reset_keys(request: HttpRequest, email: str) -> ThrottleKeys:
    return _keys(request, "reset", email)


class FailureCounter(Protocol):
    def add(self, key: str, *, at: datetime) -> None:
        """Count one attempt at `at`."""

    def recent(self, key: str, *, since: datetime, limit: int) -> list[datetime]:
        """The newest `limit` attempt times after `since`, newest first."""

    def clear(self, key: str) -> None:
        """Forget every attempt against `key`."""


class DatabaseFailureCounter:
    def add(self, key: str, *, at: datetime) -> None:
        LoginFailure.objects.create(key=key, at=at)

    def recent(self, key: str, *, since: datetime, limit: int) -> list[datetime]:
        return list(
            LoginFailure.objects.filter(key=key, at__gt=since).order_by("-at").values_list("at", flat=True)[:limit]
        )

    def clear(self, key: str) -> None:
        LoginFailure.objects.filter(key=key).delete()

    @staticmethod
    def purge_expired() -> int:
        deleted, _ = LoginFailure.objects.filter(at__lte=clock() - window()).delete()
        return deleted


class RedisFailureCounter(RedisWithFallback):
    """A sorted set per key (member: unique id, score: time); the database while Redis is unreachable."""

    purpose = "login throttling"

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.fallback = DatabaseFailureCounter()

    def add(self, key: str, *, at: datetime) -> None:
        def on_redis() -> None:
            score = at.timestamp()
            seconds = int(window().total_seconds())
            with self.client.pipeline(transaction=True) as pipe:
                pipe.zadd(KEY_PREFIX + key, {f"{score:.6f}:{secrets.token_hex(4)}": score})
                pipe.zremrangebyscore(KEY_PREFIX + key, "-inf", score - seconds)
                pipe.expire(KEY_PREFIX + key, seconds)
                pipe.execute()

        self._either(on_redis, lambda: self.fallback.add(key, at=at))

    def recent(self, key: str, *, since: datetime, limit: int) -> list[datetime]:
        def on_redis() -> list[datetime]:
            # "(" makes the lower bound exclusive, as at__gt is for the database.
            entries: list[tuple[bytes, float]] = self.client.zrevrangebyscore(  # type: ignore[assignment]
                KEY_PREFIX + key, "+inf", f"({since.timestamp()}", start=0, num=limit, withscores=True
            )
            return [datetime.fromtimestamp(score, tz=UTC) for _member, score in entries]

        return self._either(on_redis, lambda: self.fallback.recent(key, since=since, limit=limit))

    def clear(self, key: str) -> None:
        self._either(lambda: self.client.delete(KEY_PREFIX + key), lambda: self.fallback.clear(key))


@cache
def _redis_counter(url: str) -> RedisFailureCounter:
    return RedisFailureCounter(url)


def failure_counter() -> FailureCounter:
    if settings.TRIBUNE_RATE_LIMIT_BACKEND == "redis":
        return _redis_counter(settings.TRIBUNE_REDIS_URL)
    return DatabaseFailureCounter()
