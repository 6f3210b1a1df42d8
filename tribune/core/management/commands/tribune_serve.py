from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from config.env import ENV


def granian_argv(*, bind: str, workers: int, threads: int) -> list[str]:
    host, _, port = bind.rpartition(":")
    return [
        "granian",
        "--interface",
        "wsgi",
        "--host",
        host or "127.0.0.1",
        "--port",
        port,
        "--workers",
        str(workers),
        # Few threads: they share one interpreter lock, so past two they add switching, not throughput
        # (TRIBUNE_WEB_THREADS; measured in docs/performance.md, section 13). Workers give the parallelism.
        "--blocking-threads",
        str(threads),
        "--respawn-failed-workers",
        "--no-access-log",
        "config.wsgi:application",
    ]


class Command(BaseCommand):
    help = (
        "Serve the site with the production app server (granian, WSGI), one worker per CPU core "
        "unless TRIBUNE_WEB_WORKERS says otherwise, on TRIBUNE_BIND."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        workers = int(ENV.web_workers) if ENV.web_workers else (os.cpu_count() or 1)
        executable = shutil.which("granian", path=os.path.dirname(sys.executable)) or shutil.which("granian")
        if executable is None:
            raise CommandError("granian is not installed; run `make install`.")
        argv = granian_argv(bind=ENV.bind, workers=workers, threads=ENV.web_threads)
        self.stdout.write(
            f"Tribune on http://{ENV.bind}/ ({workers} workers, {ENV.web_threads} threads each); newsroom at /redactie/"
        )
        sys.stdout.flush()
        os.execv(executable, argv)
