"""Scheduled publishing without an external cron.

Every app-server process runs a daemon thread that ticks every
TRIBUNE_SCHEDULER_INTERVAL seconds. A tick first takes a database lease (one
conditional UPDATE, the same on SQLite and PostgreSQL); only the holder runs
Wagtail's `publish_scheduled`, so with several app servers an article is
published exactly once, and when the holder dies another process takes over
once its lease expires.
"""

from __future__ import annotations

import io
import logging
import os
import random
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, close_old_connections, transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from tribune.newsroom.models import SchedulerLease

logger = logging.getLogger(__name__)

LEASE_NAME = "publish_scheduled"
# Sent by the process that holds the lease, once per tick, after publishing.
scheduler_ticked = Signal()
# A holder that misses this many ticks is presumed dead and replaced.
LEASE_TICKS = 3

_started = threading.Event()


def process_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def lease_acquire(*, name: str, holder: str, ttl: timedelta) -> bool:
    now = timezone.now()
    if not SchedulerLease.objects.filter(name=name).exists():
        try:
            with transaction.atomic():
                SchedulerLease.objects.create(name=name)
        except IntegrityError:
            pass  # another process created it first
    updated = (
        SchedulerLease.objects.filter(name=name)
        .filter(Q(holder=holder) | Q(holder="") | Q(expires_at__lt=now) | Q(expires_at__isnull=True))
        .update(holder=holder, expires_at=now + ttl)
    )
    return updated == 1


def scheduler_tick(*, holder: str | None = None) -> bool:
    """Publish what is due if this process holds the lease. True when it did the work."""
    interval = settings.TRIBUNE_SCHEDULER_INTERVAL
    if not lease_acquire(
        name=LEASE_NAME, holder=holder or process_identity(), ttl=timedelta(seconds=interval * LEASE_TICKS)
    ):
        return False
    call_command("publish_scheduled", stdout=io.StringIO())
    # Other apps' periodic chores (erasing expired network addresses...) ride on the same lease.
    scheduler_ticked.send(sender=scheduler_tick)
    return True


def run_forever(stop: threading.Event) -> None:
    interval = settings.TRIBUNE_SCHEDULER_INTERVAL
    # Spread the processes' ticks so they do not all hit the lease at once.
    stop.wait(random.uniform(0, min(interval, 5)))
    while not stop.is_set():
        close_old_connections()
        try:
            scheduler_tick()
        except Exception:  # a bad tick must not kill the thread; the next one retries
            logger.exception("scheduler tick failed")
        finally:
            close_old_connections()
        stop.wait(interval)


def start_scheduler_thread() -> threading.Event | None:
    """Start the scheduler once per process (called from the WSGI/ASGI module)."""
    if not settings.TRIBUNE_SCHEDULER or _started.is_set():
        return None
    _started.set()
    stop = threading.Event()
    threading.Thread(target=run_forever, args=(stop,), name="tribune-scheduler", daemon=True).start()
    logger.info("publication scheduler started (every %ss)", settings.TRIBUNE_SCHEDULER_INTERVAL)
    return stop
