from __future__ import annotations

from functools import partial

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tribune.core.listing import listing_page_or_404
from tribune.delivery.tags import tag_request, taxonomy_tag
from tribune.taxonomy import selectors


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = selectors.tag_get(slug=slug)
    page = listing_page_or_404(request, partial(selectors.tag_article_page, tag=tag))
    tag_request(request, taxonomy_tag(tag.pk))
    return render(request, "newsroom/listing.html", {"tag": tag, "title": tag.name, "page": page, "kind": "tag"})
