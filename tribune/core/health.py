"""`GET /gezond/`: is this app server able to answer readers? For load balancers, nginx checks and monitoring.

Checks the database (`SELECT 1`) and, when `REDIS_URL` is set, Redis (`PING`, one-second timeouts). Answers
200 with `"status": "ok"` when every check passes, else 503 with `"status": "fail"`; never a 500, whatever is
down. The answer is `no-store`: neither nginx, a CDN nor Tribune's own page cache may keep it.

Only the failing exception's class name is shown (`"error": "OperationalError"`): the endpoint is public, and
messages can carry host names and users. The full message goes to the log.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import cache
from typing import Any

import redis
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# A health check that hangs is worse than one that fails: load balancers time out at a few seconds.
REDIS_TIMEOUT_SECONDS = 1.0

Check = dict[str, Any]


def _timed(name: str, probe: Callable[[], None]) -> Check:
    started = time.perf_counter()
    try:
        probe()
    except Exception as error:  # any failure of a dependency is a "fail", never a 500
        logger.warning("health check %s failed: %s: %s", name, error.__class__.__name__, error)
        return {"ok": False, "ms": _ms(started), "error": error.__class__.__name__}
    return {"ok": True, "ms": _ms(started)}


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


@cache
def _redis_client(url: str) -> redis.Redis:
    # One client (and connection pool) per process: a check costs one round trip, not a connection.
    return redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS)


def _redis() -> None:
    if not _redis_client(settings.TRIBUNE_REDIS_URL).ping():
        raise redis.RedisError("PING was not answered with PONG")


def run_checks() -> dict[str, Check]:
    checks = {"database": _timed("database", _database)}
    if settings.TRIBUNE_REDIS_URL:
        checks["redis"] = _timed("redis", _redis)
    return checks


@require_safe
def health(request: HttpRequest) -> JsonResponse:
    checks = run_checks()
    ok = all(check["ok"] for check in checks.values())
    response = JsonResponse({"status": "ok" if ok else "fail", "checks": checks}, status=200 if ok else 503)
    response["Cache-Control"] = "no-store"
    return response
