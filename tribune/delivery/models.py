"""The purge log: what changed, as cache tags, in commit order.

Every app process keeps rendered pages in its own memory and reads this log a couple
of times a second to drop the pages whose tags appear in it. The rows are written in
the same transaction as the change itself, so a process can never see the new
content without the purge or the purge without the new content.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class PurgeEvent(models.Model):
    id = models.BigAutoField(primary_key=True)
    tag = models.CharField(max_length=80)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects: models.Manager[PurgeEvent] = models.Manager()

    class Meta:
        verbose_name = "purge"

    def __str__(self) -> str:
        return f"{self.pk}: {self.tag}"
