"""Sending queued deliveries: POST, sign, retry with exponential backoff for up to a day.

Runs on the scheduler tick (in the process that holds the lease) or from
`manage.py tribune_deliver_webhooks`. Each row is claimed with a conditional UPDATE
first, so two runners never send the same attempt twice.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from tribune.webhooks.guard import RefusedTarget, check_target
from tribune.webhooks.models import DeliveryStatus, WebhookDelivery
from tribune.webhooks.signing import sign

logger = logging.getLogger(__name__)

USER_AGENT = "Tribune-Webhooks/1"
# First retry after 30 s, doubling each time; the last one falls within a day of the event.
BACKOFF_BASE = timedelta(seconds=30)
RETRY_WINDOW = timedelta(hours=24)
# A claimed row not settled after this long (the runner died) is due again.
CLAIM_MARGIN = timedelta(seconds=60)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect could point inside the network after the address check: 3xx is a failure."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _pinned(connection_class: Any, address: str | None) -> Any:
    """A connection class that connects to the checked `address` whatever the host name resolves to now
    (TLS still verifies the certificate against the host name)."""

    def build(host: str, **kwargs: Any) -> Any:
        connection = connection_class(host, **kwargs)
        if address:
            connect = connection._create_connection
            connection._create_connection = lambda addr, *args, **kw: connect((address, addr[1]), *args, **kw)
        return connection

    return build


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, address: str | None) -> None:
        super().__init__()
        self.address = address

    def http_open(self, req: Any) -> Any:
        return self.do_open(_pinned(http.client.HTTPConnection, self.address), req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, address: str | None) -> None:
        super().__init__()
        self.address = address

    def https_open(self, req: Any) -> Any:
        return self.do_open(
            _pinned(http.client.HTTPSConnection, self.address),
            req,
            context=self._context,  # type: ignore[attr-defined]
        )


def _opener(address: str | None) -> urllib.request.OpenerDirector:
    # No proxies from the environment either: the address check must apply to the real connection.
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _NoRedirects(), _PinnedHTTPHandler(address), _PinnedHTTPSHandler(address)
    )


def backoff(attempts: int) -> timedelta:
    return BACKOFF_BASE * (2 ** max(0, attempts - 1))


def post(
    *, url: str, secret: str, event: str, delivery_id: str, payload: dict[str, Any], address: str | None = None
) -> int:
    """POST the signed payload and return the status code (HTTPError carries non-2xx codes)."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    timestamp = int(time.time())
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Tribune-Event": event,
            "X-Tribune-Delivery": delivery_id,
            "X-Tribune-Timestamp": str(timestamp),
            "X-Tribune-Signature": sign(secret=secret, timestamp=timestamp, body=body),
        },
    )
    try:
        with _opener(address).open(request, timeout=settings.TRIBUNE_WEBHOOK_TIMEOUT) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        exc.close()
        return int(exc.code)


def _settle(delivery: WebhookDelivery, *, now: datetime, code: int | None, error: str) -> None:
    delivery.attempts += 1
    delivery.last_status_code = code
    delivery.last_error = error[:200]
    if code is not None and 200 <= code < 300:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif error == "refused internal address" or now >= delivery.created_at + RETRY_WINDOW:
        delivery.status = DeliveryStatus.GAVE_UP
        delivery.next_attempt_at = None
    else:
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = min(now + backoff(delivery.attempts), delivery.created_at + RETRY_WINDOW)
    delivery.save(
        update_fields=["attempts", "last_status_code", "last_error", "status", "delivered_at", "next_attempt_at"]
    )


def attempt(delivery: WebhookDelivery, *, now: datetime) -> None:
    """One attempt at one delivery; the outcome is written to the row."""
    hook = delivery.webhook
    try:
        addresses = check_target(hook.url)  # again: what the name resolves to may have changed since registration
    except RefusedTarget as exc:
        error = "refused internal address" if str(exc) != "host does not resolve" else str(exc)
        _settle(delivery, now=now, code=None, error=error)
        return
    code: int | None = None
    error = ""
    try:
        code = post(
            url=hook.url,
            secret=hook.secret,
            event=delivery.event,
            delivery_id=str(delivery.uuid),
            payload=delivery.payload,
            address=addresses[0] if addresses else None,
        )
        if not 200 <= code < 300:
            error = f"HTTP {code}"
    except TimeoutError:
        error = "timeout"
    except urllib.error.URLError as exc:
        reason = exc.reason
        error = "timeout" if isinstance(reason, TimeoutError | socket.timeout) else f"connection error: {reason}"
    except (OSError, ValueError) as exc:
        error = f"connection error: {exc}"
    _settle(delivery, now=now, code=code, error=error)


def deliver_due(*, now: datetime | None = None, limit: int = 50, budget: float | None = None) -> int:
    """Attempt up to `limit` due deliveries; stop taking new ones after `budget` seconds. Returns how many."""
    now = now or timezone.now()
    budget = settings.TRIBUNE_SCHEDULER_INTERVAL if budget is None else budget
    started = time.monotonic()
    due = list(
        WebhookDelivery.objects.filter(
            Q(status=DeliveryStatus.PENDING) | Q(status=DeliveryStatus.FAILED), next_attempt_at__lte=now
        )
        .select_related("webhook")
        .order_by("next_attempt_at", "id")[:limit]
    )
    done = 0
    for delivery in due:
        if time.monotonic() - started > budget:
            break
        claimed_until = now + timedelta(seconds=settings.TRIBUNE_WEBHOOK_TIMEOUT) + CLAIM_MARGIN
        claimed = WebhookDelivery.objects.filter(
            pk=delivery.pk, status=delivery.status, next_attempt_at=delivery.next_attempt_at
        ).update(next_attempt_at=claimed_until)
        if not claimed:
            continue  # another runner has it
        try:
            attempt(delivery, now=now)
        except Exception:  # one bad row must not stop the others; it is retried after the claim expires
            logger.exception("webhook delivery %s failed", delivery.pk)
        done += 1
    return done
