"""Reads for reader engagement. Each function costs a fixed number of queries."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q, QuerySet
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

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
    featured: list[Comment]
    comments: list[Comment]
    next_cursor: str | None
    is_first_page: bool
    liked: set[int] = field(default_factory=set)


def _top_level(article_id: int) -> QuerySet[Comment]:
    return Comment.objects.filter(article_id=article_id, status=CommentStatus.PUBLISHED, parent__isnull=True).only(
        "id", "article_id", "parent_id", "author_name", "body", "status", "is_featured", "like_count", "published_at"
    )


def _attach_replies(parents: list[Comment], *, limit: int | None) -> None:
    """Give each parent its first `limit` published replies (all of them when None), one query."""
    for parent in parents:
        parent.shown_replies, parent.more_replies = [], False
    if not parents:
        return
    by_parent = {parent.pk: parent for parent in parents}
    replies = Comment.objects.filter(parent_id__in=by_parent, status=CommentStatus.PUBLISHED).only(
        "id", "article_id", "parent_id", "author_name", "body", "status", "like_count", "published_at"
    )
    if limit is not None:
        # The first `limit` + 1 per parent, in one statement: one more than shown says "there are more".
        replies = replies.annotate(
            position=models.Window(RowNumber(), partition_by=F("parent_id"), order_by=F("id").asc())
        ).filter(position__lte=limit + 1)
    for reply in replies.order_by("parent_id", "id"):
        parent = by_parent[reply.parent_id or 0]
        if limit is not None and len(parent.shown_replies) >= limit:
            parent.more_replies = True
            continue
        parent.shown_replies.append(reply)


def comment_thread(
    *, article: Article, sort: CommentSort, cursor: str | None = None, reader_hash: str | None = None
) -> Thread:
    """One page of an article's published comments with their first replies (3 to 5 queries).

    Featured comments open the first page. Pages continue with a cursor on the
    sort key, so a thread of 10,000 comments reads page 300 as fast as page 1.
    """
    size = settings.TRIBUNE_COMMENT_PAGE_SIZE
    after = _cursor_decode(cursor) if cursor else None
    queryset = _top_level(article.pk)
    if sort is CommentSort.LIKED:
        ordering: tuple[str, ...] = ("-like_count", "-id")
        if after:
            likes, pk = after
            queryset = queryset.filter(Q(like_count__lt=likes) | Q(like_count=likes, id__lt=pk))
    elif sort is CommentSort.OLDEST:
        ordering = ("id",)
        if after:
            queryset = queryset.filter(id__gt=after[1])
    else:
        ordering = ("-id",)
        if after:
            queryset = queryset.filter(id__lt=after[1])
    featured: list[Comment] = []
    if after is None:
        featured = list(_top_level(article.pk).filter(is_featured=True).order_by("-id")[:FEATURED_SHOWN])
    rows = list(queryset.exclude(pk__in=[comment.pk for comment in featured]).order_by(*ordering)[: size + 1])
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
