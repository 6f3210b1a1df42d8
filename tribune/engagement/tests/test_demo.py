import pytest
from django.db.models import Count, Q, Sum

from tribune.engagement.demo import load_demo_engagement
from tribune.engagement.models import ArticleEngagement, Comment, CommentStatus, Poll, PollVote
from tribune.engagement.tests.factories import poll_article
from tribune.newsroom.tests.factories import published_articles

pytestmark = pytest.mark.django_db


def test_demo_engagement_counts_match_the_rows():
    published_articles(12)
    poll = poll_article()
    result = load_demo_engagement(seed=7)
    assert result.comments == Comment.objects.filter(status=CommentStatus.PUBLISHED).count() > 0
    assert result.pending == Comment.objects.filter(status=CommentStatus.PENDING).count() > 0
    published = dict(
        Comment.objects.values("article_id")
        .annotate(n=Count("id", filter=Q(status=CommentStatus.PUBLISHED)))
        .values_list("article_id", "n")
    )
    counts = dict(ArticleEngagement.objects.values_list("article_id", "reaction_count"))
    assert {k: v for k, v in published.items() if v} == counts
    assert Comment.objects.filter(parent__isnull=False, parent__parent__isnull=False).count() == 0
    total = Poll.objects.get(pk=poll.pk).options.aggregate(total=Sum("votes"))["total"]
    assert total == PollVote.objects.filter(poll_id=poll.pk).count() == result.votes


def test_demo_questions_become_polls_when_they_ask_yes_or_no():
    from tribune.newsroom.demo_loader import _reader_question

    assert _reader_question({"question": "Ziet u hem nog terug als trainer aan de slag gaan?"})["kind"] == "poll"
    assert _reader_question({"question": "Wie wordt de nieuwe kapitein?"})["kind"] == "open"
