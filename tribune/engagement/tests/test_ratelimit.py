"""The rate limiter against the real thing: the database backend on SQLite and PostgreSQL, the Redis backend
against a real Redis (see conftest.py: skipped without one, an error when CI=true), and comment_create
refusing a second comment through each of them."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from tribune.engagement.models import ArticleEngagement, Comment, CommentDecision, ModerationMode, RateLimitSlot
from tribune.engagement.ratelimit import DatabaseRateLimiter, RateLimiter, RedisRateLimiter, rate_limiter
from tribune.engagement.services import RefusalCode, Refused, comment_create
from tribune.engagement.tests.factories import policy, reader
from tribune.newsroom.tests.factories import published_article

THREADS = 16
BACKENDS = ["database", "redis"]


def unique_key(name: str = "slot") -> str:
    return f"test:{name}:{uuid.uuid4().hex}"


@pytest.fixture(params=BACKENDS)
def limiter(request: pytest.FixtureRequest) -> RateLimiter:
    """Each backend as the app uses it; the Redis one under a key prefix of this test's own."""
    if request.param == "redis":
        url = request.getfixturevalue("redis_url")
        request.getfixturevalue("redis_prefix")
        return RedisRateLimiter(url)
    return DatabaseRateLimiter()


def held_until_expiry(limiter: RateLimiter, key: str) -> None:
    assert limiter.take(key, seconds=1)
    assert not limiter.take(key, seconds=1)
    assert not limiter.take(key, seconds=30)  # asking for longer does not help
    time.sleep(1.2)
    assert limiter.take(key, seconds=1)


@pytest.mark.django_db
def test_a_slot_is_taken_once_then_refused_until_it_expires(limiter):
    held_until_expiry(limiter, unique_key())


@pytest.mark.django_db
def test_slots_are_per_key(limiter):
    first, second = unique_key("a"), unique_key("b")
    assert limiter.take(first, seconds=60)
    assert limiter.take(second, seconds=60)
    assert not limiter.take(first, seconds=60)
    assert not limiter.take(second, seconds=60)


@pytest.mark.django_db
def test_release_frees_a_slot_early(limiter):
    key = unique_key()
    assert limiter.take(key, seconds=60)
    limiter.release(key)
    assert limiter.take(key, seconds=60)
    assert not limiter.take(key, seconds=60)
    limiter.release(unique_key("never-taken"))  # releasing a free slot is harmless


@pytest.mark.django_db
def test_database_slots_are_rows_that_expire_and_get_purged():
    limiter = DatabaseRateLimiter()
    spent, live = unique_key("spent"), unique_key("live")
    assert limiter.take(spent, seconds=60)
    assert limiter.take(live, seconds=60)
    RateLimitSlot.objects.filter(key=spent).update(until=timezone.now() - timedelta(seconds=1))
    assert DatabaseRateLimiter.purge_expired() == 1
    assert list(RateLimitSlot.objects.values_list("key", flat=True)) == [live]
    assert limiter.take(spent, seconds=60)


@pytest.mark.django_db
def test_redis_slots_carry_their_expiry(redis_url, redis_prefix):
    limiter = RedisRateLimiter(redis_url)
    key = unique_key()
    assert limiter.take(key, seconds=15)
    ttl = limiter.client.ttl(redis_prefix + key)
    assert 0 < ttl <= 15  # Redis forgets the slot by itself: nothing to purge
    limiter.release(key)
    assert limiter.client.exists(redis_prefix + key) == 0


def test_the_backend_follows_the_setting(settings, redis_url, redis_prefix):
    settings.TRIBUNE_RATE_LIMIT_BACKEND = "database"
    assert isinstance(rate_limiter(), DatabaseRateLimiter)
    settings.TRIBUNE_RATE_LIMIT_BACKEND = "redis"
    settings.TRIBUNE_REDIS_URL = redis_url
    assert isinstance(rate_limiter(), RedisRateLimiter)


# --------------------------------------------------------------------------- many app servers at once


def take_all_at_once(limiter: RateLimiter, keys: list[str], *, seconds: int = 60) -> list[list[bool]]:
    """For each key, THREADS threads (each with its own database connection) take it at the same instant."""
    results: list[list[bool]] = [[] for _ in keys]
    errors: list[BaseException] = []
    barrier = threading.Barrier(THREADS)
    lock = threading.Lock()

    def worker() -> None:
        try:
            for index, key in enumerate(keys):
                barrier.wait(timeout=30)
                taken = limiter.take(key, seconds=seconds)
                with lock:
                    results[index].append(taken)
        except BaseException as exc:
            errors.append(exc)
            barrier.abort()
            raise
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert not any(thread.is_alive() for thread in threads)
    return results


@pytest.mark.django_db(transaction=True)
def test_16_takers_of_a_free_slot_at_once_exactly_one_wins(limiter):
    keys = [unique_key(f"race-{i}") for i in range(10)]
    for key, taken in zip(keys, take_all_at_once(limiter, keys), strict=True):
        assert taken.count(True) == 1, (key, taken)
        assert len(taken) == THREADS


@pytest.mark.django_db(transaction=True)
def test_16_takers_of_an_expired_database_slot_at_once_exactly_one_wins():
    """The row already exists: the conditional UPDATE, not the INSERT, decides the race."""
    limiter = DatabaseRateLimiter()
    keys = [unique_key(f"expired-{i}") for i in range(10)]
    for key in keys:
        assert limiter.take(key, seconds=60)
    RateLimitSlot.objects.filter(key__in=keys).update(until=timezone.now() - timedelta(seconds=1))
    for key, taken in zip(keys, take_all_at_once(limiter, keys), strict=True):
        assert taken.count(True) == 1, (key, taken)
    assert RateLimitSlot.objects.filter(key__in=keys, until__gt=timezone.now()).count() == len(keys)


# --------------------------------------------------------------------------- comment_create end to end


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, settings: Any) -> str:
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 15
    settings.TRIBUNE_RATE_LIMIT_BACKEND = request.param
    if request.param == "redis":
        settings.TRIBUNE_REDIS_URL = request.getfixturevalue("redis_url")
        request.getfixturevalue("redis_prefix")
    return request.param


@pytest.mark.django_db
def test_a_second_comment_within_the_interval_is_refused_and_leaves_nothing(backend):
    article = published_article()
    rules = policy(moderation_mode=ModerationMode.POST)
    writer = reader("snelle-schrijver", address="192.0.2.20")

    def post(body: str, who: Any = writer) -> Any:
        return comment_create(article=article, author_name="Lezer", body=body, reader=who, policy=rules)

    post("Eerste reactie, mooi artikel.")
    with pytest.raises(Refused) as refused:
        post("Tweede reactie, meteen erachteraan.")
    assert refused.value.code == RefusalCode.TOO_FAST
    assert refused.value.message == "U reageert te snel. Wacht 15 seconden en probeer opnieuw."

    # Another browser from the same network address: refused too, and its own slot is given back.
    neighbour = reader("buur", address="192.0.2.20")
    with pytest.raises(Refused) as refused:
        post("Ik zit op hetzelfde netwerk.", who=neighbour)
    assert refused.value.code == RefusalCode.TOO_FAST
    assert rate_limiter().take(f"comment:r:{neighbour.reader_hash}", seconds=1)

    assert Comment.objects.count() == 1
    assert CommentDecision.objects.count() == 1
    assert ArticleEngagement.objects.get(pk=article.pk).reaction_count == 1
    if backend == "redis":
        assert not RateLimitSlot.objects.exists()  # the database backend was not used

    # Another reader elsewhere is not slowed down by any of this.
    post("Ik ben iemand anders.", who=reader("iemand-anders", address="198.51.100.7"))
    assert ArticleEngagement.objects.get(pk=article.pk).reaction_count == 2
