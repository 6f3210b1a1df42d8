"""A progress bar for long management commands, on stderr, without a dependency."""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 30


class ProgressBar:
    def __init__(self, total: int, *, label: str = "", stream: TextIO | None = None, min_interval: float = 0.2):
        self.total = max(total, 1)
        self.label = label
        self.stream = stream or sys.stderr
        self.min_interval = min_interval
        self.started = time.monotonic()
        self._last_draw = 0.0

    def update(self, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        if done < (total or self.total) and now - self._last_draw < self.min_interval:
            return
        self._last_draw = now
        total = total or self.total
        fraction = min(done / total, 1.0)
        filled = int(BAR_WIDTH * fraction)
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (total - done) / rate if rate > 0 else 0.0
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done:,}/{total:,} "
            f"{fraction:6.1%} {rate:,.0f}/s eta {eta:,.0f}s "
        )
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
