"""Who is writing, without accounts and without keeping raw addresses.

A reader is a random browser token in a signed cookie; a network address is kept
as a keyed hash (HMAC with a key derived from SECRET_KEY), so a ban or a rate limit
can match it while the database never needs the address itself.

Forms carry a signed token with the time they were rendered and a nonce: too old
or too fast is refused, and a reader without a cookie yet is identified by the
nonce, so resending the very same request cannot like, report or vote twice.
"""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

READER_COOKIE = "tribune_lezer"
READER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60
_READER_SALT = "tribune.engagement.reader"
_FORM_SALT = "tribune.engagement.form"
_HASH_SALT = "tribune.engagement.hash"


def keyed_hash(kind: str, value: str) -> str:
    return salted_hmac(f"{_HASH_SALT}.{kind}", value, algorithm="sha256").hexdigest()


def text_hash(text: str) -> str:
    """A fingerprint of a comment text for duplicate detection (case and spacing ignored)."""
    normalised = " ".join(text.casefold().split())
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()


def client_address(request: HttpRequest) -> str:
    """The reader's address: REMOTE_ADDR, or the hop TRIBUNE_TRUSTED_PROXIES back in X-Forwarded-For."""
    address = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"
    hops = settings.TRIBUNE_TRUSTED_PROXIES
    if hops:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        # Each trusted proxy appends the address it saw; anything further left is the client's word.
        if len(forwarded) >= hops:
            address = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "0.0.0.0"


@dataclass(frozen=True)
class FormToken:
    issued_at: float
    nonce: str


class FormTokenError(ValueError):
    """The form token is missing, forged or expired."""


def form_token_issue(*, now: float | None = None) -> str:
    payload = {"t": round(now if now is not None else time.time(), 3), "n": secrets.token_urlsafe(12)}
    return signing.dumps(payload, salt=_FORM_SALT, compress=False)


def form_token_read(token: str) -> FormToken:
    if not token or len(token) > 200:
        raise FormTokenError("missing")
    try:
        payload = signing.loads(token, salt=_FORM_SALT, max_age=settings.TRIBUNE_COMMENT_FORM_MAX_AGE)
        return FormToken(issued_at=float(payload["t"]), nonce=str(payload["n"]))
    except signing.SignatureExpired as exc:
        raise FormTokenError("expired") from exc
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise FormTokenError("invalid") from exc


@dataclass(frozen=True)
class Reader:
    """A reader as the services see them: hashes only (plus the address, for retention)."""

    reader_hash: str
    address_hash: str
    address: str
    token: str  # the browser token to (re)set in the cookie
    is_new: bool


def reader_from_request(request: HttpRequest, *, fallback_nonce: str = "") -> Reader:
    """The reader behind a request; a reader without a cookie gets one, keyed on the form nonce if any."""
    signer = signing.Signer(salt=_READER_SALT)
    token, is_new = "", False
    raw = request.COOKIES.get(READER_COOKIE, "")
    if raw:
        try:
            token = signer.unsign(raw)
        except signing.BadSignature:
            token = ""
    address = client_address(request)
    if not token:
        # The nonce comes from a page every reader of a cached copy shares: with the address it still
        # tells apart two new readers, and still recognises the very same request sent twice.
        fallback = f"n-{fallback_nonce}-{keyed_hash('address', address)[:16]}" if fallback_nonce else ""
        token, is_new = (fallback or secrets.token_urlsafe(18)), True
    return Reader(
        reader_hash=keyed_hash("reader", token),
        address_hash=keyed_hash("address", address),
        address=address,
        token=token,
        is_new=is_new,
    )


def reader_remember(response: HttpResponse, reader: Reader) -> None:
    if reader.is_new:
        response.set_cookie(
            READER_COOKIE,
            signing.Signer(salt=_READER_SALT).sign(reader.token),
            max_age=READER_COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )


def reader_hash_from_cookie(request: HttpRequest) -> str | None:
    """The reader's hash when they have a cookie already (reading never sets one)."""
    raw = request.COOKIES.get(READER_COOKIE, "")
    if not raw:
        return None
    try:
        return keyed_hash("reader", signing.Signer(salt=_READER_SALT).unsign(raw))
    except signing.BadSignature:
        return None
