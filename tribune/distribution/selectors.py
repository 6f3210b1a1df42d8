"""Reads for feeds and sitemaps. Fixed query counts; sitemap pages read columns, not models."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from tribune.core.images import specs_for
from tribune.newsroom.models import Article, ArticleAuthor, Author, NewsImageRendition, Section
from tribune.taxonomy.models import ArticleTag, Tag

FEED_IMAGE_SET = "teaser"


def feed_articles(
    *, section: Section | None = None, tag: Tag | None = None, author: Author | None = None
) -> list[Article]:
    """The newest TRIBUNE_FEED_ITEMS live articles of a scope, with authors, tags and image renditions (5 queries)."""
    articles = Article.objects.filter(live=True)
    if section is not None:
        articles = articles.filter(section=section)
    if tag is not None:
        # Through the link rows' own (tag, published_at) index, as the tag page does.
        ids = ArticleTag.objects.filter(tag=tag, live=True).order_by("-published_at", "-article_id")
        articles = articles.filter(pk__in=list(ids.values_list("article_id", flat=True)[: settings.TRIBUNE_FEED_ITEMS]))
    if author is not None:
        ids = ArticleAuthor.objects.filter(author=author, live=True).order_by("-published_at", "-article_id")
        articles = articles.filter(pk__in=list(ids.values_list("article_id", flat=True)[: settings.TRIBUNE_FEED_ITEMS]))
    if not settings.TRIBUNE_FEED_FULL_TEXT:
        articles = articles.defer("body")
    return list(
        articles.select_related("section", "image")
        .defer("image__file_hash")
        .prefetch_related(
            Prefetch("author_links", queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order")),
            Prefetch("tag_links", queryset=ArticleTag.objects.select_related("tag").order_by("sort_order")),
            Prefetch(
                "image__renditions",
                queryset=NewsImageRendition.objects.filter(filter_spec__in=specs_for(FEED_IMAGE_SET)),
                to_attr="prefetched_renditions",
            ),
        )
        .order_by("-first_published_at", "-id")[: settings.TRIBUNE_FEED_ITEMS]
    )


def feed_updated_at(articles: list[Article]) -> datetime | None:
    moments = [a.last_published_at or a.first_published_at for a in articles if a.first_published_at]
    return max(moments) if moments else None


# --- sitemaps ---


@dataclass(frozen=True)
class SitemapRow:
    path: str
    lastmod: datetime | None
    image_path: str = ""
    title: str = ""
    published_at: datetime | None = None


def article_sitemap_pages() -> list[int]:
    """The id buckets (TRIBUNE_SITEMAP_PAGE_SIZE ids each) that hold at least one live article.

    A recursive query hops from bucket to bucket with one index seek each, so the
    index of a million-article site costs a few hundred seeks, not a scan.
    """
    size = settings.TRIBUNE_SITEMAP_PAGE_SIZE
    table = Article._meta.db_table
    sql = f"""
        WITH RECURSIVE buckets(page) AS (
            SELECT (SELECT MIN(id) FROM {table} WHERE live) / %s
            UNION ALL
            SELECT (SELECT MIN(id) FROM {table} WHERE live AND id >= (buckets.page + 1) * %s) / %s
            FROM buckets WHERE buckets.page IS NOT NULL
        )
        SELECT page FROM buckets WHERE page IS NOT NULL
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [size, size, size])
        return [int(row[0]) for row in cursor.fetchall()]


def article_sitemap_rows(*, page: int) -> Iterator[SitemapRow]:
    """Live articles with ids in one bucket: a primary-key range scan, read as tuples."""
    size = settings.TRIBUNE_SITEMAP_PAGE_SIZE
    from tribune.newsroom.models import article_path

    rows = (
        Article.objects.filter(live=True, id__gte=page * size, id__lt=(page + 1) * size)
        .order_by("id")
        .values_list("id", "slug", "section__slug", "last_published_at", "first_published_at", "image__file")
    )
    for pk, slug, section_slug, last, first, image_file in rows.iterator(chunk_size=2000):
        yield SitemapRow(
            path=article_path(section_slug=section_slug, slug=slug, pk=pk),
            lastmod=last or first,
            image_path=f"{settings.MEDIA_URL}{image_file}" if image_file else "",
        )


def news_sitemap_rows(*, now: datetime | None = None) -> list[SitemapRow]:
    """Articles of the last TRIBUNE_NEWS_SITEMAP_HOURS hours, newest first (Google News takes at most 1,000)."""
    from tribune.newsroom.models import article_path

    since = (now or timezone.now()) - timedelta(hours=settings.TRIBUNE_NEWS_SITEMAP_HOURS)
    rows = (
        Article.objects.filter(live=True, first_published_at__gte=since)
        .order_by("-first_published_at", "-id")
        .values_list("id", "slug", "section__slug", "headline", "first_published_at", "last_published_at")[:1000]
    )
    return [
        SitemapRow(
            path=article_path(section_slug=section_slug, slug=slug, pk=pk),
            lastmod=last or first,
            title=headline,
            published_at=first,
        )
        for pk, slug, section_slug, headline, first, last in rows
    ]


def section_sitemap_rows() -> list[SitemapRow]:
    return [SitemapRow(path=section.get_absolute_url(), lastmod=None) for section in Section.objects.all()]


def _linked_rows(model: Any, links: QuerySet[Any], key: str) -> list[SitemapRow]:
    """Tags or authors with a live article, each dated by its newest one: one index seek per row."""
    newest = links.filter(**{key: OuterRef("pk")}, live=True).order_by("-published_at").values("published_at")[:1]
    rows = model.objects.annotate(newest=Subquery(newest)).filter(newest__isnull=False).order_by("pk")
    return [SitemapRow(path=obj.get_absolute_url(), lastmod=obj.newest) for obj in rows]


def tag_sitemap_rows() -> list[SitemapRow]:
    return _linked_rows(Tag, ArticleTag.objects.all(), "tag")


def author_sitemap_rows() -> list[SitemapRow]:
    return _linked_rows(Author, ArticleAuthor.objects.all(), "author")
