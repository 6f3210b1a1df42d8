from __future__ import annotations

import contextlib
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from tribune.webhooks.delivery import deliver_due


class Command(BaseCommand):
    help = (
        "Send due webhook deliveries (the scheduler does this every tick; use this when it is off). "
        "Loops every TRIBUNE_SCHEDULER_INTERVAL seconds unless --once."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Send what is due now and exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            self.stdout.write(f"{deliver_due()} deliveries attempted")
            return
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                close_old_connections()
                while deliver_due():
                    pass
                time.sleep(settings.TRIBUNE_SCHEDULER_INTERVAL)
