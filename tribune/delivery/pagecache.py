"""Tribune's own page cache: rendered pages in each app process's memory, in front of Django.

A WSGI wrapper rather than Django middleware: a hit is answered before Django builds a
request, runs middleware or sends signals, which is what makes a hit about as cheap as
the app server itself (see bench/delivery.py).

- **What is kept:** answers to shareable requests (policy.py) that Django marked
  `public`, without cookies, per host + path + query. The plain body is kept; gzip and
  brotli copies are made on first demand and kept beside it.
- **Invalidation:** each process reads the purge log (models.PurgeEvent) at most every
  TRIBUNE_PAGE_CACHE_POLL_SECONDS and drops the pages carrying a purged tag. A change
  therefore shows within that interval on every process of every app server, with no
  process having to reach the others.
- **Lifetime:** TRIBUNE_PAGE_CACHE_SECONDS at most (relative times such as "5 min.
  geleden" and form tokens age); an older copy is still served when rendering fails
  (stale-if-error), for TRIBUNE_CACHE_STALE_IF_ERROR_SECONDS.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import brotli
from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone
from django.utils.http import parse_http_date_safe

from tribune.core.middleware import gzip_padded
from tribune.delivery import policy
from tribune.delivery import tags as cache_tags

logger = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

CACHEABLE_STATUSES = frozenset({200, 301})
COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/rss+xml", "application/atom+xml")
# Headers recomputed per answer (encoding, length) or meaningless to a cache hit.
_DROPPED = frozenset({"content-length", "content-encoding", "vary", "set-cookie", "x-page-cache", "age"})
_CLIENT_ONLY = frozenset({"HTTP_ACCEPT_ENCODING", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"})
# Rows read per poll; a process that is further behind drops its whole cache instead.
POLL_BATCH = 5000
# How far below the highest id read, and how far back in time, a late-committing purge is still looked for.
LOOKBACK_IDS = 1000
LOOKBACK = timedelta(seconds=30)
# Brotli quality 5 compresses a page about as fast as gzip -6, and 10-15 % smaller (gzip: GZIP_LEVEL, as every
# uncached answer, tribune/core/middleware.py).
BROTLI_QUALITY = 5


@dataclass
class Entry:
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    tags: frozenset[str]
    etag: str | None
    last_modified: int | None
    compressible: bool
    stored_at: float = field(default_factory=time.monotonic)
    created: float = field(default_factory=time.time)
    variants: dict[str, bytes] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(v) for v in self.variants.values()) + 512

    def encoded(self, encoding: str) -> bytes:
        if encoding == "identity":
            return self.body
        variant = self.variants.get(encoding)
        if variant is None:
            if encoding == "br":
                variant = brotli.compress(self.body, quality=BROTLI_QUALITY)
            else:
                # No BREACH padding: a shared page holds no secret to guess.
                variant = gzip_padded(self.body, max_random_bytes=0)
            self.variants[encoding] = variant
        return variant


class LocalPages:
    """A byte-bounded LRU of entries with an index from tag to keys."""

    def __init__(self, *, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._by_tag: dict[str, set[str]] = {}
        self._bytes = 0
        self._lock = threading.Lock()
        # Bumped by every invalidation: a render that started before one may be stale, so it is not kept.
        self.generation = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry, *, generation: int) -> bool:
        with self._lock:
            if generation != self.generation or entry.size > self.max_bytes:
                return False
            self._remove(key)
            self._entries[key] = entry
            self._bytes += entry.size
            for tag in entry.tags:
                self._by_tag.setdefault(tag, set()).add(key)
            while self._bytes > self.max_bytes and self._entries:
                self._remove(next(iter(self._entries)))
            return True

    def grew(self, key: str, entry: Entry, before: int) -> None:
        """Count a compressed copy made after `entry` was stored (if it still is)."""
        with self._lock:
            if self._entries.get(key) is entry:
                self._bytes += entry.size - before

    def invalidate(self, tags: Iterable[str]) -> int:
        dropped = 0
        with self._lock:
            self.generation += 1
            for tag in tags:
                for key in self._by_tag.pop(tag, ()):
                    dropped += self._remove(key)
        return dropped

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()
            self._by_tag.clear()
            self._bytes = 0

    def _remove(self, key: str) -> int:
        entry = self._entries.pop(key, None)
        if entry is None:
            return 0
        self._bytes -= entry.size
        for tag in entry.tags:
            keys = self._by_tag.get(tag)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._by_tag[tag]
        return 1


class PurgeLogReader:
    """Reads new purge-log rows now and then and drops the pages they name.

    Ids are handed out at insert and committed in any order: a transaction holding id 100
    may commit after one holding id 101 was read. So each read looks back a window of ids
    (and of time) below the highest seen and skips the rows it has seen already, rather than
    only reading above the highest id.
    """

    def __init__(self, *, interval: float) -> None:
        self.interval = interval
        self.last_id: int | None = None
        self.seen: set[int] = set()
        self.next_poll = 0.0
        self._lock = threading.Lock()

    def poll(self, pages: LocalPages, *, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if now < self.next_poll or not self._lock.acquire(blocking=False):
            return
        try:
            self.next_poll = now + self.interval
            self._read(pages)
        except DatabaseError as error:
            # The database is down: keep serving what is cached; the rows wait in the log.
            # (Django's next request start closes the broken connection.)
            logger.warning("Page cache: purge log unreadable (%s); serving cached pages", error)
        finally:
            self._lock.release()

    def _read(self, pages: LocalPages) -> None:
        if self.last_id is None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT COALESCE(MAX(id), 0) FROM delivery_purgeevent")
                self.last_id = int(cursor.fetchone()[0])
                # What is in the window now predates everything this process will cache.
                self.seen = {pk for pk, _ in self._window(cursor)}
            pages.clear()  # nothing cached can be trusted from before we knew the log's end
            return
        with connection.cursor() as cursor:
            rows = self._window(cursor)
        if len(rows) == POLL_BATCH:
            pages.clear()
            self.last_id = None  # too far behind: start again from the log's end
            return
        fresh = [(pk, tag) for pk, tag in rows if pk not in self.seen]
        if fresh:
            self.seen.update(pk for pk, _ in fresh)
            self.last_id = max(self.last_id, fresh[-1][0])
            pages.invalidate({tag for _, tag in fresh})
        floor = self.last_id - LOOKBACK_IDS
        self.seen = {pk for pk in self.seen if pk > floor}

    def _window(self, cursor: Any) -> list[tuple[int, str]]:
        assert self.last_id is not None
        cursor.execute(
            "SELECT id, tag FROM delivery_purgeevent WHERE id > %s AND created_at > %s ORDER BY id LIMIT %s",
            [self.last_id - LOOKBACK_IDS, timezone.now() - LOOKBACK, POLL_BATCH],
        )
        return [(int(pk), str(tag)) for pk, tag in cursor.fetchall()]


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    lowered = name.lower()
    for key, value in headers:
        if key.lower() == lowered:
            return value
    return None


def _accepted_encoding(environ: dict[str, Any]) -> str:
    accept = environ.get("HTTP_ACCEPT_ENCODING", "")
    if "br" in accept:
        return "br"
    if "gzip" in accept:
        return "gzip"
    return "identity"


def cache_key(environ: dict[str, Any]) -> str:
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    return f"{host.lower()}\x00{environ.get('PATH_INFO', '')}\x00{environ.get('QUERY_STRING', '')}"


def _not_modified(entry: Entry, environ: dict[str, Any]) -> bool:
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        if entry.etag is None:
            return False
        wanted = entry.etag.removeprefix("W/")
        return if_none_match.strip() == "*" or any(
            tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(",")
        )
    since = parse_http_date_safe(environ.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and entry.last_modified is not None and entry.last_modified <= since


class PageCache:
    def __init__(
        self,
        app: WSGIApp,
        *,
        ttl: float | None = None,
        max_bytes: int | None = None,
        poll_interval: float | None = None,
        stale_if_error: float | None = None,
    ) -> None:
        self.app = app
        self.ttl = settings.TRIBUNE_PAGE_CACHE_SECONDS if ttl is None else ttl
        self.stale_if_error = (
            settings.TRIBUNE_CACHE_STALE_IF_ERROR_SECONDS if stale_if_error is None else stale_if_error
        )
        self.pages = LocalPages(max_bytes=max_bytes or settings.TRIBUNE_PAGE_CACHE_MB * 1024 * 1024)
        self.log = PurgeLogReader(
            interval=settings.TRIBUNE_PAGE_CACHE_POLL_SECONDS if poll_interval is None else poll_interval
        )
        self.tag_header = settings.TRIBUNE_CACHE_TAG_HEADER
        # Static files and media: WhiteNoise already keeps them compressed and answers 304s itself.
        self.passed_through = tuple(
            prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix and prefix.startswith("/")
        )

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if not policy.environ_is_shareable(environ) or environ.get("PATH_INFO", "").startswith(self.passed_through):
            return self.app(environ, start_response)
        self.log.poll(self.pages)
        key = cache_key(environ)
        entry = self.pages.get(key)
        now = time.monotonic()
        if entry is not None and now - entry.stored_at < self.ttl:
            return self._serve(entry, environ, start_response, "HIT", key=key)
        generation = self.pages.generation
        status, reason, headers, body, streamed = self._render(environ)
        if streamed is not None:  # too big or endless to keep: pass it on as it comes
            start_response(f"{status} {reason}", headers)
            return streamed
        if status >= 500 and entry is not None and now - entry.stored_at < self.ttl + self.stale_if_error:
            return self._serve(entry, environ, start_response, "STALE", key=key)
        fresh = self._entry(status, reason, headers, body)
        if fresh is None:
            return self._serve(self._uncacheable(status, reason, headers, body), environ, start_response, "PASS")
        stored = self.pages.put(key, fresh, generation=generation)
        return self._serve(fresh, environ, start_response, "MISS" if stored else "PASS", key=key)

    def _render(self, environ: dict[str, Any]) -> tuple[int, str, list[tuple[str, str]], bytes, Iterable[bytes] | None]:
        # Django renders the plain body; this layer compresses once per stored page.
        # Without the client's conditions either: a full answer is what gets stored.
        inner = {k: v for k, v in environ.items() if k not in _CLIENT_ONLY}
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        result = self.app(inner, capture)
        code, _, reason = captured["status"].partition(" ")
        headers = captured["headers"]
        if getattr(result, "streaming", False):
            # A streaming answer (a large export, say) is passed through untouched.
            return int(code), reason, headers, b"", self._closing(result)
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        return int(code), reason, headers, body, None

    @staticmethod
    def _closing(result: Iterable[bytes]) -> Iterator[bytes]:
        try:
            yield from result
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()

    def _entry(self, status: int, reason: str, headers: list[tuple[str, str]], body: bytes) -> Entry | None:
        control = (_header(headers, "Cache-Control") or "").lower()
        vary = (_header(headers, "Vary") or "").lower()
        if (
            status not in CACHEABLE_STATUSES
            or "public" not in control
            or _header(headers, "Set-Cookie") is not None
            or "cookie" in vary
        ):
            return None
        return self._build(status, reason, headers, body)

    def _uncacheable(self, status: int, reason: str, headers: list[tuple[str, str]], body: bytes) -> Entry:
        return self._build(status, reason, headers, body, keep_cookies=True)

    def _build(
        self, status: int, reason: str, headers: list[tuple[str, str]], body: bytes, *, keep_cookies: bool = False
    ) -> Entry:
        kept = [(k, v) for k, v in headers if k.lower() not in _DROPPED or (keep_cookies and k.lower() == "set-cookie")]
        content_type = _header(headers, "Content-Type") or ""
        return Entry(
            status=status,
            reason=reason,
            headers=kept,
            body=body,
            tags=frozenset(cache_tags.parse_header(_header(headers, self.tag_header) or "")),
            etag=_header(headers, "ETag"),
            last_modified=parse_http_date_safe(_header(headers, "Last-Modified") or ""),
            compressible=content_type.startswith(COMPRESSIBLE) and len(body) > 200,
        )

    def _serve(
        self, entry: Entry, environ: dict[str, Any], start_response: StartResponse, outcome: str, *, key: str = ""
    ) -> Iterable[bytes]:
        headers = list(entry.headers)
        headers.append(("X-Page-Cache", outcome))
        if outcome in {"HIT", "STALE"}:
            headers.append(("Age", str(max(0, int(time.time() - entry.created)))))
        if entry.status == 200 and _not_modified(entry, environ):
            start_response("304 Not Modified", [(k, v) for k, v in headers if k.lower() != "content-type"])
            return []
        encoding = "identity"
        if entry.compressible:
            headers.append(("Vary", "Accept-Encoding"))
            encoding = _accepted_encoding(environ)
        before = entry.size
        body = entry.encoded(encoding)
        if entry.size != before and key:
            self.pages.grew(key, entry, before)
        if encoding != "identity":
            headers.append(("Content-Encoding", encoding))
        headers.append(("Content-Length", str(len(body))))
        start_response(f"{entry.status} {entry.reason}", headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]


def page_cache_application(app: WSGIApp) -> WSGIApp:
    """`app` behind the page cache, or as it is when TRIBUNE_PAGE_CACHE is off."""
    return PageCache(app) if settings.TRIBUNE_PAGE_CACHE else app
