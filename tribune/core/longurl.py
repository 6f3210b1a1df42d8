"""Addresses longer than any the site makes are refused before Django reads them.

Parsing a query string costs time per percent-escape: a megabyte of `%3C` took over a second
in `QueryDict` alone, before any view could refuse it. The site's own addresses stay far below
the limit (a search query is at most 200 characters, 1,800 bytes percent-encoded; cursors are a
few dozen). nginx's default header buffers (8 KB) refuse such requests in front, but the app
server can be reached without nginx (`make demo`, a misconfigured proxy), so the app says no too.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

# Path plus query string, in bytes as they arrived (still percent-encoded).
MAX_ADDRESS_BYTES = 8192


class LongAddressMiddleware:
    """414 URI Too Long, in the site's design (JSON under /api/), for an address over MAX_ADDRESS_BYTES."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The WSGI path is the decoded one; its length is close enough (decoding only shortens).
        length = len(request.META.get("QUERY_STRING", "")) + len(request.META.get("PATH_INFO", ""))
        if length <= MAX_ADDRESS_BYTES:
            return self.get_response(request)
        if request.META.get("PATH_INFO", "").startswith("/api/"):
            return JsonResponse({"detail": f"The address is longer than {MAX_ADDRESS_BYTES} bytes."}, status=414)
        return render(request, "400.html", status=414)
