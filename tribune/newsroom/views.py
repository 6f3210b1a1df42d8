from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render

from tribune.core.listing import cursor_or_404
from tribune.newsroom import selectors
from tribune.rankings.selectors import recent_articles


def home(request: HttpRequest) -> HttpResponse:
    recent = recent_articles(limit=settings.TRIBUNE_RECENT_COUNT)
    return render(
        request,
        "newsroom/home.html",
        {"front": selectors.front_page(newest=recent), "recent_articles": recent},
    )


def article_detail(request: HttpRequest, section: str, slug: str, pk: int) -> HttpResponse:
    article = selectors.article_get_for_reader(pk=pk)
    if section != article.section.slug or slug != article.slug:
        # Old headline, old slug or moved section: one canonical address, for readers and search engines.
        return HttpResponsePermanentRedirect(article.get_absolute_url())
    return render(request, "newsroom/article_detail.html", selectors.article_detail_context(article=article))


def section_detail(request: HttpRequest, section: str) -> HttpResponse:
    section_obj = selectors.section_get(slug=section)
    cursor, direction = cursor_or_404(request)
    page = selectors.section_article_page(section=section_obj, cursor=cursor, direction=direction)
    if cursor is not None and not page.items:
        raise Http404("empty page")
    return render(
        request,
        "newsroom/listing.html",
        {"section": section_obj, "title": section_obj.name, "page": page, "kind": "section"},
    )


def archive(request: HttpRequest) -> HttpResponse:
    cursor, direction = cursor_or_404(request)
    page = selectors.section_article_page(section=None, cursor=cursor, direction=direction)
    if cursor is not None and not page.items:
        raise Http404("empty page")
    return render(request, "newsroom/listing.html", {"title": None, "page": page, "kind": "archive"})


def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = selectors.author_get(slug=slug)
    cursor, direction = cursor_or_404(request)
    page = selectors.author_article_page(author=author, cursor=cursor, direction=direction)
    if cursor is not None and not page.items:
        raise Http404("empty page")
    return render(
        request, "newsroom/listing.html", {"author": author, "title": author.name, "page": page, "kind": "author"}
    )
