"""Reads for the reader pages. Every function costs a fixed number of queries."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import F, Prefetch, QuerySet, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.http import Http404

from tribune.core.compiled import CompiledQuery
from tribune.core.images import specs_for
from tribune.core.pagination import Cursor, Direction, KeysetPage, keyset_page
from tribune.newsroom.models import Article, ArticleAuthor, Author, NewsImage, NewsImageRendition, Section


def _renditions(*set_names: str, lookup: str = "image__renditions") -> Prefetch:
    return Prefetch(
        lookup,
        queryset=NewsImageRendition.objects.filter(filter_spec__in=specs_for(*set_names)),
        to_attr="prefetched_renditions",
    )


def article_listing_queryset(*, image_sets: tuple[str, ...] = ()) -> QuerySet[Article]:
    """Live articles with what a teaser shows: section, image, reaction count."""
    queryset = (
        Article.objects.filter(live=True)
        .select_related("section", "image")
        .defer("body", "image__file_hash")
        .annotate(reaction_count=Coalesce(F("engagement__reaction_count"), 0))
    )
    if image_sets:
        queryset = queryset.prefetch_related(_renditions(*image_sets))
    return queryset


class ArticleRow:
    """What a teaser or a "Meest recent" row shows of a live article, without the model.

    The home page lists about 60 articles. Building each as an `Article` (some 30
    fields, ClusterableModel's constructor walking every relation, a `Section` per
    row) cost more than the SQL; a row reads the same joined columns into slots,
    shares one `Section` per section, and builds a `NewsImage` only when there is
    one. It compares equal to the `Article` with the same id.
    """

    __slots__ = (
        "first_published_at",
        "headline",
        "image",
        "image_id",
        "is_featured",
        "lead",
        "pk",
        "reaction_count",
        "section",
        "section_id",
        "slug",
    )

    pk: int
    headline: str
    slug: str
    lead: str
    first_published_at: Any
    is_featured: bool
    image_id: int | None
    section_id: int
    reaction_count: int
    section: Section
    image: NewsImage | None

    @property
    def id(self) -> int:
        return self.pk

    def get_absolute_url(self) -> str:
        return Article.get_absolute_url(self)  # type: ignore[arg-type]  # one definition of the address

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (ArticleRow, Article)):
            return self.pk == other.pk
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.pk)

    def __repr__(self) -> str:
        return f"<ArticleRow {self.pk}: {self.headline}>"


_ROW_FIELDS = ("id", "headline", "slug", "lead", "first_published_at", "is_featured", "image_id", "section_id")
_SECTION_FIELDS = tuple(field.attname for field in Section._meta.concrete_fields)
# As article_listing_queryset: everything but the file hash, which no reader page needs.
_IMAGE_FIELDS = tuple(field.attname for field in NewsImage._meta.concrete_fields if field.name != "file_hash")
_ROW_COLUMNS = (
    *_ROW_FIELDS,
    "reaction_count",
    *(f"section__{name}" for name in _SECTION_FIELDS),
    *(f"image__{name}" for name in _IMAGE_FIELDS),
)


@cache
def _row_query() -> QuerySet[Any]:
    # Resolving some 30 joined column names took longer than running the query;
    # it happens once per process, and each call clones the result.
    return article_listing_queryset().values_list(*_ROW_COLUMNS).order_by("-first_published_at", "-id")


# "Meest recent" on every page: the newest `limit` rows, compiled once per limit (tribune.core.compiled).
_NEWEST_ROWS = CompiledQuery(lambda *, limit: _row_query()[:limit], values=())


def article_rows(
    *,
    limit: int | None = None,
    pks: list[int] | None = None,
    image_sets: tuple[str, ...] = (),
    with_images: bool = True,
) -> list[ArticleRow]:
    """Live articles as rows, newest first: the newest `limit`, or those in `pks`.

    One query, plus one for the renditions of `image_sets` when a row has an image. With `with_images=False` the rows
    carry no image (`image` is None) for lists that show none: building Wagtail's image model was a tenth of the
    article page's CPU.
    """
    queryset = _row_query()
    db = queryset.db
    if pks is None and limit is not None:
        results: Any = _NEWEST_ROWS.rows(using=db, shape={"limit": limit})
    else:
        if pks is not None:
            queryset = queryset.filter(pk__in=pks)
        if limit is not None:
            queryset = queryset[:limit]
        results = queryset
    section_at, image_at = len(_ROW_FIELDS) + 1, len(_ROW_FIELDS) + 1 + len(_SECTION_FIELDS)
    sections: dict[int, Section] = {}
    images: dict[int, NewsImage] = {}
    rows = []
    for values in results:
        row = ArticleRow()
        (
            row.pk,
            row.headline,
            row.slug,
            row.lead,
            row.first_published_at,
            row.is_featured,
            row.image_id,
            row.section_id,
            row.reaction_count,
        ) = values[:section_at]
        section = sections.get(row.section_id)
        if section is None:
            section = sections[row.section_id] = Section.from_db(db, _SECTION_FIELDS, values[section_at:image_at])
        row.section = section
        if row.image_id is None or not with_images:
            row.image = None
        else:
            image = images.get(row.image_id)
            if image is None:
                image = images[row.image_id] = NewsImage.from_db(db, _IMAGE_FIELDS, values[image_at:])
            row.image = image
        rows.append(row)
    if image_sets:
        prefetch_images([row for row in rows if row.image is not None], image_sets)
    return rows


def prefetch_images(items: list[Any], image_sets: tuple[str, ...]) -> None:
    """The renditions of `image_sets` for the images of `items`, in one query (none without images)."""
    images = list({id(item.image): item.image for item in items if item.image is not None}.values())
    if images:
        prefetch_related_objects(images, _renditions(*image_sets, lookup="renditions"))


_ARTICLE_FIELDS = tuple(field.attname for field in Article._meta.concrete_fields)
_RENDITION_FIELDS = tuple(field.attname for field in NewsImageRendition._meta.concrete_fields)
# The article page reads these on every uncached request: compiled once (tribune.core.compiled).
_READER_ARTICLE = CompiledQuery(
    lambda *, pk: (
        Article.objects.filter(live=True, pk=pk)
        .annotate(reaction_count=Coalesce(F("engagement__reaction_count"), 0))
        .values_list(
            *_ARTICLE_FIELDS,
            "reaction_count",
            *(f"section__{name}" for name in _SECTION_FIELDS),
            *(f"image__{name}" for name in _IMAGE_FIELDS),
        )
    ),
    values=("pk",),
)
_LEAD_IMAGE_RENDITIONS = CompiledQuery(
    lambda *, image: NewsImageRendition.objects.filter(
        image_id=image, filter_spec__in=specs_for("wide", "social")
    ).values_list(*_RENDITION_FIELDS),
    values=("image",),
)
_AUTHOR_FIELDS = tuple(field.attname for field in Author._meta.concrete_fields)
_ARTICLE_AUTHORS = CompiledQuery(
    lambda *, article: (
        ArticleAuthor.objects.filter(article_id=article)
        .order_by("sort_order")
        .values_list(*(f"author__{name}" for name in _AUTHOR_FIELDS))
    ),
    values=("article",),
)


def article_get_for_reader(*, pk: int) -> Article:
    """A live article with its section, lead image (and its renditions) and reaction count: two queries."""
    db = Article.objects.db
    found = _READER_ARTICLE.rows(using=db, pk=pk)
    if not found:
        raise Http404("article")
    values = found[0]
    section_at = len(_ARTICLE_FIELDS) + 1
    image_at = section_at + len(_SECTION_FIELDS)
    article = Article.from_db(db, _ARTICLE_FIELDS, values[: section_at - 1])
    article.reaction_count = values[section_at - 1]  # type: ignore[attr-defined]
    article.section = Section.from_db(db, _SECTION_FIELDS, values[section_at:image_at])
    if article.image_id is not None:
        image = NewsImage.from_db(db, _IMAGE_FIELDS, values[image_at:])
        image.prefetched_renditions = [  # type: ignore[attr-defined]
            NewsImageRendition.from_db(db, _RENDITION_FIELDS, row)
            for row in _LEAD_IMAGE_RENDITIONS.rows(using=db, image=image.pk)
        ]
        article.image = image
    return article


def article_authors(*, article: Article) -> list[Author]:
    """The article's authors in byline order."""
    db = Author.objects.db
    return [Author.from_db(db, _AUTHOR_FIELDS, row) for row in _ARTICLE_AUTHORS.rows(using=db, article=article.pk)]


def _body_images(blocks: list[Any]) -> list[NewsImage]:
    return [block.value["image"] for block in blocks if block.value["image"]]


def article_detail_context(*, article: Article, preview: bool = False) -> dict[str, Any]:
    """Everything the article template needs besides the article row itself."""
    from tribune.newsroom.body import article_body
    from tribune.rankings.selectors import recent_articles
    from tribune.taxonomy.selectors import article_tags

    if preview:
        # A preview is an unsaved object: read its in-memory relations.
        authors = [link.author for link in article.author_links.all()]
        tags = [link.tag for link in article.tag_links.all()]
    else:
        authors = article_authors(article=article)
        tags = article_tags(article=article)
    # The body's static blocks come rendered (tribune.newsroom.body); only its live blocks are read here.
    body = article_body(article, cached=not preview)
    # "Lees ook" targets arrive as bare rows; their URLs need the section: one query for all.
    targets = [block.value for block in body.live_blocks("read_also") if block.value]
    prefetch_related_objects(targets, "section")
    images = _body_images(body.live_blocks("image"))
    if images:
        # Stream values hold their own image instances: give them their renditions in one query.
        by_image: dict[int, list[NewsImageRendition]] = {image.pk: [] for image in images}
        for rendition in NewsImageRendition.objects.filter(image__in=by_image, filter_spec__in=specs_for("body")):
            by_image[rendition.image_id].append(rendition)
        for image in images:
            image.prefetched_renditions = by_image[image.pk]
    return {
        "article": article,
        "body": body,
        "authors": authors,
        "tags": tags,
        # "Meest recent" beside an article shows no pictures.
        "recent_articles": recent_articles(limit=settings.TRIBUNE_RECENT_COUNT, with_images=False),
        "read_also_ids": [target.pk for target in targets],
    }


def article_keyset_page(
    queryset: QuerySet[Article], *, keys: QuerySet[Article], cursor: Cursor | None, direction: Direction
) -> KeysetPage:
    return keyset_page(
        queryset,
        keys=keys,
        date_field="first_published_at",
        pk_field="id",
        size=settings.TRIBUNE_PAGE_SIZE,
        cursor=cursor,
        direction=direction,
    )


def section_get(*, slug: str) -> Section:
    section = Section.objects.filter(slug=slug).first()
    if section is None:
        raise Http404("section")
    return section


def section_article_page(*, section: Section | None, cursor: Cursor | None, direction: Direction) -> KeysetPage:
    queryset = article_listing_queryset(image_sets=("thumb",))
    keys = Article.objects.filter(live=True)
    if section is not None:
        queryset, keys = queryset.filter(section=section), keys.filter(section=section)
    return article_keyset_page(queryset, keys=keys, cursor=cursor, direction=direction)


def author_get(*, slug: str) -> Author:
    author = Author.objects.filter(slug=slug).select_related("photo").first()
    if author is None:
        raise Http404("author")
    return author


def linked_article_page(links: QuerySet[Any], *, cursor: Cursor | None, direction: Direction) -> KeysetPage:
    """A page of articles reached through a link table (ArticleAuthor, ArticleTag).

    Paginates the link rows on their own (live, published_at, article) index and
    joins only single-valued relations from there, so the plan stays one range
    scan plus primary-key lookups.
    """
    links = (
        links.filter(live=True)
        .select_related("article", "article__section", "article__image")
        .defer("article__body", "article__image__file_hash")
        .annotate(reaction_count=Coalesce(F("article__engagement__reaction_count"), 0))
        .prefetch_related(_renditions("thumb", lookup="article__image__renditions"))
    )
    page = keyset_page(
        links,
        date_field="published_at",
        pk_field="article_id",
        size=settings.TRIBUNE_PAGE_SIZE,
        cursor=cursor,
        direction=direction,
        item_key=lambda link: (link.published_at, link.article_id),
    )
    articles = []
    for link in page.items:
        link.article.reaction_count = link.reaction_count
        articles.append(link.article)
    return KeysetPage(items=articles, older=page.older, newer=page.newer)


def author_article_page(*, author: Author, cursor: Cursor | None, direction: Direction) -> KeysetPage:
    return linked_article_page(ArticleAuthor.objects.filter(author=author), cursor=cursor, direction=direction)


@dataclass(frozen=True)
class SectionBlock:
    section: Section
    articles: list[ArticleRow]


@dataclass(frozen=True)
class FrontPage:
    top: ArticleRow | None
    teasers: list[ArticleRow]
    section_blocks: list[SectionBlock]


FRONT_TEASERS = 4
SECTION_BLOCK_SIZE = 4
# Top-story candidates older than this give way to the newest article with an image.
FEATURED_WINDOW = 24


def _latest_ids_per_section(section_ids: list[int], per_section: int, exclude: set[int]) -> list[int]:
    """The newest `per_section` live article ids of each section, in one statement.

    A UNION ALL of small range scans on article_live_section_recent. Written as
    SQL because the ORM cannot express a compound of limited subqueries on SQLite
    (each branch is wrapped in a subquery for that reason), and compiling ten
    querysets per home page costs more than running them.
    """
    if not section_ids:
        return []
    table = Article._meta.db_table
    not_in = f"AND id NOT IN ({', '.join(['%s'] * len(exclude))})" if exclude else ""
    branch = (
        # A bare `live`, not `live = %s`: SQLite only uses the partial index
        # (WHERE live) when the condition is visible when the statement is prepared.
        f"SELECT * FROM (SELECT id FROM {table} WHERE live AND section_id = %s {not_in} "
        f"ORDER BY first_published_at DESC, id DESC LIMIT %s) AS s"
    )
    parts, params = [], []
    for index, section_id in enumerate(section_ids):
        parts.append(f"{branch}{index}")
        params.extend([section_id, *exclude, per_section])
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return [row[0] for row in cursor.fetchall()]


def front_page(*, newest: list[ArticleRow] | None = None) -> FrontPage:
    """The home page: a top story, big teasers and a block per section (4 queries).

    `newest` is the "Meest recent" list when the caller has it already: the top
    story is chosen from the same newest rows, so the home page reads them once.
    """
    sections = list(Section.objects.filter(show_on_home=True))
    # The newest articles only: an archive without images must not turn "newest
    # with an image" into a scan of the whole table.
    if newest is None:
        newest = article_rows(limit=FEATURED_WINDOW)
    candidates = newest[:FEATURED_WINDOW]
    with_image = [article for article in candidates if article.image_id]
    featured = [article for article in with_image if article.is_featured]
    pool = featured or with_image or candidates
    top = pool[0] if pool else None
    teasers = [article for article in (with_image or candidates) if article is not top][:FRONT_TEASERS]
    shown = [article for article in [top, *teasers] if article is not None]
    # Renditions only for the five that are shown.
    prefetch_images(shown, ("wide", "teaser"))

    block_ids = _latest_ids_per_section(
        [section.pk for section in sections], SECTION_BLOCK_SIZE, exclude={article.pk for article in shown}
    )
    by_section: dict[int, list[ArticleRow]] = {section.pk: [] for section in sections}
    for row in article_rows(pks=block_ids, image_sets=("thumb",)):
        by_section[row.section_id].append(row)
    blocks = [
        SectionBlock(section=section, articles=by_section[section.pk]) for section in sections if by_section[section.pk]
    ]
    return FrontPage(top=top, teasers=teasers, section_blocks=blocks)


# Reader search (/zoeken/).
SEARCH_QUERY_MAX_LENGTH = 200
# pg_trgm can only use article_headline_trgm when the pattern holds a trigram: three word
# characters in a row. Anything shorter would read every live headline at 1,000,000 articles.
_SEARCHABLE = re.compile(r"\w{3}")
# NUL (PostgreSQL refuses it in text), other control characters and lone surrogates
# (which cannot be encoded for the database) are dropped.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cs"})


class SearchQueryTooLong(ValueError):
    pass


def search_text(query: str) -> str:
    """`query` as it is searched: NFC, without control characters, single spaces.

    Raises SearchQueryTooLong before looking at a single character of a long query.
    """
    if len(query) > SEARCH_QUERY_MAX_LENGTH:
        raise SearchQueryTooLong(len(query))
    text = unicodedata.normalize("NFC", query)
    text = "".join(" " if unicodedata.category(char) in _DROPPED_CATEGORIES else char for char in text)
    return " ".join(text.split())


def is_searchable(text: str) -> bool:
    return _SEARCHABLE.search(text) is not None


def article_search(*, query: str, cursor: Cursor | None = None, direction: Direction = Direction.OLDER) -> KeysetPage:
    """Live articles whose headline contains `query` (any case), newest first, one keyset page.

    `headline__icontains` compiles to `UPPER(headline::text) LIKE UPPER('%q%')` on PostgreSQL,
    the expression of the pg_trgm index article_headline_trgm (migration 0002, made for the
    newsroom's own headline search). PostgreSQL either reads the matches from that index and
    sorts them, or, for a common word, walks article_live_recent and stops at the 21st hit.
    The lead is not searched: it has no such index, and an OR on it would read every row.
    SQLite has no trigram index: LIKE walks article_live_recent newest first and stops after
    21 matches, so common words are quick and a rare one reads every live headline.

    Keyset pages rather than offsets: the same cursors, tokens and 404 as the other
    listings, and a deep page costs what the first one costs (with OFFSET it would not).
    """
    text = search_text(query)
    if not is_searchable(text):
        return KeysetPage(items=[], older=None, newer=None)
    queryset = article_listing_queryset(image_sets=("thumb",))
    keys = Article.objects.filter(live=True, headline__icontains=text)
    return article_keyset_page(queryset, keys=keys, cursor=cursor, direction=direction)
