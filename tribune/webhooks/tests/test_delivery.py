"""Events become rows, rows become signed POSTs to a real receiver, failures are retried, then given up."""

from __future__ import annotations

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.utils import timezone

from tribune.engagement.tests.factories import published_comment
from tribune.newsroom.services import article_create, article_publish, article_unpublish
from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory
from tribune.webhooks.delivery import backoff, deliver_due
from tribune.webhooks.models import DeliveryStatus, Event, Webhook, WebhookDelivery
from tribune.webhooks.signing import verify_signature
from tribune.webhooks.tests.receiver import receiver

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def allow_private(settings):
    settings.TRIBUNE_WEBHOOKS_ALLOW_PRIVATE = True
    settings.TRIBUNE_WEBHOOK_TIMEOUT = 2
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0


def draft(headline="Spits scoort twee keer"):
    return article_create(
        headline=headline, section=SectionFactory(slug="voetbal"), lead="Een lead.", authors=[AuthorFactory()]
    )


def publish(article, capture):
    with capture(execute=True):
        article_publish(article=article)
    return article


def test_publish_is_delivered_signed(django_capture_on_commit_callbacks):
    with receiver() as target:
        hook = Webhook.objects.create(url=target.url, events=[Event.ARTICLE_PUBLISHED])
        article = publish(draft(), django_capture_on_commit_callbacks)
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == DeliveryStatus.PENDING and not target.requests

        assert deliver_due() == 1

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert (delivery.attempts, delivery.last_status_code, delivery.next_attempt_at) == (1, 200, None)
    [request] = target.requests
    headers = request.headers
    assert headers["Content-Type"] == "application/json"
    assert headers["User-Agent"] == "Tribune-Webhooks/1"
    assert headers["X-Tribune-Event"] == "article.published"
    assert headers["X-Tribune-Delivery"] == str(delivery.uuid)
    assert verify_signature(
        secret=hook.secret,
        timestamp=headers["X-Tribune-Timestamp"],
        body=request.body,
        signature=headers["X-Tribune-Signature"],
    )
    assert not verify_signature(
        secret="fout",
        timestamp=headers["X-Tribune-Timestamp"],
        body=request.body,
        signature=headers["X-Tribune-Signature"],
    )
    payload = json.loads(request.body)
    assert payload["event"] == "article.published" and payload["id"] == str(delivery.uuid)
    data = payload["data"]
    assert data["id"] == article.pk and data["headline"] == "Spits scoort twee keer"
    assert data["url"].startswith("http") and data["url"].endswith(article.get_absolute_url())
    assert data["section"]["slug"] == "voetbal" and data["published_at"]


def test_events_update_unpublish_and_comment_go_to_matching_webhooks(django_capture_on_commit_callbacks):
    everything = Webhook.objects.create(url="http://127.0.0.1:9/a")
    comments_only = Webhook.objects.create(url="http://127.0.0.1:9/b", events=[Event.COMMENT_PUBLISHED])
    Webhook.objects.create(url="http://127.0.0.1:9/c", is_active=False)
    article = publish(draft(), django_capture_on_commit_callbacks)
    publish(article, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        comment = published_comment(article=article)
    with django_capture_on_commit_callbacks(execute=True):
        article_unpublish(article=article)

    sent = list(WebhookDelivery.objects.order_by("id").values_list("webhook_id", "event"))
    assert sent == [
        (everything.pk, "article.published"),
        (everything.pk, "article.updated"),
        (everything.pk, "comment.published"),
        (comments_only.pk, "comment.published"),
        (everything.pk, "article.unpublished"),
    ]
    data = WebhookDelivery.objects.filter(event="comment.published").first().payload["data"]
    assert data["id"] == comment.pk and data["article_id"] == article.pk
    assert data["url"].endswith(f"#reactie-{comment.pk}")


def test_scheduled_article_is_announced_when_it_goes_live(django_capture_on_commit_callbacks):
    from django.core.management import call_command

    Webhook.objects.create(url="http://127.0.0.1:9/a")
    article = draft()
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=article, go_live_at=timezone.now() + timedelta(hours=1))
    assert not WebhookDelivery.objects.exists()

    article.revisions.update(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=StringIO())
    assert list(WebhookDelivery.objects.values_list("event", flat=True)) == ["article.published"]


def test_retries_on_500_then_succeeds(django_capture_on_commit_callbacks):
    with receiver(codes=[500, 200]) as target:
        Webhook.objects.create(url=target.url)
        publish(draft(), django_capture_on_commit_callbacks)
        now = timezone.now()
        assert deliver_due(now=now) == 1
        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("failed", 1, 500)
        assert delivery.last_error == "HTTP 500"
        assert delivery.next_attempt_at == now + timedelta(seconds=30)
        assert deliver_due(now=now + timedelta(seconds=10)) == 0  # not due yet
        assert deliver_due(now=now + timedelta(seconds=31)) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 2, 200)
    assert len(target.requests) == 2
    # The same delivery id on every attempt, so a receiver can drop duplicates.
    assert len({request.headers["X-Tribune-Delivery"] for request in target.requests}) == 1


def test_timeout_schedules_a_retry_with_backoff(settings, django_capture_on_commit_callbacks):
    settings.TRIBUNE_WEBHOOK_TIMEOUT = 0.2
    with receiver(delay=1.0) as target:
        Webhook.objects.create(url=target.url)
        publish(draft(), django_capture_on_commit_callbacks)
        now = timezone.now()
        deliver_due(now=now)
        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.last_error) == ("failed", 1, "timeout")
        assert delivery.last_status_code is None
        assert delivery.next_attempt_at == now + timedelta(seconds=30)
        later = now + timedelta(seconds=31)
        deliver_due(now=later)
    delivery.refresh_from_db()
    assert delivery.attempts == 2 and delivery.next_attempt_at == later + timedelta(seconds=60)


def test_redirect_is_a_failure_not_followed(django_capture_on_commit_callbacks):
    with receiver(codes=[302]) as target:
        Webhook.objects.create(url=target.url)
        publish(draft(), django_capture_on_commit_callbacks)
        deliver_due()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_status_code) == ("failed", 302)


def test_gives_up_after_a_day():
    hook = Webhook.objects.create(url="http://127.0.0.1:1/")  # nothing listens: connection refused
    now = timezone.now()
    delivery = WebhookDelivery.objects.create(
        webhook=hook, event=Event.ARTICLE_PUBLISHED, payload={"event": "article.published"}, next_attempt_at=now
    )
    created = delivery.created_at
    moment, attempts = now, 0
    while True:
        assert deliver_due(now=moment) == 1
        attempts += 1
        delivery.refresh_from_db()
        assert delivery.attempts == attempts and delivery.last_error.startswith("connection error")
        if delivery.status == DeliveryStatus.GAVE_UP:
            break
        assert delivery.status == DeliveryStatus.FAILED
        assert delivery.next_attempt_at <= created + timedelta(hours=24)
        moment = delivery.next_attempt_at
    assert moment >= created + timedelta(hours=24) - timedelta(seconds=1)
    assert 10 <= attempts <= 15 and delivery.next_attempt_at is None
    assert deliver_due(now=moment + timedelta(days=1)) == 0
    assert backoff(1) == timedelta(seconds=30) and backoff(4) == timedelta(seconds=240)


def test_publishing_with_ten_webhooks_sends_nothing_and_costs_three_queries(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    with receiver() as target:
        for i in range(10):
            Webhook.objects.create(url=f"{target.url}{i}")
        article = draft()
        with django_capture_on_commit_callbacks() as callbacks:
            article_publish(article=article)
        webhook_callbacks = [c for c in callbacks if "webhooks" in c.__code__.co_filename]
        assert len(webhook_callbacks) == 1
        with django_assert_num_queries(3):  # the section (for the payload), the webhooks, one INSERT
            webhook_callbacks[0]()
        assert not target.requests
        assert WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING).count() == 10
        assert deliver_due() == 10
    assert len(target.requests) == 10


def test_management_command_once(django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    with receiver() as target:
        Webhook.objects.create(url=target.url)
        publish(draft(), django_capture_on_commit_callbacks)
        out = StringIO()
        call_command("tribune_deliver_webhooks", "--once", stdout=out)
    assert "1 deliveries" in out.getvalue() and len(target.requests) == 1


def test_scheduler_tick_delivers(django_capture_on_commit_callbacks):
    from tribune.newsroom.scheduling import scheduler_ticked

    with receiver() as target:
        Webhook.objects.create(url=target.url)
        publish(draft(), django_capture_on_commit_callbacks)
        scheduler_ticked.send(sender=None)
    assert len(target.requests) == 1
