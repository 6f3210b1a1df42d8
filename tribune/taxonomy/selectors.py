from __future__ import annotations

from django.http import Http404

from tribune.core.pagination import Cursor, Direction, KeysetPage
from tribune.newsroom.selectors import linked_article_page
from tribune.taxonomy.models import ArticleTag, Tag


def tag_get(*, slug: str) -> Tag:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("tag")
    return tag


def tag_article_page(*, tag: Tag, cursor: Cursor | None, direction: Direction) -> KeysetPage:
    """Articles about a tag, newest first, keyed on the link row (see ListingKeysMixin)."""
    return linked_article_page(ArticleTag.objects.filter(tag=tag), cursor=cursor, direction=direction)
