"""Reads for reader engagement. Each function costs a fixed number of queries."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tribune.core.compiled import prepared_cursor
from tribune.engagement.models import Comment, CommentLike, CommentStatus, PollOption, PollVote
from tribune.newsroom.models import Article

FEATURED_SHOWN = 5
MAX_CURSOR_LENGTH = 48


class CommentSort(models.TextChoices):
    NEWEST = "nieuwste", _("Nieuwste eerst")
    OLDEST = "oudste", _("Oudste eerst")
    LIKED = "populairste", _("Meest gewaardeerd")


def sort_from_query(value: str | None) -> CommentSort:
    return CommentSort(value) if value in CommentSort.values else CommentSort.NEWEST


class InvalidCommentCursor(ValueError):
    pass


def _cursor_encode(value: int, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{value}.{pk}".encode()).decode().rstrip("=")


def _cursor_decode(token: str) -> tuple[int, int]:
    if not token or len(token) > MAX_CURSOR_LENGTH:
        raise InvalidCommentCursor(token)
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
        value_text, pk_text = raw.split(".")
        value, pk = int(value_text), int(pk_text)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidCommentCursor(token) from exc
    if not (0 <= value < 2**62 and 0 < pk < 2**62):
        raise InvalidCommentCursor(token)
    return value, pk


@dataclass
class Thread:
    sort: CommentSort
    featured: list[Any]
    comments: list[Any]
    next_cursor: str | None
    is_first_page: bool
    liked: set[int] = field(default_factory=set)


class CommentRow:
    """A published comment as the thread shows it, read from a row rather than built as a model.

    The article page reads up to 30 comments and their replies on every request; building
    `Comment` models and compiling their querysets cost more than the rest of the page's
    data. It has what the thread, its JSON and the API read of a comment.
    """

    __slots__ = (
        "article_id",
        "author_name",
        "body",
        "is_featured",
        "like_count",
        "more_replies",
        "parent_id",
        "pk",
        "published_at",
        "shown_replies",
        "status",
    )

    pk: int
    article_id: int
    parent_id: int | None
    author_name: str
    body: str
    is_featured: bool
    like_count: int
    published_at: Any
    status: str
    shown_replies: list[CommentRow]
    more_replies: bool

    @property
    def id(self) -> int:
        return self.pk

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (CommentRow, Comment)):
            return self.pk == other.pk
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.pk)

    def __repr__(self) -> str:
        return f"<CommentRow {self.pk}>"


_ROW_COLUMNS = ("id", "article_id", "parent_id", "author_name", "body", "is_featured", "like_count", "published_at")
# A constant of the code, written into the SQL so SQLite can match the partial thread indexes
# (it only uses one when the condition is visible when the statement is prepared).
_PUBLISHED_SQL = f"status = '{CommentStatus.PUBLISHED.value}'"
assert CommentStatus.PUBLISHED.value.isalnum()


def _converters(connection: Any) -> list[tuple[int, list[Any], Any]]:
    """The backend's converters for the row's columns (SQLite's datetimes and booleans), as the ORM applies them."""
    table = Comment._meta.db_table
    found = []
    for index, name in enumerate(_ROW_COLUMNS):
        field: Any = Comment._meta.get_field(name)
        column = field.get_col(table)
        functions = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        if functions:
            found.append((index, functions, column))
    return found


def _comment_rows(sql: str, params: list[Any]) -> list[tuple[Any, CommentRow]]:
    """(first column, row) for each result of `sql`, which selects a tag column and then _ROW_COLUMNS."""
    from django.db import connection

    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        results = cursor.fetchall()
    converters = _converters(connection) if results else []
    rows = []
    for result in results:
        values = list(result[1:])
        for index, functions, column in converters:
            for function in functions:
                values[index] = function(values[index], column, connection)
        row = CommentRow()
        (
            row.pk,
            row.article_id,
            row.parent_id,
            row.author_name,
            row.body,
            row.is_featured,
            row.like_count,
            row.published_at,
        ) = values
        row.is_featured = bool(row.is_featured)
        row.status = CommentStatus.PUBLISHED
        rows.append((result[0], row))
    return rows


def _columns() -> str:
    return ", ".join(_ROW_COLUMNS)


def _attach_replies(parents: list[Any], *, limit: int | None) -> None:
    """Give each parent its first `limit` published replies (all of them when None), one query."""
    for parent in parents:
        parent.shown_replies, parent.more_replies = [], False
    if not parents:
        return
    by_parent = {parent.pk: parent for parent in parents}
    table = Comment._meta.db_table
    marks = ", ".join(["%s"] * len(by_parent))
    where = f"parent_id IN ({marks}) AND {_PUBLISHED_SQL}"
    params: list[Any] = list(by_parent)
    if limit is None:
        sql = f"SELECT 0, {_columns()} FROM {table} WHERE {where} ORDER BY parent_id, id"
    else:
        # The first `limit` + 1 per parent, in one statement: one more than shown says "there are more".
        sql = (
            f"SELECT 0, {_columns()} FROM (SELECT {_columns()}, "
            f"ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY id) AS position FROM {table} WHERE {where}) AS r "
            "WHERE position <= %s ORDER BY parent_id, id"
        )
        params.append(limit + 1)
    for _tag, reply in _comment_rows(sql, params):
        parent = by_parent[reply.parent_id or 0]
        if limit is not None and len(parent.shown_replies) >= limit:
            parent.more_replies = True
            continue
        parent.shown_replies.append(reply)


def comment_thread(
    *, article: Article, sort: CommentSort, cursor: str | None = None, reader_hash: str | None = None
) -> Thread:
    """One page of an article's published comments with their first replies (1 to 3 queries).

    Featured comments open the first page. Pages continue with a cursor on the
    sort key, so a thread of 10,000 comments reads page 300 as fast as page 1.
    The featured comments and the page come in one statement (a UNION ALL of two
    range scans on the thread indexes), written as SQL because compiling the
    querysets cost more than running them.
    """
    size = settings.TRIBUNE_COMMENT_PAGE_SIZE
    after = _cursor_decode(cursor) if cursor else None
    table = Comment._meta.db_table
    top = f"article_id = %s AND {_PUBLISHED_SQL} AND parent_id IS NULL"
    featured_sql = f"SELECT id FROM {table} WHERE {top} AND is_featured ORDER BY id DESC LIMIT {FEATURED_SHOWN}"
    page_where, page_params = top, [article.pk]
    if sort is CommentSort.LIKED:
        order = "like_count DESC, id DESC"
        if after:
            page_where += " AND (like_count < %s OR (like_count = %s AND id < %s))"
            page_params += [after[0], after[0], after[1]]
    elif sort is CommentSort.OLDEST:
        order = "id"
        if after:
            page_where += " AND id > %s"
            page_params.append(after[1])
    else:
        order = "id DESC"
        if after:
            page_where += " AND id < %s"
            page_params.append(after[1])
    page_sql = f"SELECT 1 AS part, {_columns()} FROM {table} WHERE {page_where}"
    if after is None:
        # The featured ones open the page; the page itself leaves them out.
        page_sql += f" AND id NOT IN (SELECT * FROM ({featured_sql}) AS f)"
        page_params.append(article.pk)
    page_sql += f" ORDER BY {order} LIMIT {size + 1}"
    if after is None:
        sql = (
            f"SELECT * FROM (SELECT 0 AS part, {_columns()} FROM {table} WHERE {top} AND is_featured"
            f" ORDER BY id DESC LIMIT {FEATURED_SHOWN}) AS a UNION ALL SELECT * FROM ({page_sql}) AS b"
        )
        params = [article.pk, *page_params]
    else:
        sql, params = page_sql, page_params
    featured: list[CommentRow] = []
    rows: list[CommentRow] = []
    for part, row in _comment_rows(sql, params):
        (featured if part == 0 else rows).append(row)
    # A UNION ALL promises no order: put each part in its own.
    featured.sort(key=lambda row: -row.pk)
    if sort is CommentSort.LIKED:
        rows.sort(key=lambda row: (-row.like_count, -row.pk))
    elif sort is CommentSort.OLDEST:
        rows.sort(key=lambda row: row.pk)
    else:
        rows.sort(key=lambda row: -row.pk)
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = _cursor_encode(last.like_count if sort is CommentSort.LIKED else 0, last.pk)
    shown = [*featured, *rows]
    _attach_replies(shown, limit=settings.TRIBUNE_COMMENT_REPLIES_SHOWN)
    liked: set[int] = set()
    if reader_hash and shown:
        ids = [comment.pk for comment in shown] + [reply.pk for comment in shown for reply in comment.shown_replies]
        liked = set(
            CommentLike.objects.filter(comment_id__in=ids, reader_hash=reader_hash).values_list("comment_id", flat=True)
        )
    return Thread(
        sort=sort, featured=featured, comments=rows, next_cursor=next_cursor, is_first_page=after is None, liked=liked
    )


def comment_with_replies(*, pk: int) -> Comment | None:
    """A published top-level comment with all its published replies (two queries)."""
    comment = (
        Comment.objects.filter(pk=pk, status=CommentStatus.PUBLISHED, parent__isnull=True)
        .select_related("article", "article__section")
        .first()
    )
    if comment is not None:
        _attach_replies([comment], limit=None)
    return comment


def comment_get_public(*, pk: int) -> Comment | None:
    return Comment.objects.filter(pk=pk).select_related("article", "article__section").first()


@dataclass(frozen=True)
class PollResult:
    position: int
    label: str
    votes: int
    percent: int


@dataclass(frozen=True)
class PollView:
    article_id: int
    question: str
    is_closed: bool
    options: list[PollResult]
    total: int
    voted_for: int | None

    @property
    def show_results(self) -> bool:
        return self.is_closed or self.voted_for is not None


def _percentages(votes: list[int]) -> list[int]:
    """Whole percentages that add up to 100 (largest remainder), so the bars never read 99 or 101."""
    total = sum(votes)
    if not total:
        return [0 for _vote in votes]
    exact = [vote * 100 / total for vote in votes]
    floors = [int(share) for share in exact]
    remainder = 100 - sum(floors)
    for index in sorted(range(len(votes)), key=lambda i: exact[i] - floors[i], reverse=True)[:remainder]:
        floors[index] += 1
    return floors


def poll_question(*, article: Article) -> dict[str, Any] | None:
    """The article's reader question when it is a poll (read from the body, no query)."""
    from tribune.newsroom.blocks import QuestionKind

    for block in article.body:
        if block.block_type == "reader_question" and block.value.get("kind") == QuestionKind.POLL:
            return dict(block.value)
    return None


def article_has_poll(*, article: Article) -> bool:
    """Whether the article's reader question is a poll, from the raw body (no block conversion, no query)."""
    from tribune.newsroom.blocks import QuestionKind

    return any(
        raw.get("type") == "reader_question" and (raw.get("value") or {}).get("kind") == QuestionKind.POLL
        for raw in article.body.raw_data
    )


def poll_for_reader(*, article: Article, reader_hash: str | None) -> PollView | None:
    """The article's poll with its tallies, and this reader's vote (one or two queries)."""
    options = list(PollOption.objects.filter(poll_id=article.pk).select_related("poll").order_by("position"))
    if not options:
        return None
    poll = options[0].poll
    voted_for = None
    if reader_hash:
        voted_for = (
            PollVote.objects.filter(poll_id=poll.pk, reader_hash=reader_hash).values_list("position", flat=True).first()
        )
    percents = _percentages([option.votes for option in options])
    return PollView(
        article_id=article.pk,
        question=poll.question,
        is_closed=poll.is_closed,
        options=[
            PollResult(position=option.position, label=option.label, votes=option.votes, percent=percent)
            for option, percent in zip(options, percents, strict=True)
        ],
        total=sum(option.votes for option in options),
        voted_for=voted_for,
    )


def reaction_counts(*, article_ids: list[int]) -> dict[int, int]:
    """Current reaction counts for a set of articles, one query (for the live count refresh)."""
    from tribune.engagement.models import ArticleEngagement

    counts = dict.fromkeys(article_ids, 0)
    counts.update(ArticleEngagement.objects.filter(pk__in=article_ids).values_list("article_id", "reaction_count"))
    return counts
