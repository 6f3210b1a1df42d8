"""The read-only public content API (`/api/v1/`), on Django Ninja.

Views are thin: they validate parameters (Ninja answers 422 with the pydantic
errors), call selectors and shape the answer. Unknown ids and slugs answer 404,
a cursor that does not decode 400, both as JSON `{"detail": "..."}`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja import NinjaAPI, Path, Query
from ninja.errors import HttpError
from ninja.responses import Response

from tribune.api import schemas
from tribune.api.selectors import BODY_IMAGE_SET, LEAD_IMAGE_SET, article_get, article_page, image_rendition
from tribune.core.pagination import Cursor, InvalidCursor
from tribune.delivery.tags import poll_tag, reactions_tag, tag_request
from tribune.distribution.structured_data import absolute
from tribune.engagement.selectors import CommentSort, InvalidCommentCursor, comment_thread, poll_for_reader
from tribune.newsroom.models import Article, Author, NewsImage, Section
from tribune.rankings.selectors import recent_articles
from tribune.taxonomy.models import Tag

api = NinjaAPI(
    title="Tribune",
    version="1",
    description=(
        "Read-only public content API of Tribune: live articles with their body as structured blocks, "
        "sections, tags, authors, Meest recent, published comments and poll results. "
        "Lists page with opaque cursors (`next_cursor` → `cursor`)."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url=None,  # Swagger UI loads from a CDN; the site uses none. Read openapi.json instead.
)

MAX_LIMIT = 100
MAX_ID = 2**62
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
SLUG_MAX_LENGTH = 100
ERRORS = {400: schemas.Error, 404: schemas.Error}

Limit = Query(None, ge=1, le=MAX_LIMIT, description=f"Items per page: 20 by default, at most {MAX_LIMIT}.")

SINCE = Query(None, description="Published at or after this ISO 8601 time.")
UNTIL = Query(None, description="Published at or before this ISO 8601 time.")
SORT = Query(CommentSort.NEWEST, description="nieuwste, oudste or populairste.")


def _slug(description: str) -> Any:
    return Query(None, pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH, description=description)


def _not_found(what: str, key: object) -> HttpError:
    return HttpError(404, f"No {what} {key!r}.")


def _cursor(token: str | None) -> Cursor | None:
    if token is None:
        return None
    try:
        return Cursor.decode(token)
    except InvalidCursor:
        raise HttpError(400, "Invalid cursor: pass a next_cursor from a previous page unchanged.") from None


def _moment(value: datetime | None, name: str) -> datetime | None:
    if value is None:
        return None
    try:
        return (value if timezone.is_aware(value) else value.replace(tzinfo=UTC)).astimezone(UTC)
    except (OverflowError, ValueError):
        raise HttpError(422, f"{name} is out of range.") from None


def _fast(data: dict[str, Any]) -> Response:
    """JSON straight from the dict, skipping Ninja's pydantic pass over the answer (8 ms for 20 articles).

    The shapes are still the documented ones: the schemathesis test checks every answer against them.
    """
    return Response(data)


def _limit(value: int | None) -> int:
    return value if value is not None else settings.TRIBUNE_API_PAGE_SIZE


# --- shaping -----------------------------------------------------------------------------------------


def _image(image: NewsImage | None, set_name: str, caption: str = "") -> dict[str, Any] | None:
    if image is None:
        return None
    rendition = image_rendition(image, set_name)
    return {
        "url": absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "caption": caption or image.caption,
        "credit": image.credit,
    }


def _section(section: Section) -> dict[str, Any]:
    return {"slug": section.slug, "name": section.name, "url": absolute(section.get_absolute_url())}


def _author(author: Author) -> dict[str, Any]:
    return {"slug": author.slug, "name": author.name, "url": absolute(author.get_absolute_url())}


def _tag(tag: Tag) -> dict[str, Any]:
    return {"slug": tag.slug, "name": tag.name, "kind": tag.kind}


def _summary(article: Any) -> dict[str, Any]:
    return {
        "id": article.pk,
        "url": absolute(article.get_absolute_url()),
        "headline": article.headline,
        "slug": article.slug,
        "lead": article.lead,
        "section": _section(article.section),
        "authors": [_author(author) for author in article.api_authors],
        "tags": [_tag(tag) for tag in article.api_tags],
        "published_at": article.first_published_at,
        "updated_at": article.last_published_at or article.first_published_at,
        "image": _image(article.image, LEAD_IMAGE_SET, article.image_caption),
        "reaction_count": article.reaction_count,
    }


def _block(block: Any) -> dict[str, Any]:
    kind, value = block.block_type, block.value
    if kind == "paragraph":
        return {"type": kind, "html": value.__html__()}
    if kind == "subheading":
        return {"type": kind, "text": value}
    if kind == "read_also":
        target = value if value is not None and value.live else None
        link = None
        if target is not None:
            link = {"id": target.pk, "headline": target.headline, "url": absolute(target.get_absolute_url())}
        return {"type": kind, "article": link}
    if kind == "image":
        return {"type": kind, "image": _image(value["image"], BODY_IMAGE_SET), "caption": value["caption"] or ""}
    if kind == "external_link":
        return {"type": kind, "url": value["url"], "title": value["title"], "description": value["description"] or ""}
    if kind == "quote":
        return {"type": kind, "text": value["text"], "attribution": value["attribution"] or ""}
    return {
        "type": kind,
        "question": value["question"],
        "kind": value["kind"],
        "options": [option for option in value["options"] if option],
        "closed": bool(value["closed"]),
    }


def _comment(comment: Any, *, replies: bool = True) -> dict[str, Any]:
    data = {
        "id": comment.pk,
        "author_name": comment.author_name,
        "body": comment.body,
        "published_at": comment.published_at,
        "like_count": comment.like_count,
    }
    if replies:
        data["is_featured"] = comment.is_featured
        data["replies"] = [_comment(reply, replies=False) for reply in comment.shown_replies]
        data["more_replies"] = comment.more_replies
    return data


def _live_article(pk: int) -> Article:
    article = Article.objects.filter(pk=pk, live=True).only("id", "first_published_at", "live").first()
    if article is None:
        raise _not_found("live article with id", pk)
    return article


def _keyset_of_slugs(queryset: Any, cursor: str | None, limit: int) -> tuple[list[Any], str | None]:
    """A page of a small table ordered by its unique slug; the cursor is the last slug."""
    if cursor is not None:
        queryset = queryset.filter(slug__gt=cursor)
    rows = list(queryset.order_by("slug")[: limit + 1])
    return rows[:limit], rows[limit - 1].slug if len(rows) > limit else None


# --- endpoints ---------------------------------------------------------------------------------------


@api.get("/articles", response={200: schemas.ArticlePage, **ERRORS}, tags=["articles"])
def list_articles(
    request: HttpRequest,
    section: str | None = _slug("Only articles in this section (slug)."),
    tag: str | None = _slug("Only articles with this tag (slug)."),
    author: str | None = _slug("Only articles by this author (slug)."),
    since: datetime | None = SINCE,
    until: datetime | None = UNTIL,
    cursor: str | None = Query(None, max_length=64, description="`next_cursor` of the previous page."),
    limit: int | None = Limit,
) -> Response:
    """Live articles, newest first."""
    filters: dict[str, Any] = {}
    if section is not None:
        filters["section"] = Section.objects.filter(slug=section).first() or _raise(_not_found("section", section))
    if tag is not None:
        filters["tag"] = Tag.objects.filter(slug=tag).first() or _raise(_not_found("tag", tag))
    if author is not None:
        filters["author"] = Author.objects.filter(slug=author).first() or _raise(_not_found("author", author))
    page = article_page(
        **filters,
        since=_moment(since, "since"),
        until=_moment(until, "until"),
        cursor=_cursor(cursor),
        size=_limit(limit),
    )
    return _fast({"items": [_summary(article) for article in page.items], "next_cursor": page.older})


def _raise(error: Exception) -> Any:
    raise error


@api.get("/articles/{id}", response={200: schemas.ArticleDetail, **ERRORS}, tags=["articles"])
def get_article(request: HttpRequest, id: int = Path(..., ge=1, le=MAX_ID)) -> Response:
    """A live article with its body as a list of typed blocks."""
    article = article_get(pk=id)
    if article is None:
        raise _not_found("live article with id", id)
    return _fast({**_summary(article), "body": [_block(block) for block in article.body]})


@api.get("/articles/{id}/comments", response={200: schemas.CommentPage, **ERRORS}, tags=["articles"])
def list_comments(
    request: HttpRequest,
    id: int = Path(..., ge=1, le=MAX_ID),
    sort: CommentSort = SORT,
    cursor: str | None = Query(None, max_length=48, description="`next_cursor` of the previous page."),
) -> Response:
    """An article's published comments, each with its first replies; featured comments open the first page."""
    article = _live_article(id)
    tag_request(request, reactions_tag(article.pk))
    try:
        thread = comment_thread(article=article, sort=CommentSort(sort), cursor=cursor)
    except InvalidCommentCursor:
        raise HttpError(400, "Invalid cursor: pass a next_cursor from a previous page unchanged.") from None
    items = [_comment(comment) for comment in [*thread.featured, *thread.comments]]
    return _fast({"items": items, "next_cursor": thread.next_cursor})


@api.get("/articles/{id}/poll", response={200: schemas.PollOut, **ERRORS}, tags=["articles"])
def get_poll(request: HttpRequest, id: int = Path(..., ge=1, le=MAX_ID)) -> dict[str, Any]:
    """The results of an article's poll (its reader question, when that is a poll)."""
    tag_request(request, poll_tag(id))
    poll = poll_for_reader(article=_live_article(id), reader_hash=None)
    if poll is None:
        raise HttpError(404, f"Article {id} has no poll.")
    return {
        "question": poll.question,
        "is_closed": poll.is_closed,
        "total": poll.total,
        "options": [vars(option) for option in poll.options],
    }


@api.get("/recent", response=schemas.RecentList, tags=["articles"])
def list_recent(request: HttpRequest) -> Response:
    """Meest recent: the newest live articles, as the site lists them beside the news."""
    rows = recent_articles(limit=settings.TRIBUNE_RECENT_COUNT)
    from tribune.newsroom.selectors import prefetch_images

    prefetch_images(rows, (LEAD_IMAGE_SET,))
    return _fast(
        {
            "items": [
                {
                    "id": row.pk,
                    "url": absolute(row.get_absolute_url()),
                    "headline": row.headline,
                    "slug": row.slug,
                    "lead": row.lead,
                    "section": _section(row.section),
                    "published_at": row.first_published_at,
                    "image": _image(row.image, LEAD_IMAGE_SET),
                    "reaction_count": row.reaction_count,
                }
                for row in rows
            ]
        }
    )


def _section_detail(section: Section) -> dict[str, Any]:
    return {**_section(section), "description": section.description, "colour": section.colour}


@api.get("/sections", response=schemas.SectionList, tags=["sections"])
def list_sections(request: HttpRequest) -> dict[str, Any]:
    """All sections, in the site's order."""
    return {"items": [_section_detail(section) for section in Section.objects.all()]}


@api.get("/sections/{slug}", response={200: schemas.SectionDetail, **ERRORS}, tags=["sections"])
def get_section(request: HttpRequest, slug: str = Path(..., pattern=SLUG_PATTERN, max_length=100)) -> dict[str, Any]:
    section = Section.objects.filter(slug=slug).first()
    if section is None:
        raise _not_found("section", slug)
    return _section_detail(section)


def _author_detail(author: Author) -> dict[str, Any]:
    return {**_author(author), "role": author.role, "bio": author.bio}


@api.get("/authors", response={200: schemas.AuthorPage, **ERRORS}, tags=["authors"])
def list_authors(
    request: HttpRequest,
    cursor: str | None = Query(None, pattern=SLUG_PATTERN, max_length=100, description="`next_cursor`."),
    limit: int | None = Limit,
) -> dict[str, Any]:
    """Authors by slug."""
    rows, next_cursor = _keyset_of_slugs(Author.objects.only("slug", "name", "role", "bio"), cursor, _limit(limit))
    return {"items": [_author_detail(author) for author in rows], "next_cursor": next_cursor}


@api.get("/authors/{slug}", response={200: schemas.AuthorDetail, **ERRORS}, tags=["authors"])
def get_author(request: HttpRequest, slug: str = Path(..., pattern=SLUG_PATTERN, max_length=100)) -> dict[str, Any]:
    author = Author.objects.filter(slug=slug).first()
    if author is None:
        raise _not_found("author", slug)
    return _author_detail(author)


def _tag_detail(tag: Tag) -> dict[str, Any]:
    return {**_tag(tag), "url": absolute(tag.get_absolute_url()), "description": tag.description}


@api.get("/tags", response={200: schemas.TagPage, **ERRORS}, tags=["tags"])
def list_tags(
    request: HttpRequest,
    cursor: str | None = Query(None, pattern=SLUG_PATTERN, max_length=100, description="`next_cursor`."),
    limit: int | None = Limit,
) -> dict[str, Any]:
    """Tags (people, clubs, competitions) by slug."""
    rows, next_cursor = _keyset_of_slugs(Tag.objects.all(), cursor, _limit(limit))
    return {"items": [_tag_detail(tag) for tag in rows], "next_cursor": next_cursor}


@api.get("/tags/{slug}", response={200: schemas.TagDetail, **ERRORS}, tags=["tags"])
def get_tag(request: HttpRequest, slug: str = Path(..., pattern=SLUG_PATTERN, max_length=100)) -> dict[str, Any]:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise _not_found("tag", slug)
    return _tag_detail(tag)
