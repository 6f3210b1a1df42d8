"""Correctness under load: many readers at once, through the real views, on the real database.

Every parallel client is a thread with its own `django.test.Client` and therefore its own database
connection (closed when the thread ends): a SQLite file in WAL mode with IMMEDIATE transactions in the
first pass, PostgreSQL in the second. The counts readers see (an article's reactions, a comment's likes,
a poll's votes) must equal the rows behind them exactly, however many requests race.
"""

from __future__ import annotations

import threading
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from tribune.engagement.identity import READER_COOKIE, Reader, form_token_issue, reader_remember
from tribune.engagement.models import (
    ArticleEngagement,
    Comment,
    CommentDecision,
    CommentLike,
    CommentStatus,
    ModerationMode,
    Poll,
    PollOption,
    PollVote,
    RateLimitSlot,
    RejectionReason,
)
from tribune.engagement.services import comment_approve, comment_reject
from tribune.engagement.tests.factories import policy, poll_article, published_comment
from tribune.newsroom.tests.factories import published_article

THREADS = 16
COMMENTS = 2000
VOTES = 2000
# How voter i answers: unequal shares, so a vote counted on the wrong option shows.
VOTE_PLAN = (0, 0, 0, 1, 1, 2)
JOIN_TIMEOUT = 120  # seconds; a hung thread fails the test instead of hanging the run

pytestmark = pytest.mark.usefixtures("default_site")


@pytest.fixture
def fast_forms(settings):
    """No waiting between two comments and no minimum time to fill in the form: pure write load."""
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0
    settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS = 0


# --------------------------------------------------------------------------- parallel clients


@dataclass
class Run:
    """What the parallel clients got back: (item, status) per request, and the traceback of any exception."""

    results: list[tuple[Any, int]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def statuses(self) -> Counter[int]:
        return Counter(status for _, status in self.results)

    def assert_no_errors(self) -> None:
        server_errors = [(item, status) for item, status in self.results if status >= 500]
        assert not self.errors, f"{len(self.errors)} requests raised; the first:\n{self.errors[0]}"
        assert not server_errors, f"{len(server_errors)} server errors, e.g. {server_errors[:5]}"


def _thread_main(run: Run, lock: threading.Lock, body: Callable[[], None]) -> None:
    try:
        body()
    except Exception:  # reported by the test, with the traceback
        with lock:
            run.errors.append(traceback.format_exc())
    finally:
        connection.close()  # this thread's own connection


def _start_and_join(threads: list[threading.Thread]) -> None:
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=JOIN_TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), f"a client thread hung for {JOIN_TIMEOUT} s"


def in_parallel(
    items: Sequence[Any],
    send: Callable[[Client, Any], Any],
    *,
    threads: int = THREADS,
    client_per_item: bool = False,
) -> Run:
    """Send every item from `threads` clients at once (items dealt round-robin), all starting together.

    `client_per_item`: a fresh Client (an empty cookie jar, so a new reader) for every request.
    """
    run, lock = Run(), threading.Lock()
    barrier = threading.Barrier(threads)

    def client_loop(chunk: Sequence[Any]) -> None:
        client = Client()
        barrier.wait(timeout=60)
        for item in chunk:
            if client_per_item:
                client = Client()
            try:
                response = send(client, item)
            except Exception:  # a request that raised is a server error
                with lock:
                    run.errors.append(traceback.format_exc())
                continue
            with lock:
                run.results.append((item, response.status_code))

    _start_and_join(
        [
            threading.Thread(target=_thread_main, args=(run, lock, lambda c=items[i::threads]: client_loop(c)))
            for i in range(threads)
        ]
    )
    return run


def race(rounds: int, send: Callable[[Client, int, int], Any], *, threads: int = THREADS) -> Run:
    """`rounds` races: in each, all threads send at the same instant (a barrier per round).

    `send(client, round, thread)` gets a fresh Client each time; results are (round, status).
    """
    run, lock = Run(), threading.Lock()
    barrier = threading.Barrier(threads)

    def client_loop(index: int) -> None:
        for round_ in range(rounds):
            client = Client()
            barrier.wait(timeout=60)
            response = send(client, round_, index)
            with lock:
                run.results.append((round_, response.status_code))

    _start_and_join(
        [threading.Thread(target=_thread_main, args=(run, lock, lambda i=i: client_loop(i))) for i in range(threads)]
    )
    return run


def reader_cookie(token: str) -> str:
    """The signed cookie value a browser holds for reader `token` (as the site sets it)."""
    response = HttpResponse()
    reader_remember(response, Reader(reader_hash="", address_hash="", address="", token=token, is_new=True))
    return response.cookies[READER_COOKIE].value


def reaction_count(article: Any) -> int:
    row = ArticleEngagement.objects.filter(pk=article.pk).first()
    return row.reaction_count if row else 0


def published_count(article: Any) -> int:
    return Comment.objects.filter(article=article, status=CommentStatus.PUBLISHED).count()


# --------------------------------------------------------------------------- comments


@pytest.mark.django_db(transaction=True)
def test_2000_concurrent_comments_are_all_stored_and_counted(fast_forms):
    policy(moderation_mode=ModerationMode.POST)
    article = published_article()
    first = published_comment(article=article, body="De eerste reactie.")
    url = reverse("engagement:comment_post", kwargs={"pk": article.pk})

    def post(client: Client, i: int) -> Any:
        data = {"token": form_token_issue(), "name": f"Lezer {i}", "body": f"Reactie {i}: wat een wedstrijd."}
        if i % 8 == 0:
            data["parent"] = str(first.pk)  # every eighth one is a reply
        return client.post(url, data)

    run = in_parallel(range(COMMENTS), post)

    run.assert_no_errors()
    assert run.statuses == {303: COMMENTS}, run.statuses
    new = Comment.objects.filter(article=article).exclude(pk=first.pk)
    assert new.count() == COMMENTS
    assert new.values("body_hash").distinct().count() == COMMENTS
    assert new.filter(parent=first).count() == COMMENTS // 8
    # The count readers see is the number of published comments, exactly (the first one included).
    assert published_count(article) == COMMENTS + 1
    assert reaction_count(article) == COMMENTS + 1
    assert CommentDecision.objects.filter(comment__article=article).count() == COMMENTS + 1


@pytest.mark.django_db(transaction=True)
def test_double_submitted_comment_is_stored_once(settings):
    """16 copies of one form (a double click, a resend) at the same instant: one comment, the rest refused."""
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 60
    settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS = 0
    settings.TRIBUNE_RATE_LIMIT_BACKEND = "database"
    policy(moderation_mode=ModerationMode.POST)
    article = published_article()
    url = reverse("engagement:comment_post", kwargs={"pk": article.pk})
    rounds = 8
    forms = [
        {"token": form_token_issue(), "name": "Lezer", "body": f"Dubbel verstuurd, ronde {r}."} for r in range(rounds)
    ]
    cookies = [reader_cookie(f"dubbel-{r}") for r in range(rounds)]

    def post(client: Client, round_: int, _thread: int) -> Any:
        client.cookies[READER_COOKIE] = cookies[round_]
        return client.post(url, forms[round_], REMOTE_ADDR=f"192.0.2.{round_ + 1}")

    run = race(rounds, post)

    run.assert_no_errors()
    for round_ in range(rounds):
        statuses = Counter(status for r, status in run.results if r == round_)
        assert statuses[303] == 1, (round_, statuses)
        # Refused as too fast (the rate slot) or as a duplicate (the first one already committed).
        assert statuses[429] + statuses[409] == THREADS - 1, (round_, statuses)
    assert Comment.objects.filter(article=article).count() == rounds
    assert reaction_count(article) == published_count(article) == rounds
    assert RateLimitSlot.objects.count() == 2 * rounds  # one per reader and one per address, nothing more


# --------------------------------------------------------------------------- likes


@pytest.mark.django_db(transaction=True)
def test_concurrent_likes_by_many_readers_are_all_counted():
    policy()
    comment = published_comment(article=published_article())
    url = reverse("engagement:like", kwargs={"pk": comment.pk})
    readers = 800

    run = in_parallel(
        range(readers), lambda client, _i: client.post(url, {"token": form_token_issue()}), client_per_item=True
    )

    run.assert_no_errors()
    assert run.statuses == {303: readers}, run.statuses
    comment.refresh_from_db()
    assert comment.like_count == CommentLike.objects.filter(comment=comment).count() == readers


@pytest.mark.django_db(transaction=True)
def test_one_reader_liking_from_16_requests_at_once_counts_once():
    policy()
    comment = published_comment(article=published_article())
    url = reverse("engagement:like", kwargs={"pk": comment.pk})
    rounds = 12
    cookies = [reader_cookie(f"fan-{r}") for r in range(rounds)]
    # Odd rounds: the very same form resent by a browser without a cookie yet (the form's nonce is the reader).
    tokens = [form_token_issue() for _ in range(rounds)]

    def like(client: Client, round_: int, _thread: int) -> Any:
        if round_ % 2 == 0:
            client.cookies[READER_COOKIE] = cookies[round_]
            return client.post(url, {"token": form_token_issue()})
        return client.post(url, {"token": tokens[round_]})

    run = race(rounds, like)

    run.assert_no_errors()
    assert run.statuses == {303: rounds * THREADS}, run.statuses
    comment.refresh_from_db()
    assert comment.like_count == CommentLike.objects.filter(comment=comment).count() == rounds


# --------------------------------------------------------------------------- poll votes


@pytest.mark.django_db(transaction=True)
def test_2000_concurrent_votes_are_all_counted_and_rejected_ones_leave_nothing():
    article = poll_article()
    poll = Poll.objects.get(pk=article.pk)
    url = reverse("engagement:poll_vote", kwargs={"pk": article.pk})
    invalid = ("7", "99", "x", "")  # no such option, or not an option at all
    # Every 12th request is an invalid vote, mixed in with the real ones.
    items: list[tuple[int, str]] = []
    voter = 0
    while voter < VOTES:
        if len(items) % 12 == 11:
            items.append((-1, invalid[len(items) % len(invalid)]))
        else:
            items.append((voter, str(VOTE_PLAN[voter % len(VOTE_PLAN)])))
            voter += 1

    def vote(client: Client, item: tuple[int, str]) -> Any:
        return client.post(url, {"token": form_token_issue(), "option": item[1]})

    run = in_parallel(items, vote, client_per_item=True)  # a fresh browser per voter: 2,000 readers

    run.assert_no_errors()
    assert Counter(status for (who, _), status in run.results if who >= 0) == {303: VOTES}
    rejected = sum(1 for who, _ in items if who < 0)
    assert Counter(status for (who, _), status in run.results if who < 0) == {303: rejected}  # refused, redirected
    sent = Counter(int(option) for who, option in items if who >= 0)
    tallies = dict(PollOption.objects.filter(poll=poll).values_list("position", "votes"))
    rows = Counter(PollVote.objects.filter(poll=poll).values_list("position", flat=True))
    assert sum(tallies.values()) == PollVote.objects.filter(poll=poll).count() == VOTES
    assert tallies == dict(sent) == dict(rows)


@pytest.mark.django_db(transaction=True)
def test_one_reader_voting_from_16_requests_at_once_counts_once():
    article = poll_article()
    poll = Poll.objects.get(pk=article.pk)
    url = reverse("engagement:poll_vote", kwargs={"pk": article.pk})
    rounds = 12
    cookies = [reader_cookie(f"kiezer-{r}") for r in range(rounds)]
    tokens = [form_token_issue() for _ in range(rounds)]

    def vote(client: Client, round_: int, thread: int) -> Any:
        option = str(thread % 3)  # the same reader, different answers at the same instant
        if round_ % 2 == 0:
            client.cookies[READER_COOKIE] = cookies[round_]
            return client.post(url, {"token": form_token_issue(), "option": option})
        return client.post(url, {"token": tokens[round_], "option": option})  # one form resent, no cookie

    run = race(rounds, vote)

    run.assert_no_errors()
    assert run.statuses == {303: rounds * THREADS}, run.statuses
    tallies = PollOption.objects.filter(poll=poll).values_list("votes", flat=True)
    assert sum(tallies) == PollVote.objects.filter(poll=poll).count() == rounds


# --------------------------------------------------------------------------- moderation


@pytest.mark.django_db(transaction=True)
def test_moderators_deciding_at_once_move_the_count_once_per_comment():
    """16 moderators approve the same 40 waiting comments at once, then all reject them at once."""
    rules = policy(moderation_mode=ModerationMode.PRE)
    article = published_article()
    waiting = [published_comment(article=article, body=f"Wacht {i}.", policy=rules) for i in range(40)]
    assert reaction_count(article) == 0
    run, lock = Run(), threading.Lock()

    def decide(decision: Callable[[Comment], Any], offset: int) -> None:
        for comment in waiting[offset:] + waiting[:offset]:
            decision(Comment.objects.get(pk=comment.pk))

    def all_at_once(decision: Callable[[Comment], Any]) -> None:
        _start_and_join(
            [
                threading.Thread(target=_thread_main, args=(run, lock, lambda i=i: decide(decision, i * 3 % 40)))
                for i in range(THREADS)
            ]
        )
        run.assert_no_errors()

    all_at_once(lambda comment: comment_approve(comment=comment))
    assert published_count(article) == reaction_count(article) == 40

    all_at_once(lambda comment: comment_reject(comment=comment, reason=RejectionReason.SPAM))
    assert published_count(article) == reaction_count(article) == 0


@pytest.mark.django_db(transaction=True)
def test_approve_and_reject_of_one_waiting_comment_at_once_keep_the_count_exact():
    """Two moderators, one approving and one rejecting the same waiting comment, interleaved at the worst point:
    the rejecter has read the comment (still waiting) and the approver tries to commit before the rejecter
    writes. (Before 1eb6cb4, comment_reject's second UPDATE then rejected a published comment that stayed in
    the count on PostgreSQL.) With the row locked, the approver waits instead, and the count stays exact."""
    rules = policy(moderation_mode=ModerationMode.PRE)
    article = published_article()
    comment = published_comment(article=article, body="Wacht op een moderator.", policy=rules)
    looked, approved = threading.Event(), threading.Event()
    run, lock = Run(), threading.Lock()

    def pause_after_first_look(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if '"engagement_comment"' in sql and not looked.is_set():
            looked.set()
            # Let the approver commit now if it can; when the row (PostgreSQL) or the database (SQLite) is
            # locked it cannot, so stop waiting after 2 s.
            approved.wait(timeout=2)
        return result

    def reject() -> None:
        waiting = Comment.objects.get(pk=comment.pk)
        with connection.execute_wrapper(pause_after_first_look):
            comment_reject(comment=waiting, reason=RejectionReason.SPAM)

    def approve() -> None:
        waiting = Comment.objects.get(pk=comment.pk)
        assert looked.wait(timeout=30)
        comment_approve(comment=waiting)
        approved.set()

    _start_and_join([threading.Thread(target=_thread_main, args=(run, lock, job)) for job in (reject, approve)])

    run.assert_no_errors()
    assert reaction_count(article) == published_count(article)


# --------------------------------------------------------------------------- refused: nothing left behind


@pytest.mark.django_db
def test_votes_refused_leave_no_row_and_no_count(client):
    article = poll_article()
    poll = Poll.objects.get(pk=article.pk)
    url = reverse("engagement:poll_vote", kwargs={"pk": article.pk})
    for option in ("3", "7", "-1", "x", "", "00000001" * 3):
        response = client.post(url, {"token": form_token_issue(), "option": option}, HTTP_ACCEPT="application/json")
        assert response.status_code == 400, option
        assert response.json()["field"] == "option"
    response = client.post(url, {"token": "vervalst", "option": "0"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400  # a forged form token
    assert not PollVote.objects.exists()
    assert sum(PollOption.objects.filter(poll=poll).values_list("votes", flat=True)) == 0

    Poll.objects.filter(pk=poll.pk).update(is_closed=True)
    response = client.post(url, {"token": form_token_issue(), "option": "0"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert response.json()["message"] == "Deze peiling is gesloten."
    assert not PollVote.objects.exists()
    assert sum(PollOption.objects.filter(poll=poll).values_list("votes", flat=True)) == 0


@pytest.mark.django_db
def test_comments_refused_by_the_rate_limit_leave_no_row_and_no_count(client, settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 15
    settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS = 0
    settings.TRIBUNE_RATE_LIMIT_BACKEND = "database"
    policy(moderation_mode=ModerationMode.POST)
    article = published_article()
    url = reverse("engagement:comment_post", kwargs={"pk": article.pk})

    def post(body: str, *, who: str, address: str) -> Any:
        client.cookies[READER_COOKIE] = reader_cookie(who)
        data = {"token": form_token_issue(), "name": "Lezer", "body": body}
        return client.post(url, data, REMOTE_ADDR=address, HTTP_ACCEPT="application/json")

    assert post("Eerste reactie.", who="a", address="192.0.2.1").status_code == 200
    slots = set(RateLimitSlot.objects.values_list("key", flat=True))
    assert len(slots) == 2  # this reader, this address

    # The same reader again (another address), and another reader from the same address: both too fast.
    for who, address in (("a", "192.0.2.2"), ("b", "192.0.2.1")):
        response = post(f"Nog een reactie van {who}.", who=who, address=address)
        assert response.status_code == 429
        assert "U reageert te snel" in response.json()["message"]

    assert Comment.objects.count() == 1
    assert CommentDecision.objects.count() == 1
    assert reaction_count(article) == published_count(article) == 1
    # Reader b's slot, taken before the address slot refused it, was given back.
    assert set(RateLimitSlot.objects.values_list("key", flat=True)) == slots


@pytest.mark.django_db
def test_comments_refused_before_storing_leave_no_row_and_no_count(client, settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0
    settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS = 0
    policy(moderation_mode=ModerationMode.POST, blocked_words="scheidsrechter is omgekocht")
    article = published_article()
    url = reverse("engagement:comment_post", kwargs={"pk": article.pk})
    refused = [
        {"name": "Lezer", "body": ""},  # empty
        {"name": "", "body": "Zonder naam."},
        {"name": "Lezer", "body": "x" * 3001},  # too long
        {"name": "Lezer", "body": "Een bot vult alles in.", "website": "http://spam.example"},
        {"name": "Lezer", "body": "Antwoord op niets.", "parent": "999999"},
    ]
    for data in refused:
        response = client.post(url, {"token": form_token_issue(), **data}, HTTP_ACCEPT="application/json")
        assert 400 <= response.status_code < 500, data
    assert client.post(url, {"token": "vervalst", "name": "L", "body": "Vals formulier."}).status_code == 400
    assert not Comment.objects.exists()
    assert reaction_count(article) == 0

    # A blocked word is stored as rejected (the moderation log needs it) but never counted.
    response = client.post(
        url, {"token": form_token_issue(), "name": "Lezer", "body": "De scheidsrechter is omgekocht!"}
    )
    assert response.status_code == 303
    assert Comment.objects.get().status == CommentStatus.REJECTED
    assert reaction_count(article) == published_count(article) == 0
