"""<link rel="alternate"> to the feeds that match the page: the site's on home, a section's on its page..."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

# Reader page (URL name) -> the feed URL names for it, and whether they take the page's slug.
FEEDS_FOR_PAGE = {
    "newsroom:home": ("feed", False),
    "newsroom:archive": ("feed", False),
    "newsroom:section": ("section_feed", True),
    "taxonomy:tag": ("tag_feed", True),
    "newsroom:author": ("author_feed", True),
}


def feeds(request: HttpRequest) -> dict[str, Any]:
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in FEEDS_FOR_PAGE:
        return {}
    name, takes_slug = FEEDS_FOR_PAGE[match.view_name]
    kwargs = {"slug": match.kwargs.get("section") or match.kwargs.get("slug")} if takes_slug else {}
    return {
        "feed_links": [
            ("application/rss+xml", "RSS", reverse(f"distribution:{name}", kwargs=kwargs)),
            ("application/atom+xml", "Atom", reverse(f"distribution:{name}_atom", kwargs=kwargs)),
        ],
        "feed_title": settings.TRIBUNE_SITE_NAME,
    }
