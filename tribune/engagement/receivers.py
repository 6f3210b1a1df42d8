from __future__ import annotations

from typing import Any

from tribune.engagement.ratelimit import DatabaseRateLimiter
from tribune.engagement.services import addresses_erase_expired, poll_sync
from tribune.newsroom.models import Article


def sync_poll(sender: type[Article], instance: Article, **kwargs: Any) -> None:
    poll_sync(article=instance)


def housekeeping(sender: Any, **kwargs: Any) -> None:
    """Once per scheduler tick: erase expired network addresses, drop spent rate-limit rows."""
    addresses_erase_expired()
    DatabaseRateLimiter.purge_expired()
