from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from tribune.webhooks import services
from tribune.webhooks.delivery import deliver_due
from tribune.webhooks.models import Event
from tribune.webhooks.services import announce, article_data, article_event, comment_data

# Batches of services.PRUNE_BATCH rows one tick may delete: a backlog shrinks by this much per tick.
PRUNE_BATCHES_PER_TICK = 5


def article_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not instance.live:
        return  # scheduled for later: Wagtail sends `published` again when it goes live
    event = article_event(instance, published=True)
    announce(event=event, build=lambda: article_data(instance))


def article_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    announce(event=Event.ARTICLE_UNPUBLISHED, build=lambda: article_data(instance))


def comment_published(sender: Any, comment: Any, **kwargs: Any) -> None:
    # Sent after commit already; announce() then runs at once (no transaction open).
    announce(event=Event.COMMENT_PUBLISHED, build=lambda: comment_data(comment))


def prune_log(*, now: datetime | None = None) -> int:
    """Delete finished deliveries older than TRIBUNE_WEBHOOK_LOG_DAYS, a few bounded batches at a time."""
    days = settings.TRIBUNE_WEBHOOK_LOG_DAYS
    if days <= 0:
        return 0
    older_than = (now or timezone.now()) - timedelta(days=days)
    total = 0
    for _ in range(PRUNE_BATCHES_PER_TICK):
        deleted = services.webhook_delivery_prune(older_than=older_than, limit=services.PRUNE_BATCH)
        total += deleted
        if deleted < services.PRUNE_BATCH:
            break
    return total


def deliver(sender: Any, **kwargs: Any) -> None:
    """Once per scheduler tick, in the lease holder: send what is due, then trim the delivery log."""
    deliver_due()
    prune_log()
