"""Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), as authenticator apps compute them.

Forty lines of hmac against a dependency: the RFC's test vectors are the tests (test_totp.py). Defaults
are what every authenticator app assumes: HMAC-SHA1, 30-second steps from the Unix epoch, 6 digits.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import Any
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
# A code from the step before or after now is accepted too: clocks drift and people type slowly.
DRIFT_STEPS = 1
SECRET_BYTES = 20  # 160 bits, the HMAC-SHA1 block the RFC recommends


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def b32(secret: bytes) -> str:
    """The secret as authenticator apps take it typed in: base32 without padding."""
    return base64.b32encode(secret).decode("ascii").rstrip("=")


def hotp(secret: bytes, counter: int, *, digits: int = DIGITS, digest: Any = hashlib.sha1) -> str:
    """RFC 4226 section 5.3: HMAC the 8-byte counter, dynamically truncate to 31 bits, keep `digits` digits."""
    mac = hmac.new(secret, counter.to_bytes(8, "big"), digest).digest()
    offset = mac[-1] & 0x0F
    number = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def time_step(unix_time: float, *, step: int = STEP_SECONDS) -> int:
    return int(unix_time // step)


def totp(secret: bytes, unix_time: float, *, digits: int = DIGITS, digest: Any = hashlib.sha1) -> str:
    return hotp(secret, time_step(unix_time), digits=digits, digest=digest)


def matching_step(secret: bytes, code: str, unix_time: float) -> int | None:
    """The time step whose code `code` is (now, or one step either side), or None.

    Every candidate is computed and compared in constant time, so the answer's timing does not say
    which step matched. The caller refuses a step it has seen before (replay).
    """
    code = "".join(code.split())
    if len(code) != DIGITS or not (code.isascii() and code.isdigit()):
        return None
    now = time_step(unix_time)
    found = None
    for candidate in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if hmac.compare_digest(hotp(secret, candidate), code):
            found = candidate
    return found


def provisioning_uri(secret: bytes, *, account: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code (Google's Key Uri Format)."""
    label = quote(f"{issuer}:{account}", safe="")
    query = urlencode(
        {"secret": b32(secret), "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": STEP_SECONDS},
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"
