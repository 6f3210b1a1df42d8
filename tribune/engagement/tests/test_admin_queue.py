"""The moderation queue's reads: index branches that add up to in_queue(), merged pages, capped counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tribune.engagement.admin_queue import (
    BRANCHES,
    Age,
    QueueRows,
    QueueStatus,
    age_condition,
    queue_counts,
    queue_rows,
    with_comment_counts,
)
from tribune.engagement.models import Comment, CommentStatus, ReportReason
from tribune.engagement.tests.factories import policy, published_comment
from tribune.engagement.tests.test_admin_views import pending_comment, reported_comment
from tribune.newsroom.models import Article
from tribune.newsroom.tests.factories import published_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_comments(settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0


@pytest.fixture
def article():
    policy()
    return published_article()


@pytest.fixture
def mixed(article):
    """Two of every kind, interleaved in time."""
    made = {"pending": [], "reported": [], "published": [], "rejected": []}
    for _round in range(2):
        made["pending"].append(pending_comment(article=article))
        made["reported"].append(reported_comment(article=article))
        made["published"].append(published_comment(article=article, body=f"Gewoon online {_round}"))
        rejected = pending_comment(article=article)
        Comment.objects.filter(pk=rejected.pk).update(status=CommentStatus.REJECTED)
        made["rejected"].append(rejected)
    # A comment hidden by reports: pending, with reports.
    hidden = reported_comment(article=article)
    Comment.objects.filter(pk=hidden.pk).update(status=CommentStatus.PENDING)
    made["pending"].append(hidden)
    return made


def _ids(rows: QueueRows) -> list[int]:
    return [comment.pk for comment in rows[0:1000]]


def test_the_queue_branches_are_in_queue_and_disjoint(mixed):
    rows = queue_rows(status=QueueStatus.QUEUE)
    expected = list(Comment.objects.in_queue().order_by("-id").values_list("pk", flat=True))
    assert _ids(rows) == expected
    assert rows.count() == len(expected) == 5
    first, second = BRANCHES[QueueStatus.QUEUE]
    assert not Comment.objects.filter(first).filter(second).exists()


@pytest.mark.parametrize(
    ("status", "kinds"),
    [
        (QueueStatus.REPORTED, None),
        (QueueStatus.REJECTED, {"rejected"}),
        (QueueStatus.PUBLISHED, {"published", "reported"}),
        (QueueStatus.ALL, {"pending", "reported", "published", "rejected"}),
    ],
)
def test_each_status_lists_its_comments_newest_first(mixed, status, kinds):
    if kinds is None:
        expected = sorted(Comment.objects.filter(report_count__gt=0).values_list("pk", flat=True), reverse=True)
    else:
        expected = sorted((c.pk for kind in kinds for c in mixed[kind]), reverse=True)
    rows = queue_rows(status=status)
    assert _ids(rows) == expected
    assert rows.count() == len(expected)


def test_pages_merge_the_branches_in_id_order(mixed):
    rows = queue_rows(status=QueueStatus.QUEUE)
    everything = _ids(rows)
    assert [c.pk for c in rows[0:2]] + [c.pk for c in rows[2:4]] + [c.pk for c in rows[4:6]] == everything
    assert rows[1].pk == everything[1]
    with pytest.raises(IndexError):
        rows[50]


def test_a_page_costs_a_fixed_number_of_queries(mixed):
    rows = queue_rows(status=QueueStatus.QUEUE)
    with CaptureQueriesContext(connection) as queries:
        page = rows[0:25]
    # Ids per branch (2), the rows, their decisions, their open reports.
    assert len(queries) == 5
    assert all(hasattr(comment, "latest_decision") and hasattr(comment, "report_tallies") for comment in page)
    with CaptureQueriesContext(connection) as queries:
        [(comment.article.headline, comment.article.get_absolute_url()) for comment in page]
    assert len(queries) == 0


def test_rows_carry_the_latest_decision_and_the_open_reports_per_reason(article):
    comment = reported_comment(
        article=article, reasons=(ReportReason.SPAM, ReportReason.HATE, ReportReason.SPAM, ReportReason.OTHER)
    )
    (row,) = queue_rows(status=QueueStatus.QUEUE)[0:25]
    assert row.pk == comment.pk
    assert row.latest_decision.rule == "post_moderation"
    top = row.report_tallies[0]
    assert (top.reason, top.count) == (ReportReason.SPAM, 2)
    assert {tally.label for tally in row.report_tallies} >= {"Spam of reclame", "Haatdragend of discriminerend"}


def test_count_stops_at_the_cap(article):
    for _ in range(4):
        pending_comment(article=article)
    reported_comment(article=article)
    rows = QueueRows(Comment.objects.all(), BRANCHES[QueueStatus.QUEUE], cap=2)
    assert rows.count() == 3  # "more than 2"
    assert len(QueueRows.empty()) == 0 and QueueRows.empty()[0:25] == []


def test_age_conditions(article):
    now = timezone.now()
    fresh = pending_comment(article=article)
    yesterday = pending_comment(article=article)
    old = pending_comment(article=article)
    Comment.objects.filter(pk=yesterday.pk).update(created_at=now - timedelta(days=1, hours=1))
    Comment.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=8))

    def ids(age):
        return set(Comment.objects.filter(age_condition(age, now=now)).values_list("pk", flat=True))

    assert ids(Age.HOUR) == {fresh.pk}
    assert fresh.pk in ids(Age.TODAY) and yesterday.pk not in ids(Age.TODAY)
    assert ids(Age.WEEK) == {fresh.pk, yesterday.pk}
    assert ids(Age.OLDER) == {old.pk}
    assert ids("") == {fresh.pk, yesterday.pk, old.pk}


def test_age_windows_page_and_count_like_the_plain_filter(article):
    now = timezone.now()
    made = [pending_comment(article=article) for _ in range(6)]
    Comment.objects.filter(pk__in=[c.pk for c in made[:2]]).update(created_at=now - timedelta(days=9))
    Comment.objects.filter(pk__in=[c.pk for c in made[2:4]]).update(created_at=now - timedelta(hours=5))
    for age in Age.values:
        rows = queue_rows(status=QueueStatus.QUEUE, age=age)
        expected = list(Comment.objects.filter(age_condition(age)).order_by("-id").values_list("pk", flat=True))
        assert _ids(rows) == expected, age
        assert rows.count() == len(expected), age


def test_a_recent_window_looks_only_among_the_newest_ids_up_to_the_cap(article):
    made = [pending_comment(article=article) for _ in range(5)]
    since = timezone.now() - timedelta(hours=1)
    rows = QueueRows(Comment.objects.all(), BRANCHES[QueueStatus.QUEUE], since=since, cap=2)
    assert rows.count() == 3  # "more than 2", read from the newest 3 only
    assert _ids(rows) == [c.pk for c in reversed(made)][:3]
    with CaptureQueriesContext(connection) as queries:
        rows[0:25]
    assert "LIMIT 3" in queries.captured_queries[0]["sql"]


def test_queue_counts(article):
    assert queue_counts() == queue_counts(cap=99)
    for _ in range(3):
        pending_comment(article=article)
    reported_comment(article=article)
    published_comment(article=article, body="Gewoon online")
    counts = queue_counts()
    assert (counts.pending, counts.reported, counts.total, counts.total_label) == (3, 1, 4, "4")
    capped = queue_counts(cap=2)
    assert (capped.pending, capped.label(capped.pending), capped.total_label) == (3, "2+", "2+")


def test_article_counts_in_one_query(article):
    other = published_article(headline="Zonder reacties")
    pending_comment(article=article)
    pending_comment(article=article)
    reported_comment(article=article)
    published_comment(article=article)
    with CaptureQueriesContext(connection) as queries:
        counts = {
            row.pk: (row.pending_comments, row.reported_comments)
            for row in with_comment_counts(Article.objects.filter(pk__in=[article.pk, other.pk]))
        }
    assert len(queries) == 1
    assert counts == {article.pk: (2, 1), other.pk: (0, 0)}
