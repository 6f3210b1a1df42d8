from __future__ import annotations

from django.http import Http404

from tribune.core.compiled import CompiledQuery
from tribune.core.pagination import Cursor, Direction, KeysetPage
from tribune.newsroom.models import Article
from tribune.newsroom.selectors import linked_article_page
from tribune.taxonomy.models import ArticleTag, Tag

_TAG_FIELDS = tuple(field.attname for field in Tag._meta.concrete_fields)
# On every article page: compiled once (tribune.core.compiled).
_ARTICLE_TAGS = CompiledQuery(
    lambda *, article: (
        ArticleTag.objects.filter(article_id=article)
        .order_by("sort_order")
        .values_list(*(f"tag__{name}" for name in _TAG_FIELDS))
    ),
    values=("article",),
)


def article_tags(*, article: Article) -> list[Tag]:
    """The article's tags in the order the newsroom gave them."""
    db = Tag.objects.db
    return [Tag.from_db(db, _TAG_FIELDS, row) for row in _ARTICLE_TAGS.rows(using=db, article=article.pk)]


def tag_get(*, slug: str) -> Tag:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("tag")
    return tag


def tag_article_page(*, tag: Tag, cursor: Cursor | None, direction: Direction) -> KeysetPage:
    """Articles about a tag, newest first, keyed on the link row (see ListingKeysMixin)."""
    return linked_article_page(ArticleTag.objects.filter(tag=tag), cursor=cursor, direction=direction)
