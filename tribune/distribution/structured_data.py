"""Structured data (schema.org JSON-LD) and social cards (OpenGraph, Twitter) for reader pages.

Google's NewsArticle guidance: headline of at most 110 characters, images in 16:9,
4:3 and 1:1 at least 1,200 px wide, dates with a time zone, authors as Person with
their page, the publisher as an organisation with a logo.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from tribune.core.images import SOCIAL
from tribune.newsroom.models import Article, Author, NewsImage

HEADLINE_MAX = 110
SCHEMA = "https://schema.org"
# The crops Google asks for, 1,200 px wide; the first one is the social card image.
CROPS = dict(zip(("16x9", "4x3", "1x1"), SOCIAL.specs, strict=True))
LOGO_PATH = "tribune/logo.png"
LOGO_SIZE = (600, 60)


def absolute(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else settings.TRIBUNE_SITE_URL + path


def iso(moment: Any) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def cut_headline(text: str, limit: int = HEADLINE_MAX) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int
    height: int


def article_images(image: NewsImage | None) -> dict[str, SocialImage]:
    """The three crops of the lead image (one query when they exist, made on first use otherwise)."""
    if image is None:
        return {}
    renditions = image.get_renditions(*CROPS.values())
    return {
        name: SocialImage(
            url=absolute(renditions[spec].url), width=renditions[spec].width, height=renditions[spec].height
        )
        for name, spec in CROPS.items()
    }


def publisher() -> dict[str, Any]:
    """The site as publisher (shared between calls: only ever serialised, never changed)."""
    return _publisher(settings.TRIBUNE_SITE_NAME, settings.TRIBUNE_SITE_URL, settings.STATIC_URL)


@functools.lru_cache(maxsize=8)
def _publisher(name: str, site_url: str, static_url: str) -> dict[str, Any]:
    # On every article page; the logo's hashed static address alone was more than the rest of the graph.
    return {
        "@type": "NewsMediaOrganization",
        "name": name,
        "url": absolute("/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(static(LOGO_PATH)),
            "width": LOGO_SIZE[0],
            "height": LOGO_SIZE[1],
        },
    }


def _person(author: Author) -> dict[str, Any]:
    return {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}


def article_graph(
    *,
    article: Article,
    authors: list[Author],
    tags: list[Any],
    images: dict[str, SocialImage],
    poll: Any = None,
) -> list[dict[str, Any]]:
    """NewsArticle and BreadcrumbList for an article page."""
    url = absolute(article.get_absolute_url())
    news: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "@id": url + "#artikel",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": cut_headline(article.headline),
        "description": article.lead,
        "datePublished": iso(article.first_published_at),
        "dateModified": iso(article.last_published_at or article.first_published_at),
        "author": [_person(author) for author in authors],
        "publisher": publisher(),
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in tags],
        "inLanguage": "nl-BE",
        "isAccessibleForFree": True,
        "commentCount": getattr(article, "reaction_count", 0) or 0,
    }
    if images:
        news["image"] = [
            {"@type": "ImageObject", "url": image.url, "width": image.width, "height": image.height}
            for image in images.values()
        ]
    question = _reader_question(article, poll)
    if question:
        news["hasPart"] = question
    breadcrumbs = {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": settings.TRIBUNE_SITE_NAME, "item": absolute("/")},
            {
                "@type": "ListItem",
                "position": 2,
                "name": article.section.name,
                "item": absolute(article.section.get_absolute_url()),
            },
            {"@type": "ListItem", "position": 3, "name": cut_headline(article.headline), "item": url},
        ],
    }
    return [news, breadcrumbs]


def _reader_question(article: Article, poll: Any) -> dict[str, Any] | None:
    """The reader question as a schema.org Question; a poll's answers as its suggested answers with vote counts."""
    # The raw blocks: a CharBlock's raw value is its value, and converting the whole body would cost queries.
    for raw in article.body.raw_data:
        if raw.get("type") != "reader_question":
            continue
        question: dict[str, Any] = {
            "@type": "Question",
            "name": raw["value"]["question"],
            "answerCount": getattr(article, "reaction_count", 0) or 0,
        }
        if poll is not None:
            question["answerCount"] = poll.total
            question["suggestedAnswer"] = [
                {"@type": "Answer", "text": option.label, "upvoteCount": option.votes} for option in poll.options
            ]
        return question
    return None


def search_action() -> dict[str, Any]:
    """The site search (/zoeken/?q=) as a SearchAction.

    `query-input` is not a schema.org property but the "<property>-input" annotation of
    schema.org's Potential Actions note (a PropertyValueSpecification in short text form),
    which Google reads; it names the placeholder in the URL template.
    """
    return {
        "@type": "SearchAction",
        "target": {
            "@type": "EntryPoint",
            "urlTemplate": absolute(reverse("newsroom:search")) + "?q={search_term_string}",
        },
        "query-input": "required name=search_term_string",
    }


def website_graph() -> list[dict[str, Any]]:
    """The home page: the site, its publisher and its search."""
    return [
        {
            "@context": SCHEMA,
            "@type": "WebSite",
            "name": settings.TRIBUNE_SITE_NAME,
            "url": absolute("/"),
            "inLanguage": "nl-BE",
            "publisher": publisher(),
            "potentialAction": search_action(),
        }
    ]


def json_ld(data: Any) -> SafeString:
    """A <script type="application/ld+json"> block; <, > and & are escaped so no text can end the script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
