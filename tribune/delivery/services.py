from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import transaction

from tribune.delivery.models import PurgeEvent
from tribune.delivery.purge import PurgeAdapter, adapters


def cache_purge(*, tags: Iterable[str]) -> None:
    """Purge `tags` everywhere: in the caller's transaction for Tribune's own cache, after commit for the rest.

    The log rows commit with the change (or roll back with it), so no app process can
    see the new content and keep the old page, nor drop a page for a change that never
    happened. Varnish and CDNs are told after commit, when the new content is readable.
    """
    unique = sorted({tag for tag in tags if tag})
    if not unique:
        return
    with transaction.atomic():
        PurgeEvent.objects.bulk_create([PurgeEvent(tag=tag) for tag in unique])
        external = adapters()
        if external:
            transaction.on_commit(lambda: _tell_after_the_app(external, unique))


# Beyond the poll interval: time for the last render that started before the poll to finish.
PURGE_MARGIN_SECONDS = 0.1


def _tell_after_the_app(external: tuple[PurgeAdapter, ...], tags: list[str]) -> None:
    """Tell outer caches once every app process has dropped its copies, or they would fetch the old page again."""
    if not settings.TRIBUNE_PAGE_CACHE:
        _tell(external, tags)
        return
    delay = settings.TRIBUNE_PAGE_CACHE_POLL_SECONDS + PURGE_MARGIN_SECONDS
    timer = threading.Timer(delay, _tell, args=(external, tags))
    timer.daemon = True  # a purge lost at shutdown costs one s-maxage of staleness at most
    timer.start()


def _tell(external: tuple[PurgeAdapter, ...], tags: list[str]) -> None:
    for adapter in external:
        adapter.purge_tags(tags)


def purge_log_prune(*, older_than: datetime) -> int:
    """Forget purges every process has long read (a process that slept longer starts empty)."""
    with transaction.atomic():
        deleted, _ = PurgeEvent.objects.filter(created_at__lt=older_than).delete()
    return deleted
