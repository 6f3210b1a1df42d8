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
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError
from django.utils.module_loading import import_string

from tribune.delivery import tags as cache_tags

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


class NginxPurger:
    """Purges the shipped nginx micro-cache by URL (Debian's ngx_cache_purge module), for the pages a tag names.

    nginx can only drop exact cache keys, so this maps each tag to the first pages that show
    it (the home page, a section's first page, the article itself, the feeds) and drops each
    in the three encodings the cache keeps. Deeper pages (cursors) wait for their micro-cache
    second to pass. Configured with TRIBUNE_NGINX_PURGE_URLS (the `/_purge` location).
    """

    ENCODINGS = ("", "gzip", "br")

    def __init__(self, urls: Iterable[str] | None = None, *, timeout: float = 2.0) -> None:
        self.urls = [url.rstrip("/") for url in (urls if urls is not None else settings.TRIBUNE_NGINX_PURGE_URLS)]
        self.host = urlsplit(settings.TRIBUNE_SITE_URL).netloc
        self.timeout = timeout

    def purge_tags(self, tags: Iterable[str]) -> None:
        try:
            paths = paths_for_tags(tags)
        except DatabaseError as error:
            logger.warning("nginx purge: could not map tags to pages: %s", error)
            return
        for base in self.urls:
            for path in sorted(paths):
                for encoding in self.ENCODINGS:
                    headers = {"Host": self.host, "Accept-Encoding": encoding}
                    request = urllib.request.Request(base + path, headers=headers)
                    try:
                        with urllib.request.urlopen(request, timeout=self.timeout) as response:
                            response.read()
                    except urllib.error.HTTPError as error:
                        if error.code != 404:  # 404: that copy was not cached
                            logger.warning("nginx purge of %s at %s: %s", path, base, error)
                    except (urllib.error.URLError, OSError) as error:
                        logger.warning("nginx purge at %s failed: %s", base, error)
                        break


# The first pages of everything that lists all articles: these change with every publication.
ALL_ARTICLES_PATHS = ("/", "/nieuws/", "/feed/", "/feed/atom/", "/sitemap.xml", "/sitemap-nieuws.xml")


def paths_for_tags(tags: Iterable[str]) -> set[str]:
    """The URLs of the first pages that show what `tags` name (for caches that purge by URL only)."""
    from tribune.newsroom.models import Article, Author, Section, article_path
    from tribune.taxonomy.models import Tag

    paths: set[str] = set()
    ids: dict[str, set[int]] = {"a": set(), "r": set(), "s": set(), "t": set(), "p": set(), "v": set()}
    for tag in tags:
        if tag in {cache_tags.ALL_ARTICLES, cache_tags.NAVIGATION}:
            paths.update(ALL_ARTICLES_PATHS)
        elif tag[:1] in ids and tag[1:].isdigit():
            ids[tag[:1]].add(int(tag[1:]))
    # A reaction (r<id>) purges only its article's own page, where the new comment shows. The front page and
    # the "Meest recent" lists show counts too, but a count there may lag by the micro-cache's one second:
    # purging "/" on every comment made every front-page reader wait for a render, which set the spike's
    # p99 (docs/delivery.md, "Counts on listings").
    articles = Article.objects.filter(pk__in=ids["a"] | ids["r"]).values_list("pk", "slug", "section__slug")
    paths.update(article_path(section_slug=section, slug=slug, pk=pk) for pk, slug, section in articles)
    for section in Section.objects.filter(pk__in=ids["s"]).only("slug"):
        paths.update(
            {section.get_absolute_url(), f"/feed/rubriek/{section.slug}/", f"/feed/atom/rubriek/{section.slug}/"}
        )
    for tag_row in Tag.objects.filter(pk__in=ids["t"]).only("slug"):
        paths.update({tag_row.get_absolute_url(), f"/feed/tag/{tag_row.slug}/", f"/feed/atom/tag/{tag_row.slug}/"})
    for author in Author.objects.filter(pk__in=ids["p"]).only("slug"):
        paths.update({author.get_absolute_url(), f"/feed/auteur/{author.slug}/", f"/feed/atom/auteur/{author.slug}/"})
    paths.update(f"/api/v1/articles/{pk}/poll" for pk in ids["v"])
    return paths


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> tuple[PurgeAdapter, ...]:
    return tuple(import_string(path)() for path in paths)


def adapters() -> tuple[PurgeAdapter, ...]:
    return _load(tuple(settings.TRIBUNE_PURGE_ADAPTERS))
