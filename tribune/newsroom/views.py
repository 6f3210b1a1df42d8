from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render

from tribune.core.listing import listing_page_or_404
from tribune.delivery import tags as cache_tags
from tribune.newsroom import selectors
from tribune.newsroom.models import Article
from tribune.rankings.selectors import recent_articles


def home(request: HttpRequest) -> HttpResponse:
    recent = recent_articles(limit=settings.TRIBUNE_RECENT_COUNT)
    cache_tags.tag_request(request, cache_tags.ALL_ARTICLES)
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
    return render_article(request, article)


def render_article(
    request: HttpRequest, article: Article, *, comment_form: Any = None, status: int = 200
) -> HttpResponse:
    """The article page; the comment views re-render it with the reader's refused form and its message."""
    from tribune.engagement.views import article_engagement_context

    context = selectors.article_detail_context(article=article)
    cache_tags.tag_request(
        request,
        cache_tags.article_tag(article.pk),
        cache_tags.reactions_tag(article.pk),
        *(cache_tags.article_tag(pk) for pk in context["read_also_ids"]),
    )
    context.update(article_engagement_context(request, article, comment_form=comment_form))
    return render(request, "newsroom/article_detail.html", context, status=status)


def section_detail(request: HttpRequest, section: str) -> HttpResponse:
    section_obj = selectors.section_get(slug=section)
    page = listing_page_or_404(request, partial(selectors.section_article_page, section=section_obj))
    cache_tags.tag_request(request, cache_tags.section_tag(section_obj.pk))
    return render(
        request,
        "newsroom/listing.html",
        {"section": section_obj, "title": section_obj.name, "page": page, "kind": "section"},
    )


def archive(request: HttpRequest) -> HttpResponse:
    page = listing_page_or_404(request, partial(selectors.section_article_page, section=None))
    cache_tags.tag_request(request, cache_tags.ALL_ARTICLES)
    return render(request, "newsroom/listing.html", {"title": None, "page": page, "kind": "archive"})


def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = selectors.author_get(slug=slug)
    page = listing_page_or_404(request, partial(selectors.author_article_page, author=author))
    cache_tags.tag_request(request, cache_tags.author_tag(author.pk))
    return render(
        request, "newsroom/listing.html", {"author": author, "title": author.name, "page": page, "kind": "author"}
    )


def search(request: HttpRequest) -> HttpResponse:
    """`/zoeken/?q=`: headlines of live articles, newest first (see selectors.article_search)."""
    raw = request.GET.get("q", "")
    # Results change with any publication anywhere (and are cheap to refresh).
    cache_tags.tag_request(request, cache_tags.ALL_ARTICLES)
    limit = selectors.SEARCH_QUERY_MAX_LENGTH
    context: dict[str, Any] = {"query": "", "page": None, "problem": None, "max_length": limit}
    try:
        text = selectors.search_text(raw)
    except selectors.SearchQueryTooLong:
        # Refused on its length alone; the form shows the start of it to shorten.
        context.update(query=selectors.search_text(raw[:limit]), problem="too_long")
        return render(request, "newsroom/search.html", context, status=400)
    context["query"] = text
    if "\x00" in raw:
        # Other control characters are dropped (search_text); NUL is refused, as in every form.
        context["problem"] = "invalid"
        return render(request, "newsroom/search.html", context, status=400)
    if text and not selectors.is_searchable(text):
        context["problem"] = "too_short"
    elif text:
        context["page"] = listing_page_or_404(request, partial(selectors.article_search, query=text))
    return render(request, "newsroom/search.html", context)
