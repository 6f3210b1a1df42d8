"""Purge adapters: how a purge reaches caches outside the app process.

Tribune's own page cache needs no adapter: it reads the purge log (see models.py).
Anything in front of the app (Varnish, a CDN) gets a class with one method,
`purge_tags(tags)`, named in the TRIBUNE_PURGE_ADAPTERS setting. A CDN that purges
by surrogate key is the same shape as `VarnishPurger`: one authenticated HTTP call
with the keys.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# Varnish's xkey vmod and most CDNs cap header sizes; one request carries this many keys.
KEYS_PER_REQUEST = 200


class PurgeAdapter(Protocol):
    def purge_tags(self, tags: Iterable[str]) -> None:
        """Drop every cached response carrying any of `tags`. Must not raise."""


class VarnishPurger:
    """Purges by tag through the xkey vmod: `PURGE /` with an `xkey-purge` header (see deploy/varnish)."""

    def __init__(self, urls: Iterable[str] | None = None, *, timeout: float = 2.0) -> None:
        self.urls = list(urls if urls is not None else settings.TRIBUNE_VARNISH_URLS)
        self.timeout = timeout

    def purge_tags(self, tags: Iterable[str]) -> None:
        keys = sorted(set(tags))
        for start in range(0, len(keys), KEYS_PER_REQUEST):
            chunk = " ".join(keys[start : start + KEYS_PER_REQUEST])
            for url in self.urls:
                request = urllib.request.Request(url, method="PURGE", headers={"xkey-purge": chunk})
                try:
                    with urllib.request.urlopen(request, timeout=self.timeout) as response:
                        response.read()
                except (urllib.error.URLError, OSError) as error:
                    # A missed purge leaves a page stale until its s-maxage runs out; never fail the editor's save.
                    logger.warning("Varnish purge at %s failed: %s", url, error)


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> tuple[PurgeAdapter, ...]:
    return tuple(import_string(path)() for path in paths)


def adapters() -> tuple[PurgeAdapter, ...]:
    return _load(tuple(settings.TRIBUNE_PURGE_ADAPTERS))
