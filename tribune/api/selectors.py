"""Reads for the content API, built from the domain apps' selectors and pagination.

The reader site's archive selectors (`section_article_page`, `linked_article_page`)
fix the page size and know no date range; the API composes the same querysets,
indexes and `keyset_page` with the caller's `limit`, `since` and `until`. Every
function costs a fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce

from tribune.core.images import filters_for
from tribune.core.pagination import Cursor, KeysetPage, keyset_page
from tribune.newsroom.models import Article, ArticleAuthor, Author, NewsImage, NewsImageRendition, Section
from tribune.newsroom.selectors import article_listing_queryset, prefetch_images
from tribune.taxonomy.models import ArticleTag, Tag

# The lead image in listings and on the article: the largest "wide" crop (16:9, 1,200 px).
LEAD_IMAGE_SET = "wide"
# Body images: the widest "body" rendition (1,200 px wide, its own height).
BODY_IMAGE_SET = "body"


def article_page(
    *,
    section: Section | None = None,
    tag: Tag | None = None,
    author: Author | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: Cursor | None = None,
    size: int,
) -> KeysetPage:
    """Live articles newest first, filtered, one keyset page (4 queries).

    With a tag or an author the page walks that link table's (…, -published_at)
    index, as the tag and author archives do; otherwise article_live_recent or
    article_live_section_recent.
    """
    if tag is not None or author is not None:
        links: QuerySet[Any]
        if tag is not None:
            links = ArticleTag.objects.filter(tag=tag)
            if author is not None:
                links = links.filter(article__author_links__author=author)
        else:
            links = ArticleAuthor.objects.filter(author=author)
        links = links.filter(live=True)
        if section is not None:
            links = links.filter(article__section=section)
        if since is not None:
            links = links.filter(published_at__gte=since)
        if until is not None:
            links = links.filter(published_at__lte=until)
        links = (
            links.select_related("article", "article__section", "article__image")
            .defer("article__body", "article__image__file_hash")
            .annotate(reaction_count=Coalesce(F("article__engagement__reaction_count"), 0))
        )
        page = keyset_page(
            links,
            date_field="published_at",
            pk_field="article_id",
            size=size,
            cursor=cursor,
            item_key=lambda link: (link.published_at, link.article_id),
        )
        articles = []
        for link in page.items:
            link.article.reaction_count = link.reaction_count
            articles.append(link.article)
        page = KeysetPage(items=articles, older=page.older, newer=page.newer)
    else:
        queryset = article_listing_queryset()
        keys = Article.objects.filter(live=True)
        if section is not None:
            queryset, keys = queryset.filter(section=section), keys.filter(section=section)
        if since is not None:
            queryset, keys = queryset.filter(first_published_at__gte=since), keys.filter(first_published_at__gte=since)
        if until is not None:
            queryset, keys = queryset.filter(first_published_at__lte=until), keys.filter(first_published_at__lte=until)
        page = keyset_page(
            queryset, keys=keys, date_field="first_published_at", pk_field="id", size=size, cursor=cursor
        )
    attach_bylines(page.items)
    prefetch_images(page.items, (LEAD_IMAGE_SET,))
    return page


def attach_bylines(articles: list[Any]) -> None:
    """Give each article `api_authors` and `api_tags`, in their editorial order (two queries, none when empty)."""
    authors: dict[int, list[Author]] = defaultdict(list)
    tags: dict[int, list[Tag]] = defaultdict(list)
    ids = [article.pk for article in articles]
    if ids:
        for author_link in (
            ArticleAuthor.objects.filter(article_id__in=ids).select_related("author").order_by("sort_order", "pk")
        ):
            authors[author_link.article_id].append(author_link.author)
        for tag_link in (
            ArticleTag.objects.filter(article_id__in=ids).select_related("tag").order_by("sort_order", "pk")
        ):
            tags[tag_link.article_id].append(tag_link.tag)
    for article in articles:
        article.api_authors = authors[article.pk]
        article.api_tags = tags[article.pk]


def article_get(*, pk: int) -> Article | None:
    """A live article with its bylines, lead image rendition, and its body's targets and images (at most 8 queries)."""
    article = article_listing_queryset().defer(None).filter(pk=pk).first()
    if article is None:
        return None
    attach_bylines([article])
    prefetch_images([article], (LEAD_IMAGE_SET,))
    targets = [block.value for block in article.body if block.block_type == "read_also" and block.value]
    # Stream values hold their own instances: load the targets' sections in one query.
    sections = Section.objects.in_bulk({target.section_id for target in targets})
    for target in targets:
        target.section = sections[target.section_id]
    images = [block.value["image"] for block in article.body if block.block_type == "image" and block.value["image"]]
    if images:
        by_image: dict[int, list[NewsImageRendition]] = {image.pk: [] for image in images}
        specs = [spec.spec for spec in filters_for(BODY_IMAGE_SET)]
        for rendition in NewsImageRendition.objects.filter(image__in=by_image, filter_spec__in=specs):
            by_image[rendition.image_id].append(rendition)
        for image in images:
            image.prefetched_renditions = list(by_image[image.pk])
    return article


def image_rendition(image: NewsImage, set_name: str) -> NewsImageRendition:
    """The largest rendition of a named set (made on first use, like the reader pages do)."""
    # The whole set at once, as the templates ask: get_rendition() alone reads the deferred file hash.
    filters = filters_for(set_name)
    return image.get_renditions(*filters)[filters[-1].spec]  # type: ignore[return-value]
