from __future__ import annotations

from typing import Any

from tribune.webhooks.delivery import deliver_due
from tribune.webhooks.models import Event
from tribune.webhooks.services import announce, article_data, article_event, comment_data


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


def deliver(sender: Any, **kwargs: Any) -> None:
    """Once per scheduler tick, in the lease holder: send what is due."""
    deliver_due()
