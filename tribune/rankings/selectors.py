"""Rankings: which articles a reader sees listed beside the news."""

from __future__ import annotations

from tribune.newsroom.models import Article
from tribune.newsroom.selectors import article_listing_queryset


def recent_articles(*, limit: int) -> list[Article]:
    """ "Meest recent": the newest live articles, one query."""
    return list(article_listing_queryset().order_by("-first_published_at", "-id")[:limit])
