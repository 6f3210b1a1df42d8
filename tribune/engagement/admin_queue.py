"""Reads for the newsroom's moderation queue, at a fixed number of queries per page.

The queue is "pending, or published with open reports": an OR across two index
ranges. Asked as one ORDER BY id DESC query a database may walk the primary key
backwards and filter, which reads all ten million rows when the queue is short
and old. So every listing is split into disjoint branches, each one index range
in id order (`comment_status`, `comment_reported`); each branch gives the ids of
its newest rows, the ids are merged, and only that page's rows are read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, overload

from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tribune.engagement.models import Comment, CommentDecision, CommentReport, CommentStatus, ReportReason

# Beyond this many rows a count only costs time: the moderator works from the newest.
QUEUE_COUNT_CAP = 10_000
# The menu badge and the dashboard count up to this, then say "99+".
BADGE_CAP = 99


class QueueStatus(models.TextChoices):
    QUEUE = "wachtrij", _("Te modereren")
    REPORTED = "gemeld", _("Gemeld")
    REJECTED = "geweigerd", _("Geweigerd")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    ALL = "alle", _("Alle")


PENDING = Q(status=CommentStatus.PENDING)
# Published with open reports, written so that only the comment_reported partial index
# fits: given "status = 'published'", SQLite walks every published comment of
# comment_status (status, -id) looking for the few with reports.
REPORTED_ONLINE = Q(report_count__gt=0) & ~Q(
    status__in=[status for status in CommentStatus.values if status != CommentStatus.PUBLISHED]
)

# Each listing as disjoint conditions, each answered by one index in -id order.
# QUEUE is Comment.objects.in_queue() (test_admin_queue checks they agree).
BRANCHES: dict[str, tuple[Q, ...]] = {
    QueueStatus.QUEUE: (PENDING, REPORTED_ONLINE),
    QueueStatus.REPORTED: (Q(report_count__gt=0),),
    QueueStatus.REJECTED: (Q(status=CommentStatus.REJECTED),),
    QueueStatus.PUBLISHED: (Q(status=CommentStatus.PUBLISHED),),
    QueueStatus.ALL: (Q(),),
}


class Age(models.TextChoices):
    HOUR = "uur", _("Laatste uur")
    TODAY = "vandaag", _("Vandaag")
    WEEK = "week", _("Laatste 7 dagen")
    OLDER = "ouder", _("Ouder dan 7 dagen")


def age_bounds(age: str, *, now: datetime | None = None) -> tuple[datetime | None, datetime | None]:
    """(since, before) for an age choice: comments created at or after `since`, before `before`."""
    now = now or timezone.now()
    if age == Age.HOUR:
        return now - timedelta(hours=1), None
    if age == Age.TODAY:
        return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0), None
    if age == Age.WEEK:
        return now - timedelta(days=7), None
    if age == Age.OLDER:
        return None, now - timedelta(days=7)
    return None, None


def age_condition(age: str, *, now: datetime | None = None) -> Q:
    since, before = age_bounds(age, now=now)
    condition = Q()
    if since is not None:
        condition &= Q(created_at__gte=since)
    if before is not None:
        condition &= Q(created_at__lt=before)
    return condition


ROW_FIELDS = (
    "id",
    "article_id",
    "parent_id",
    "author_name",
    "body",
    "status",
    "is_featured",
    "like_count",
    "report_count",
    "created_at",
    "published_at",
    "rejection_reason",
    "article__id",
    "article__headline",
    "article__slug",
    "article__live",
    "article__section_id",
    "article__section__id",
    "article__section__name",
    "article__section__slug",
)


@dataclass(frozen=True)
class ReportTally:
    reason: str
    label: str
    count: int


def rows_for_ids(ids: list[int]) -> list[Comment]:
    """The queue's rows for these ids, newest first, with their latest decision and open reports (3 queries).

    Each comment gets `latest_decision` (CommentDecision or None) and `report_tallies`
    (open reports per reason, most frequent first).
    """
    if not ids:
        return []
    rows = list(Comment.objects.filter(pk__in=ids).select_related("article__section").only(*ROW_FIELDS).order_by("-id"))
    latest: dict[int, CommentDecision] = {}
    # A comment has a handful of decisions; newest first, the first seen per comment wins.
    for decision in CommentDecision.objects.filter(comment_id__in=ids).order_by("comment_id", "-id"):
        latest.setdefault(decision.comment_id, decision)
    tallies: dict[int, Counter[str]] = defaultdict(Counter)
    open_reports = CommentReport.objects.filter(comment_id__in=ids, resolved=False).values_list("comment_id", "reason")
    for comment_id, reason in open_reports:
        tallies[comment_id][reason] += 1
    labels = dict(ReportReason.choices)
    for row in rows:
        row.latest_decision = latest.get(row.pk)  # type: ignore[attr-defined]
        row.report_tallies = [  # type: ignore[attr-defined]
            ReportTally(reason=reason, label=str(labels.get(reason, reason)), count=count)
            for reason, count in tallies[row.pk].most_common()
        ]
    return rows


class QueueRows:
    """A sliceable list of queue rows for Django's Paginator, merged from index-ordered branches.

    Page n of a listing reads at most n pages of ids per branch, then one page of
    rows; the count stops at QUEUE_COUNT_CAP.

    There is no index on created_at, and none is needed: ids grow with time, so the
    comments of a recent window ("laatste uur") are the newest ones of each branch.
    A window is looked for among the branch's newest `cap` + 1 ids only, which keeps a
    quiet hour at ten million comments from scanning them all (deeper than the cap a
    listing cannot page anyway). "Older than" needs no such bound: its rows follow the
    recent ones in id order, and the branch's own index stops the scan.
    """

    model = Comment

    def __init__(
        self,
        base: QuerySet[Comment] | None,
        branches: tuple[Q, ...],
        *,
        since: datetime | None = None,
        before: datetime | None = None,
        cap: int = QUEUE_COUNT_CAP,
    ) -> None:
        self.base = base
        self.branches = branches
        self.since, self.before = since, before
        self.cap = cap

    @classmethod
    def empty(cls) -> QueueRows:
        return cls(None, ())

    def _branch(self, condition: Q) -> QuerySet[Comment]:
        assert self.base is not None
        rows = self.base.filter(condition)
        if self.before is not None:
            rows = rows.filter(created_at__lt=self.before)
        if self.since is not None:
            newest = rows.order_by("-id").values("pk")[: self.cap + 1]
            rows = Comment.objects.filter(pk__in=newest, created_at__gte=self.since)
        return rows

    def count(self) -> int:
        if self.base is None:
            return 0
        total = sum(
            self._branch(condition).order_by().values("pk")[: self.cap + 1].count() for condition in self.branches
        )
        return min(total, self.cap + 1)

    def __len__(self) -> int:
        return self.count()

    def ids(self, start: int, stop: int) -> list[int]:
        if self.base is None or stop <= start:
            return []
        ids: set[int] = set()
        for condition in self.branches:
            ids.update(self._branch(condition).order_by("-id").values_list("id", flat=True)[:stop])
        return sorted(ids, reverse=True)[start:stop]

    @overload
    def __getitem__(self, key: int) -> Comment: ...

    @overload
    def __getitem__(self, key: slice) -> list[Comment]: ...

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, int):
            rows = self[key : key + 1]
            if not rows:
                raise IndexError(key)
            return rows[0]
        if key.step not in (None, 1):
            raise ValueError("QueueRows does not take a step")
        start = key.start or 0
        stop = key.stop if key.stop is not None else self.cap + 1
        return rows_for_ids(self.ids(start, stop))


def queue_rows(*, status: str, age: str = "", base: QuerySet[Comment] | None = None) -> QueueRows:
    """The listing for a status (QueueStatus) and an age (Age, or "" for any), within `base` (the other filters)."""
    since, before = age_bounds(age)
    return QueueRows(Comment.objects.all() if base is None else base, BRANCHES[status], since=since, before=before)


@dataclass(frozen=True)
class QueueCounts:
    pending: int
    reported: int
    cap: int

    @property
    def total(self) -> int:
        return self.pending + self.reported

    def label(self, value: int) -> str:
        return f"{self.cap}+" if value > self.cap else str(value)

    @property
    def total_label(self) -> str:
        return self.label(min(self.total, self.cap + 1))


def queue_counts(*, cap: int = BADGE_CAP) -> QueueCounts:
    """How many comments wait for a moderator, counting each kind up to `cap` + 1 (2 queries)."""
    return QueueCounts(
        pending=Comment.objects.filter(PENDING).order_by().values("pk")[: cap + 1].count(),
        reported=Comment.objects.filter(REPORTED_ONLINE).order_by().values("pk")[: cap + 1].count(),
        cap=cap,
    )


def _count_per_article(condition: Q) -> Coalesce:
    per_article = (
        Comment.objects.filter(condition, article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(per_article, output_field=IntegerField()), 0)


def with_comment_counts(articles: QuerySet[Any]) -> QuerySet[Any]:
    """Annotate `pending_comments` and `reported_comments` per article, in the listing's own query.

    Both subqueries are ranges of the comment_article_status index (article, status).
    """
    return articles.annotate(
        pending_comments=_count_per_article(PENDING),
        reported_comments=_count_per_article(Q(status=CommentStatus.PUBLISHED, report_count__gt=0)),
    )
