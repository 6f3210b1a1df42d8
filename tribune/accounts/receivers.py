from __future__ import annotations

from typing import Any

from tribune.accounts.throttle import DatabaseFailureCounter


def housekeeping(sender: Any, **kwargs: Any) -> None:
    """Once per scheduler tick: drop failure rows older than the window."""
    DatabaseFailureCounter.purge_expired()
