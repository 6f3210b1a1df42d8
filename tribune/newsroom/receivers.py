from __future__ import annotations

from typing import Any

from tribune.newsroom.models import Article
from tribune.newsroom.services import article_sync_listing_keys


def sync_listing_keys(sender: type[Article], instance: Article, **kwargs: Any) -> None:
    article_sync_listing_keys(article=instance)
