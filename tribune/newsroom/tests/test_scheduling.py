import time
from datetime import timedelta

import pytest
from django.utils import timezone

from tribune.newsroom.models import Article, ArticleAuthor, SchedulerLease
from tribune.newsroom.scheduling import LEASE_NAME, lease_acquire, scheduler_tick
from tribune.newsroom.services import article_create, article_publish
from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_only_one_process_holds_the_lease_until_it_expires():
    ttl = timedelta(seconds=45)
    assert lease_acquire(name="x", holder="a", ttl=ttl)
    assert not lease_acquire(name="x", holder="b", ttl=ttl)
    assert lease_acquire(name="x", holder="a", ttl=ttl)  # the holder renews
    SchedulerLease.objects.filter(name="x").update(expires_at=timezone.now() - timedelta(seconds=1))
    assert lease_acquire(name="x", holder="b", ttl=ttl)  # a dead holder is replaced


def test_tick_publishes_a_due_scheduled_article(client):
    article = article_create(headline="Gepland stuk", section=SectionFactory(), lead="Lead.", authors=[AuthorFactory()])
    article_publish(article=article, go_live_at=timezone.now() + timedelta(seconds=1))
    assert scheduler_tick(holder="test")
    article.refresh_from_db()
    assert not article.live
    assert client.get(article.get_absolute_url()).status_code == 404
    time.sleep(1.1)
    assert scheduler_tick(holder="test")
    article.refresh_from_db()
    assert article.live
    assert ArticleAuthor.objects.get(article=article).live
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get("/").content.decode().count("Gepland stuk") >= 1


def test_tick_is_skipped_by_a_process_without_the_lease():
    SchedulerLease.objects.create(name=LEASE_NAME, holder="other", expires_at=timezone.now() + timedelta(minutes=1))
    assert not scheduler_tick(holder="me")
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_scheduler_thread_publishes_on_time(settings, client):
    """The real background loop, ticking fast: a scheduled article goes live by itself."""
    import threading

    from tribune.newsroom.scheduling import run_forever

    settings.TRIBUNE_SCHEDULER_INTERVAL = 0.2
    article = article_create(headline="Op tijd", section=SectionFactory(), lead="Lead.", authors=[AuthorFactory()])
    article_publish(article=article, go_live_at=timezone.now() + timedelta(seconds=1))
    stop = threading.Event()
    thread = threading.Thread(target=run_forever, args=(stop,), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and client.get(article.get_absolute_url()).status_code != 200:
            time.sleep(0.2)
        assert client.get(article.get_absolute_url()).status_code == 200
    finally:
        stop.set()
        thread.join(timeout=5)
