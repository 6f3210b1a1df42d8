from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from tribune.engagement.models import (
    ArticleEngagement,
    Ban,
    Comment,
    CommentDecision,
    CommentLike,
    CommentStatus,
    ModerationMode,
    Poll,
    PollOption,
    PollVote,
    RejectionReason,
    ReportReason,
    Rule,
)
from tribune.engagement.services import (
    RefusalCode,
    Refused,
    addresses_erase_expired,
    comment_approve,
    comment_ban_author,
    comment_create,
    comment_feature,
    comment_like,
    comment_reject,
    comment_report,
    poll_sync,
    poll_vote,
)
from tribune.engagement.tests.factories import policy, poll_article, published_comment, reader
from tribune.newsroom.models import Article, CommentsMode
from tribune.newsroom.services import article_publish
from tribune.newsroom.tests.factories import published_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


@pytest.fixture
def no_rate_limit(settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0


def count(article):
    row = ArticleEngagement.objects.filter(pk=article.pk).first()
    return row.reaction_count if row else 0


def post(article, body="Mooie overwinning.", *, who=None, rules=None, **kwargs):
    return comment_create(
        article=article, author_name="Lezer", body=body, reader=who or reader(), policy=rules or policy(), **kwargs
    )


def test_post_moderation_publishes_and_counts():
    article = published_article()
    outcome = post(article)
    assert outcome.comment.status == CommentStatus.PUBLISHED
    assert outcome.comment.published_at is not None
    assert count(article) == 1
    decision = CommentDecision.objects.get(comment=outcome.comment)
    assert decision.rule == Rule.POST_MODERATION


def test_pre_moderation_waits_and_approval_counts_once():
    article = published_article()
    comment = post(article, rules=policy(moderation_mode=ModerationMode.PRE)).comment
    assert comment.status == CommentStatus.PENDING
    assert count(article) == 0
    assert comment_approve(comment=comment) is True
    assert comment_approve(comment=comment) is False  # a second click changes nothing
    assert count(article) == 1


def test_first_time_writers_wait_then_are_trusted():
    article = published_article()
    rules = policy(moderation_mode=ModerationMode.PRE_FIRST_TIME)
    who = reader("nieuwe-lezer")
    first = post(article, "Eerste keer.", who=who, rules=rules)
    assert (first.comment.status, first.rule) == (CommentStatus.PENDING, Rule.FIRST_TIME)
    comment_approve(comment=first.comment)
    second = post(article, "Tweede keer.", who=who, rules=rules)
    assert second.comment.status == CommentStatus.PUBLISHED


def test_blocked_word_rejects_and_logs_the_rule():
    article = published_article()
    outcome = post(article, "Wat een Sukkel is die scheidsrechter", rules=policy(blocked_words="sukkel\n"))
    assert outcome.comment.status == CommentStatus.REJECTED
    assert outcome.comment.rejection_reason == RejectionReason.BLOCKED_WORD
    assert CommentDecision.objects.get(comment=outcome.comment).rule == Rule.BLOCKED_WORD
    assert count(article) == 0
    assert "niet geplaatst" in outcome.message


def test_blocked_words_match_whole_words_only():
    article = published_article()
    outcome = post(article, "Een klassieker in Brugge", rules=policy(blocked_words="las"))
    assert outcome.comment.status == CommentStatus.PUBLISHED


def test_suspect_word_and_link_limit_send_to_the_queue():
    article = published_article()
    suspect = post(article, "Koop nu goedkope tickets", rules=policy(suspect_words="tickets"))
    assert (suspect.comment.status, suspect.rule) == (CommentStatus.PENDING, Rule.SUSPECT_WORD)
    links = post(article, "Zie https://a.example en www.b.example en http://c.example", rules=policy(link_limit=2))
    assert (links.comment.status, links.rule) == (CommentStatus.PENDING, Rule.LINK_LIMIT)
    assert "links" in links.message


@pytest.mark.parametrize(
    ("name", "body", "field", "words"),
    [
        ("Lezer", "", "body", "Vul uw reactie in"),
        ("", "Tekst", "name", "Vul uw naam in"),
        ("Lezer", "a" * 3001, "body", "maximaal 3000 tekens"),
        ("L" * 61, "Tekst", "name", "maximaal 60"),
        ("Lezer", "nul\x00byte", "body", "ongeldige tekens"),
    ],
)
def test_bad_input_is_refused_with_a_dutch_message_and_nothing_stored(name, body, field, words):
    article = published_article()
    with pytest.raises(Refused) as refused:
        comment_create(article=article, author_name=name, body=body, reader=reader(), policy=policy())
    assert refused.value.field == field
    assert words in refused.value.message
    assert not Comment.objects.exists()


def test_text_is_stored_exactly():
    article = published_article()
    text = 'Regel één 🚴\n<script>alert(1)</script>\n\u202eomgekeerd & "quotes"'
    assert post(article, text).comment.body == text


def test_closed_comments_are_refused():
    closed = published_article()
    Article.objects.filter(pk=closed.pk).update(comments_mode=CommentsMode.CLOSED)
    closed.refresh_from_db()
    with pytest.raises(Refused) as refused:
        post(closed)
    assert refused.value.code == RefusalCode.CLOSED
    old = published_article(published_at=timezone.now() - timedelta(days=10))
    Article.objects.filter(pk=old.pk).update(comments_mode=CommentsMode.CLOSES_AFTER, comments_close_after_days=7)
    old.refresh_from_db()
    assert not old.comments_open()
    Article.objects.filter(pk=old.pk).update(comments_close_after_days=30)
    old.refresh_from_db()
    assert old.comments_open()


def test_duplicates_are_refused():
    article = published_article()
    post(article, "Zelfde tekst")
    with pytest.raises(Refused) as refused:
        post(article, "  zelfde   TEKST ")
    assert refused.value.code == RefusalCode.DUPLICATE
    assert Comment.objects.count() == 1


@override_settings(TRIBUNE_COMMENT_RATE_SECONDS=15, TRIBUNE_RATE_LIMIT_BACKEND="database")
def test_rate_limit_per_reader_and_per_address():
    article = published_article()
    who = reader("snelle-lezer", address="198.51.100.7")
    post(article, "Eerste", who=who)
    with pytest.raises(Refused) as refused:
        post(article, "Tweede", who=who)
    assert refused.value.code == RefusalCode.TOO_FAST
    assert "15 seconden" in refused.value.message
    # Another browser from the same address is just as limited.
    with pytest.raises(Refused):
        post(article, "Derde", who=reader("andere-browser", address="198.51.100.7"))
    assert Comment.objects.count() == 1
    post(article, "Vierde", who=reader("elders", address="198.51.100.8"))


def test_banned_writers_are_refused():
    article = published_article()
    who = reader("trol", address="203.0.113.5")
    comment = post(article, "Beledigend", who=who).comment
    comment_ban_author(comment=comment, reason=RejectionReason.ABUSE)
    assert Ban.objects.count() == 2
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert count(article) == 0
    for other in (who, reader("nieuwe-browser", address="203.0.113.5")):
        with pytest.raises(Refused) as refused:
            post(article, "Nog eens", who=other)
        assert refused.value.code == RefusalCode.BANNED


def test_replies_stay_one_level_deep_and_on_their_article():
    article, other = published_article(), published_article(headline="Ander artikel")
    top = post(article, "Bovenaan").comment
    reply = post(article, "Antwoord", parent=top).comment
    nested = post(article, "Antwoord op antwoord", parent=reply).comment
    assert reply.parent_id == top.pk and nested.parent_id == top.pk
    with pytest.raises(Refused):
        post(other, "Verkeerd artikel", parent=top)
    assert count(article) == 3


def test_reject_and_feature():
    article = published_article()
    comment = post(article).comment
    comment_feature(comment=comment)
    assert Comment.objects.get(pk=comment.pk).is_featured
    assert comment_reject(comment=comment, reason=RejectionReason.OFF_TOPIC) is True
    assert comment_reject(comment=comment, reason=RejectionReason.OFF_TOPIC) is False
    comment.refresh_from_db()
    assert (comment.status, comment.rejection_reason, comment.is_featured) == ("rejected", "off_topic", False)
    assert count(article) == 0
    with pytest.raises(Refused):
        comment_reject(comment=comment, reason="whatever")
    with pytest.raises(Refused):
        comment_feature(comment=comment)


def test_like_once_per_reader():
    comment = published_comment(article=published_article())
    who = reader()
    assert comment_like(comment=comment, reader=who) is True
    assert comment_like(comment=comment, reader=who) is False
    assert comment_like(comment=comment, reader=reader()) is True
    assert Comment.objects.get(pk=comment.pk).like_count == 2
    assert CommentLike.objects.count() == 2


def test_enough_reports_hide_a_comment_until_a_moderator_decides():
    article = published_article()
    comment = published_comment(article=article)
    rules = policy(reports_to_hide=2)
    assert comment_report(comment=comment, reader=(who := reader()), reason=ReportReason.SPAM, policy=rules)
    assert not comment_report(comment=comment, reader=who, reason=ReportReason.SPAM, policy=rules)
    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (CommentStatus.PUBLISHED, 1)
    assert comment_report(comment=comment, reader=reader(), reason=ReportReason.ABUSE, policy=rules)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert count(article) == 0
    assert Comment.objects.in_queue().filter(pk=comment.pk).exists()
    comment_approve(comment=comment)
    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (CommentStatus.PUBLISHED, 0)
    assert count(article) == 1
    with pytest.raises(Refused):
        comment_report(comment=comment, reader=reader(), reason="nonsense", policy=rules)


def test_poll_sync_follows_the_published_body():
    article = poll_article(options=("Ja", "Nee", "Misschien"))
    poll = Poll.objects.get(pk=article.pk)
    assert list(poll.options.values_list("label", flat=True)) == ["Ja", "Nee", "Misschien"]
    poll_vote(poll=poll, position=0, reader=reader())
    poll_vote(poll=poll, position=2, reader=reader())
    # The editor fixes a typo and drops the third answer: votes stay with their position.
    block = next(block for block in article.body if block.block_type == "reader_question")
    article.body = [
        {"type": "reader_question", "value": {**dict(block.value), "options": ["Jazeker", "Nee"]}},
    ]
    article_publish(article=article)
    options = list(PollOption.objects.filter(poll=poll).values_list("label", "votes"))
    assert options == [("Jazeker", 1), ("Nee", 0)]
    assert PollVote.objects.filter(poll=poll).count() == 1
    article.body = [{"type": "paragraph", "value": "<p>Geen vraag meer.</p>"}]
    article_publish(article=article)
    assert not Poll.objects.filter(pk=article.pk).exists()
    assert poll_sync(article=article) is None


def test_poll_vote_once_and_refusals_leave_nothing():
    article = poll_article()
    poll = Poll.objects.get(pk=article.pk)
    who = reader()
    assert poll_vote(poll=poll, position=1, reader=who) is True
    assert poll_vote(poll=poll, position=0, reader=who) is False
    with pytest.raises(Refused):
        poll_vote(poll=poll, position=9, reader=reader())
    assert list(PollOption.objects.filter(poll=poll).values_list("votes", flat=True)) == [0, 1, 0]
    assert PollVote.objects.count() == 1
    closed = Poll.objects.get(pk=poll_article(closed=True, headline="Gesloten").pk)
    with pytest.raises(Refused) as refused:
        poll_vote(poll=closed, position=0, reader=reader())
    assert refused.value.code == RefusalCode.CLOSED
    assert PollVote.objects.count() == 1


def test_raw_addresses_are_erased_after_the_retention(settings):
    settings.TRIBUNE_ADDRESS_RETENTION_DAYS = 7
    article = published_article()
    old, new = published_comment(article=article, body="Oud"), published_comment(article=article, body="Nieuw")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert addresses_erase_expired() == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.address is None and old.address_hash
    assert new.address == "192.0.2.10"


def test_no_address_kept_when_retention_is_zero(settings):
    settings.TRIBUNE_ADDRESS_RETENTION_DAYS = 0
    comment = published_comment(article=published_article())
    assert comment.address is None


def test_the_scheduler_and_the_command_erase_expired_addresses(settings):
    from io import StringIO

    from django.core.management import call_command

    from tribune.newsroom.scheduling import scheduler_tick

    settings.TRIBUNE_ADDRESS_RETENTION_DAYS = 7
    article = published_article()
    first, second = published_comment(article=article, body="Een"), published_comment(article=article, body="Twee")
    Comment.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=30))
    assert scheduler_tick(holder="test-process")
    assert Comment.objects.get(pk=first.pk).address is None
    Comment.objects.filter(pk=second.pk).update(created_at=timezone.now() - timedelta(days=30))
    out = StringIO()
    call_command("tribune_erase_addresses", stdout=out)
    assert out.getvalue().startswith("1 address(es) erased")


def test_the_count_is_what_readers_see_when_a_thread_is_hidden_and_restored():
    article = published_article()
    top = published_comment(article=article, body="Bovenaan")
    for number in range(3):
        published_comment(article=article, parent=top, body=f"Antwoord {number}")
    other = published_comment(article=article, body="Los")
    assert count(article) == 5
    # Replies show only under a published comment: they leave the count with it...
    assert comment_reject(comment=top, reason=RejectionReason.ABUSE) is True
    assert count(article) == 1
    # ...a reply to it can no longer be added, and one that is approved meanwhile adds nothing visible...
    with pytest.raises(Refused):
        post(article, "Te laat", parent=top)
    hidden_reply = Comment.objects.filter(parent=top).first()
    comment_reject(comment=hidden_reply, reason=RejectionReason.SPAM)
    assert count(article) == 1
    comment_approve(comment=hidden_reply)
    assert count(article) == 1
    # ...and they come back with it.
    comment_approve(comment=top)
    assert count(article) == 5
    comment_reject(comment=other, reason=RejectionReason.OFF_TOPIC)
    assert count(article) == 4


def test_only_published_top_comments_can_be_featured():
    article = published_article()
    top = published_comment(article=article)
    reply = published_comment(article=article, parent=top, body="Antwoord")
    with pytest.raises(Refused):
        comment_feature(comment=reply)
    comment_feature(comment=top)
    comment_feature(comment=top, featured=False)
    assert not Comment.objects.get(pk=top.pk).is_featured


def test_a_second_approval_logs_nothing():
    article = published_article()
    comment = post(article, rules=policy(moderation_mode=ModerationMode.PRE)).comment
    comment_approve(comment=comment)
    comment_approve(comment=comment)
    assert CommentDecision.objects.filter(comment=comment, rule=Rule.MODERATOR).count() == 1
