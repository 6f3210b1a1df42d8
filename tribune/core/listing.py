"""Shared view plumbing for keyset-paginated listings."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest

from tribune.core.pagination import Cursor, Direction, InvalidCursor, KeysetPage, cursor_from_query


def cursor_or_404(request: HttpRequest) -> tuple[Cursor | None, Direction]:
    try:
        return cursor_from_query(request.GET)
    except InvalidCursor as exc:
        raise Http404("cursor") from exc


def listing_page_or_404(request: HttpRequest, fetch: Callable[..., KeysetPage]) -> KeysetPage:
    """The page the request's cursor asks for; 404 for a bad cursor or one past the end.

    `fetch(cursor=..., direction=...)` is the listing's selector.
    """
    cursor, direction = cursor_or_404(request)
    page = fetch(cursor=cursor, direction=direction)
    if cursor is not None and not page.items:
        raise Http404("empty page")
    return page
