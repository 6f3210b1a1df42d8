"""Head tags for reader pages: social cards, JSON-LD, language alternates."""

from __future__ import annotations

from html import escape
from typing import Any

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString

from tribune.distribution import structured_data as sd

register = template.Library()

OG_LOCALE = "nl_BE"
CONTENT_LANGUAGE = "nl-BE"


def _language_alternates(url: str) -> SafeString:
    # One language today; a second one adds its own line here and its pages link back.
    return format_html(
        '<link rel="alternate" hreflang="{}" href="{}"><link rel="alternate" hreflang="x-default" href="{}">',
        CONTENT_LANGUAGE,
        url,
        url,
    )


@register.simple_tag
def article_head(article: Any, authors: Any = (), tags: Any = (), poll: Any = None) -> SafeString:
    """OpenGraph and Twitter card tags, NewsArticle + BreadcrumbList JSON-LD and hreflang for an article."""
    # A template without a poll in its context (the newsroom's preview) passes "" for it.
    poll = poll or None
    url = sd.absolute(article.get_absolute_url())
    images = sd.article_images(article.image)
    card = images.get("16x9")
    properties: list[tuple[str, Any]] = [
        ("og:type", "article"),
        ("og:site_name", settings.TRIBUNE_SITE_NAME),
        ("og:locale", OG_LOCALE),
        ("og:url", url),
        ("og:title", article.headline),
        ("og:description", article.lead),
        ("article:published_time", sd.iso(article.first_published_at)),
        ("article:modified_time", sd.iso(article.last_published_at or article.first_published_at)),
        ("article:section", article.section.name),
        *(("article:tag", tag.name) for tag in tags),
    ]
    if card:
        properties += [
            ("og:image", card.url),
            ("og:image:width", card.width),
            ("og:image:height", card.height),
            ("og:image:alt", article.display_caption or article.headline),
        ]
    names = [
        ("twitter:card", "summary_large_image" if card else "summary"),
        ("twitter:title", article.headline),
        ("twitter:description", article.lead),
    ]
    if card:
        names.append(("twitter:image", card.url))
    graph = sd.article_graph(article=article, authors=list(authors), tags=list(tags), images=images, poll=poll)
    # Plain escaping rather than format_html per tag: this runs on every article page (15-20 tags).
    return SafeString(
        "".join(f'<meta property="{k}" content="{escape(str(v))}">' for k, v in properties if v is not None)
        + "".join(f'<meta name="{k}" content="{escape(str(v))}">' for k, v in names)
        + _language_alternates(url)
        + sd.json_ld(graph)
    )


@register.simple_tag
def website_head() -> SafeString:
    url = sd.absolute("/")
    return SafeString(
        format_html(
            '<link rel="canonical" href="{}"><meta property="og:type" content="website">'
            '<meta property="og:site_name" content="{}"><meta property="og:url" content="{}">'
            '<meta property="og:locale" content="{}">',
            url,
            settings.TRIBUNE_SITE_NAME,
            url,
            OG_LOCALE,
        )
        + _language_alternates(url)
        + sd.json_ld(sd.website_graph())
    )
