"""Rankings: which articles a reader sees listed beside the news."""

from __future__ import annotations

from tribune.newsroom.selectors import ArticleRow, article_rows


def recent_articles(*, limit: int, with_images: bool = True) -> list[ArticleRow]:
    """ "Meest recent": the newest live articles, one query (rows, not models: see ArticleRow)."""
    return article_rows(limit=limit, with_images=with_images)
