"""Django's Redis cache, made to degrade rather than fail when Redis is away.

The cache only ever holds what can be computed again (image renditions, for one), so a
Redis outage should make the site slower, not broken: every read is a miss, every write
is dropped, and a warning is logged (once per outage, not once per call). redis-py
reconnects by itself on the next call, so the site recovers when Redis is back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Between two warnings about the same outage.
_WARN_EVERY_SECONDS = 30.0
# After a failure, calls skip Redis this long: an unreachable host must not cost every request a timeout.
RETRY_AFTER_SECONDS = 2.0
_state = {"warned": 0.0, "down_until": 0.0}


def _failed(error: Exception) -> None:
    now = time.monotonic()
    _state["down_until"] = now + RETRY_AFTER_SECONDS
    if now - _state["warned"] > _WARN_EVERY_SECONDS:
        _state["warned"] = now
        logger.warning("Redis cache unavailable (%s); serving without it", error)


def _tolerant(name: str, fallback: Callable[..., Any]) -> Callable[..., Any]:
    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        if time.monotonic() < _state["down_until"]:
            return fallback(*args, **kwargs)
        try:
            return getattr(RedisCacheClient, name)(self, *args, **kwargs)
        except RedisError as error:
            _failed(error)
            return fallback(*args, **kwargs)

    method.__name__ = name
    return method


class _TolerantClient(RedisCacheClient):
    get = _tolerant("get", lambda key, default: default)
    get_many = _tolerant("get_many", lambda keys: {})
    set = _tolerant("set", lambda *args, **kwargs: None)
    add = _tolerant("add", lambda *args, **kwargs: False)
    touch = _tolerant("touch", lambda *args, **kwargs: False)
    delete = _tolerant("delete", lambda *args, **kwargs: False)
    has_key = _tolerant("has_key", lambda *args, **kwargs: False)
    set_many = _tolerant("set_many", lambda *args, **kwargs: [])
    delete_many = _tolerant("delete_many", lambda *args, **kwargs: None)
    clear = _tolerant("clear", lambda *args, **kwargs: False)


class TolerantRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _TolerantClient
