"""The delivery log loses finished rows after TRIBUNE_WEBHOOK_LOG_DAYS, in bounded batches, never pending ones."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tribune.newsroom.scheduling import scheduler_ticked
from tribune.webhooks import receivers, services
from tribune.webhooks.models import DeliveryStatus, Event, Webhook, WebhookDelivery
from tribune.webhooks.services import webhook_delivery_prune

pytestmark = pytest.mark.django_db


@pytest.fixture
def hook():
    return Webhook.objects.create(url="http://127.0.0.1:9/a")


def row(hook, status, *, days_old, now):
    delivery = WebhookDelivery.objects.create(
        webhook=hook,
        event=Event.ARTICLE_PUBLISHED,
        payload={"event": "article.published"},
        status=status,
        next_attempt_at=now if status in (DeliveryStatus.PENDING, DeliveryStatus.FAILED) else None,
    )
    # created_at is auto_now_add: age the row afterwards.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(created_at=now - timedelta(days=days_old))
    return delivery.pk


def remaining():
    return set(WebhookDelivery.objects.values_list("pk", flat=True))


def test_deletes_only_finished_rows_older_than_the_cutoff(hook):
    now = timezone.now()
    old_delivered = row(hook, DeliveryStatus.SUCCEEDED, days_old=40, now=now)
    old_given_up = row(hook, DeliveryStatus.GAVE_UP, days_old=31, now=now)
    old_pending = row(hook, DeliveryStatus.PENDING, days_old=40, now=now)
    old_failed = row(hook, DeliveryStatus.FAILED, days_old=40, now=now)
    recent_delivered = row(hook, DeliveryStatus.SUCCEEDED, days_old=29, now=now)
    recent_given_up = row(hook, DeliveryStatus.GAVE_UP, days_old=1, now=now)
    recent_pending = row(hook, DeliveryStatus.PENDING, days_old=0, now=now)

    assert webhook_delivery_prune(older_than=now - timedelta(days=30)) == 2

    assert remaining() == {old_pending, old_failed, recent_delivered, recent_given_up, recent_pending}
    assert not {old_delivered, old_given_up} & remaining()
    assert webhook_delivery_prune(older_than=now - timedelta(days=30)) == 0


def test_one_call_deletes_at_most_limit_rows_oldest_first(hook):
    now = timezone.now()
    rows = [row(hook, DeliveryStatus.SUCCEEDED, days_old=60 - i, now=now) for i in range(5)]
    cutoff = now - timedelta(days=30)

    assert webhook_delivery_prune(older_than=cutoff, limit=2) == 2
    assert remaining() == set(rows[2:])
    assert webhook_delivery_prune(older_than=cutoff, limit=2) == 2
    assert webhook_delivery_prune(older_than=cutoff, limit=2) == 1
    assert webhook_delivery_prune(older_than=cutoff, limit=2) == 0
    assert not remaining()


def test_unfinished_rows_hold_places_in_the_window_but_are_never_deleted(hook):
    now = timezone.now()
    pending = row(hook, DeliveryStatus.PENDING, days_old=50, now=now)
    delivered = [row(hook, DeliveryStatus.SUCCEEDED, days_old=45, now=now) for _ in range(3)]
    cutoff = now - timedelta(days=30)

    # The two oldest rows are looked at: the pending one stays, one delivered one goes.
    assert webhook_delivery_prune(older_than=cutoff, limit=2) == 1
    assert webhook_delivery_prune(older_than=cutoff, limit=2) == 1
    assert webhook_delivery_prune(older_than=cutoff, limit=2) == 1
    assert remaining() == {pending}
    assert not set(delivered) & remaining()


def test_one_delete_statement(hook):
    now = timezone.now()
    for _ in range(3):
        row(hook, DeliveryStatus.SUCCEEDED, days_old=40, now=now)
    # The DELETE with its window as a subquery; no SELECT of the rows first (nothing cascades from a delivery).
    with CaptureQueriesContext(connection) as captured:
        assert webhook_delivery_prune(older_than=now - timedelta(days=30)) == 3
    statements = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]  # the test's transaction
    assert len(statements) == 1 and statements[0].startswith("DELETE") and "LIMIT 1000" in statements[0]


def test_scheduler_tick_trims_the_log(settings, hook):
    settings.TRIBUNE_WEBHOOK_LOG_DAYS = 30
    now = timezone.now()
    old_delivered = row(hook, DeliveryStatus.SUCCEEDED, days_old=31, now=now)
    old_pending = row(hook, DeliveryStatus.PENDING, days_old=31, now=now)
    WebhookDelivery.objects.filter(pk=old_pending).update(next_attempt_at=now + timedelta(hours=1))  # not due
    recent = row(hook, DeliveryStatus.SUCCEEDED, days_old=29, now=now)

    scheduler_ticked.send(sender=None)

    assert old_delivered not in remaining()
    assert remaining() == {old_pending, recent}


def test_tick_deletes_a_bounded_number_of_batches(settings, monkeypatch, hook):
    settings.TRIBUNE_WEBHOOK_LOG_DAYS = 30
    monkeypatch.setattr(services, "PRUNE_BATCH", 2)
    monkeypatch.setattr(receivers, "PRUNE_BATCHES_PER_TICK", 3)
    now = timezone.now()
    for _ in range(9):
        row(hook, DeliveryStatus.GAVE_UP, days_old=40, now=now)

    assert receivers.prune_log(now=now) == 6  # 3 batches of 2
    assert receivers.prune_log(now=now) == 3  # the rest: a short batch ends the tick's work
    assert receivers.prune_log(now=now) == 0
    assert not remaining()


def test_zero_days_keeps_the_log(settings, hook):
    settings.TRIBUNE_WEBHOOK_LOG_DAYS = 0
    now = timezone.now()
    kept = row(hook, DeliveryStatus.SUCCEEDED, days_old=3650, now=now)

    assert receivers.prune_log(now=now) == 0
    scheduler_ticked.send(sender=None)
    assert remaining() == {kept}


def test_setting_comes_from_the_environment(monkeypatch):
    from config import env

    assert env.VARIABLES["TRIBUNE_WEBHOOK_LOG_DAYS"][0] == "30"
    monkeypatch.setenv("TRIBUNE_WEBHOOK_LOG_DAYS", "7")
    assert env.read_environment().webhook_log_days == 7
    monkeypatch.setenv("TRIBUNE_WEBHOOK_LOG_DAYS", "-1")
    assert env.read_environment().webhook_log_days == 0
