"""Shared view plumbing for keyset-paginated listings."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from tribune.core.pagination import Cursor, Direction, InvalidCursor, cursor_from_query


def cursor_or_404(request: HttpRequest) -> tuple[Cursor | None, Direction]:
    try:
        return cursor_from_query(request.GET)
    except InvalidCursor as exc:
        raise Http404("cursor") from exc
