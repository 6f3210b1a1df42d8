from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

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
            transaction.on_commit(lambda: _tell(external, unique))


def _tell(external: tuple[PurgeAdapter, ...], tags: list[str]) -> None:
    for adapter in external:
        adapter.purge_tags(tags)


def purge_log_prune(*, older_than: datetime) -> int:
    """Forget purges every process has long read (a process that slept longer starts empty)."""
    with transaction.atomic():
        deleted, _ = PurgeEvent.objects.filter(created_at__lt=older_than).delete()
    return deleted
