from __future__ import annotations

import contextlib
import threading
from typing import Any

from django.core.management.base import BaseCommand

from tribune.newsroom.scheduling import run_forever, scheduler_tick


class Command(BaseCommand):
    help = (
        "Run the publication scheduler in the foreground (for a dedicated process). "
        "App-server processes already run it in a thread unless TRIBUNE_SCHEDULER=false."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Run one tick and exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            did_work = scheduler_tick()
            self.stdout.write("published what was due" if did_work else "another process holds the scheduler lease")
            return
        with contextlib.suppress(KeyboardInterrupt):
            run_forever(threading.Event())
