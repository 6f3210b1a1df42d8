"""Cross-site request protection for the reader's forms, without a token in the page.

Pages are cached and shared by every reader, so they cannot carry a per-reader CSRF
token. Browsers say where a request comes from instead: `Sec-Fetch-Site` (every
current browser) or `Origin` (older ones). A POST that a browser marks as coming from
another site is refused; one without either header is not a browser acting for
someone else (a browser sends `Origin` on every cross-site POST). This is the check
Go's `net/http.CrossOriginProtection` makes. The newsroom keeps Django's CSRF tokens.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

ALLOWED_FETCH_SITES = frozenset({"same-origin", "none"})


def cross_site(request: HttpRequest) -> bool:
    """True when a browser tells us this request was made by another site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in ALLOWED_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return False
    return urlsplit(origin).netloc.lower() != request.get_host().lower()


def same_site_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Django's token check off, this header check on, for views that shared cached pages post to."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD") and cross_site(request):
            message = _("Dit formulier kan alleen vanaf onze eigen site worden verstuurd.")
            if "application/json" in request.headers.get("Accept", ""):
                return JsonResponse({"ok": False, "message": message}, status=403)
            return HttpResponseForbidden(message, content_type="text/plain; charset=utf-8")
        return view(request, *args, **kwargs)

    return csrf_exempt(guarded)
