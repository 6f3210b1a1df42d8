from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tribune.core.listing import cursor_or_404
from tribune.taxonomy import selectors


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = selectors.tag_get(slug=slug)
    cursor, direction = cursor_or_404(request)
    page = selectors.tag_article_page(tag=tag, cursor=cursor, direction=direction)
    if cursor is not None and not page.items:
        raise Http404("empty page")
    return render(request, "newsroom/listing.html", {"tag": tag, "title": tag.name, "page": page, "kind": "tag"})
