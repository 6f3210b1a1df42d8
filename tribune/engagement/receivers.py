from __future__ import annotations

from typing import Any

from tribune.engagement.services import poll_sync
from tribune.newsroom.models import Article


def sync_poll(sender: type[Article], instance: Article, **kwargs: Any) -> None:
    poll_sync(article=instance)
