"""Writes for webhooks: queueing deliveries when something happens, trimming the log (never any HTTP here)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from tribune.webhooks.models import DeliveryStatus, Event, Webhook, WebhookDelivery

# Deliveries that will never be attempted again: the only ones the log may lose.
FINISHED = (DeliveryStatus.SUCCEEDED, DeliveryStatus.GAVE_UP)
# Rows one prune looks at: one short DELETE, however big the log is.
PRUNE_BATCH = 1000


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def article_data(article: Any) -> dict[str, Any]:
    section = article.section
    return {
        "id": article.pk,
        "headline": article.headline,
        "url": article.get_full_url(),
        "section": {"slug": section.slug, "name": section.name},
        "published_at": _iso(article.first_published_at),
        "updated_at": _iso(article.last_published_at),
        "live": article.live,
    }


def comment_data(comment: Any) -> dict[str, Any]:
    return {
        "id": comment.pk,
        "article_id": comment.article_id,
        "author_name": comment.author_name,
        "body": comment.body,
        "url": f"{comment.article.get_full_url()}#{comment.anchor()}",
        "published_at": _iso(comment.published_at),
    }


def deliveries_enqueue(*, event: str, data: dict[str, Any]) -> list[WebhookDelivery]:
    """One pending delivery per active webhook that wants `event`: one SELECT, one INSERT."""
    now = timezone.now()
    webhooks = [hook for hook in Webhook.objects.filter(is_active=True).only("id", "events") if event in hook.events]
    deliveries = []
    for hook in webhooks:
        delivery_id = uuid.uuid4()
        payload = {"event": event, "id": str(delivery_id), "created_at": now.isoformat(), "data": data}
        deliveries.append(
            WebhookDelivery(
                webhook=hook,
                uuid=delivery_id,
                event=event,
                payload=payload,
                status=DeliveryStatus.PENDING,
                next_attempt_at=now,
            )
        )
    if deliveries:
        WebhookDelivery.objects.bulk_create(deliveries)
    return deliveries


def announce(*, event: str, build: Any) -> None:
    """Queue `event` once the current transaction commits; `build()` makes the payload's data then."""
    transaction.on_commit(lambda: deliveries_enqueue(event=event, data=build()))


def article_event(article: Any, *, published: bool) -> str:
    if not published:
        return Event.ARTICLE_UNPUBLISHED
    # Wagtail sets both to the same instant on the first publication.
    first, last = article.first_published_at, article.last_published_at
    return Event.ARTICLE_PUBLISHED if first is None or last is None or first == last else Event.ARTICLE_UPDATED


@transaction.atomic
def webhook_delivery_prune(*, older_than: datetime, limit: int = PRUNE_BATCH) -> int:
    """Delete finished deliveries (delivered or given up) created before `older_than` among the `limit` oldest
    rows of the log; return how many went. Pending and failed (still retried) rows always stay.

    Only the oldest rows by id are looked at (ids grow with `created_at`), so a call reads at most `limit` rows
    through the primary key, whatever the log's size, and needs no index on status or time. Call it again while it
    returns `limit`. Unfinished rows among the oldest only hold places in that window until delivery settles them
    (within a day).
    """
    oldest = WebhookDelivery.objects.order_by("id").values("id")[:limit]
    deleted, _ = WebhookDelivery.objects.filter(id__in=oldest, status__in=FINISHED, created_at__lt=older_than).delete()
    return deleted
