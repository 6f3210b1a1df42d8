"""Cache tags: what a response shows, so a change purges exactly the responses that show it.

A response collects its tags while it renders (a teaser adds its article, a listing
its collection); the tags travel in a response header to Tribune's own cache and to
Varnish or a CDN, and a change purges the tags it touches.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Collections: every page, feed, sitemap or API answer that lists articles of the
# whole site carries ALL_ARTICLES; site-wide parts (the section menu) carry NAVIGATION.
ALL_ARTICLES = "all"
NAVIGATION = "nav"

_REQUEST_ATTR = "tribune_cache_tags"


def article_tag(pk: int) -> str:
    """The article's own content: headline, lead, body, image, section, authors."""
    return f"a{pk}"


def reactions_tag(pk: int) -> str:
    """The article's reaction count and comment thread (changes far more often than the article)."""
    return f"r{pk}"


def poll_tag(pk: int) -> str:
    return f"v{pk}"


def section_tag(pk: int) -> str:
    return f"s{pk}"


def taxonomy_tag(pk: int) -> str:
    return f"t{pk}"


def author_tag(pk: int) -> str:
    return f"p{pk}"


def tag_request(request: Any, *tags: str) -> None:
    """Note that the response to `request` shows what `tags` name (no-op without a request)."""
    if request is None:
        return
    collected = getattr(request, _REQUEST_ATTR, None)
    if collected is None:
        collected = set()
        setattr(request, _REQUEST_ATTR, collected)
    collected.update(tags)


def request_tags(request: Any) -> set[str]:
    return getattr(request, _REQUEST_ATTR, None) or set()


def header_value(tags: Iterable[str]) -> str:
    return " ".join(sorted(tags))


def parse_header(value: str) -> set[str]:
    return set(value.split())
