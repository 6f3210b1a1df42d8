from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import wraps
from typing import cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.http import require_safe

from tribune.delivery.tags import ALL_ARTICLES, NAVIGATION, tag_request
from tribune.distribution import selectors, sitemaps

XML = "application/xml; charset=utf-8"
# ETag from the body, Last-Modified from the feed's newest item: a reader or crawler that has it gets a 304.
_conditional = decorator_from_middleware(ConditionalGetMiddleware)


def conditional(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """ETag/304, and the cache tags of a sitemap: it changes with any article, section, tag or author."""

    @wraps(view)
    def tagged(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        tag_request(request, ALL_ARTICLES, NAVIGATION)
        return view(request, *args, **kwargs)

    return cast(Callable[..., HttpResponse], _conditional(tagged))


def _xml(parts: Iterator[str]) -> HttpResponse:
    return HttpResponse("".join(parts), content_type=XML)


@require_safe
@conditional
def sitemap_index(request: HttpRequest) -> HttpResponse:
    return _xml(sitemaps.sitemap_index())


@require_safe
@conditional
def sitemap_articles(request: HttpRequest, page: int) -> HttpResponse:
    from django.http import Http404

    rows = list(selectors.article_sitemap_rows(page=int(page)))
    if not rows:
        raise Http404("sitemap page")
    return _xml(sitemaps.urlset(rows, images=True))


@require_safe
@conditional
def sitemap_news(request: HttpRequest) -> HttpResponse:
    return _xml(sitemaps.news_urlset(selectors.news_sitemap_rows()))


@require_safe
@conditional
def sitemap_sections(request: HttpRequest) -> HttpResponse:
    return _xml(sitemaps.urlset(selectors.section_sitemap_rows()))


@require_safe
@conditional
def sitemap_tags(request: HttpRequest) -> HttpResponse:
    return _xml(sitemaps.urlset(selectors.tag_sitemap_rows()))


@require_safe
@conditional
def sitemap_authors(request: HttpRequest) -> HttpResponse:
    return _xml(sitemaps.urlset(selectors.author_sitemap_rows()))


# The newsroom, the comment actions and search results are no place for a crawler.
ROBOTS_DISALLOW = ("/redactie/", "/reacties/", "/zoeken/")


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    lines.append(f"Sitemap: {settings.TRIBUNE_SITE_URL}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
