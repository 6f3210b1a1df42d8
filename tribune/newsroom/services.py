"""Writes for the newsroom: creating, publishing and scheduling articles."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from tribune.newsroom.models import Article, ArticleAuthor, Author, NewsImage, Section


def article_sync_listing_keys(*, article: Article) -> None:
    """Copy the article's live flag and publication time onto its link rows."""
    from tribune.taxonomy.models import ArticleTag

    values = {"live": article.live, "published_at": article.first_published_at}
    ArticleAuthor.objects.filter(article_id=article.pk).update(**values)
    ArticleTag.objects.filter(article_id=article.pk).update(**values)


@contextmanager
def _reference_index_once(get_article: Any) -> Iterator[None]:
    """Update Wagtail's reference index once per write instead of once per saved row.

    Every author and tag row re-indexes its whole article on save; for a typical
    article that is ten passes and over half the cost of publishing.
    """
    with disable_reference_index_auto_update():
        yield
    ReferenceIndex.create_or_update_for_object(get_article())


@transaction.atomic
def article_create(
    *,
    headline: str,
    section: Section,
    lead: str,
    authors: Sequence[Author],
    body: list[dict[str, Any]] | None = None,
    tags: Sequence[Any] = (),
    image: NewsImage | None = None,
    image_caption: str = "",
    slug: str = "",
    is_featured: bool = False,
    user: Any = None,
) -> Article:
    """A new draft with its first revision, as the newsroom's "Opslaan" makes it."""
    from tribune.taxonomy.models import ArticleTag

    article = Article(
        headline=headline,
        slug=slug,
        section=section,
        lead=lead,
        body=body or [],
        image=image,
        image_caption=image_caption,
        is_featured=is_featured,
        live=False,
    )
    article.author_links = [ArticleAuthor(author=author, sort_order=i) for i, author in enumerate(authors)]
    article.tag_links = [ArticleTag(tag=tag, sort_order=i) for i, tag in enumerate(tags)]
    article.full_clean(exclude=["body"])
    with _reference_index_once(lambda: article):
        article.save()
        article.save_revision(user=user, log_action=True)
    return article


@transaction.atomic
def article_publish(*, article: Article, user: Any = None, go_live_at: datetime | None = None) -> Article:
    """Publish the latest revision now, or schedule it when `go_live_at` is in the future."""
    if go_live_at is not None:
        article.go_live_at = go_live_at
    with _reference_index_once(lambda: article):
        revision = article.save_revision(user=user, log_action=True)
        revision.publish(user=user)
        article.refresh_from_db()
    return article


@transaction.atomic
def article_unpublish(*, article: Article, user: Any = None) -> Article:
    article.unpublish(user=user)
    article.refresh_from_db()
    return article


def article_is_scheduled(*, article: Article) -> bool:
    return bool(article.go_live_at and article.go_live_at > timezone.now() and not article.live)
