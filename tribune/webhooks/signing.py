"""The webhook signature: HMAC-SHA256 over "<timestamp>.<body>" with the webhook's secret.

A receiver verifies it with `verify_signature` (or the few lines in the README).
"""

from __future__ import annotations

import hashlib
import hmac
import time

PREFIX = "sha256="


def sign(*, secret: str, timestamp: int | str, body: bytes) -> str:
    message = f"{timestamp}.".encode() + body
    return PREFIX + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_signature(
    *,
    secret: str,
    timestamp: int | str,
    body: bytes,
    signature: str,
    tolerance: int = 300,
    now: float | None = None,
) -> bool:
    """True when `signature` (the X-Tribune-Signature header) is valid and the timestamp is recent."""
    try:
        sent_at = int(timestamp)
    except (TypeError, ValueError):
        return False
    current = time.time() if now is None else now
    if abs(current - sent_at) > tolerance:
        return False
    return hmac.compare_digest(sign(secret=secret, timestamp=sent_at, body=body), signature)
