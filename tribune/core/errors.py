"""Error answers that need neither the database nor anything else that may be down."""

from __future__ import annotations

import sys

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views.defaults import server_error as django_server_error

# Seconds a reader's browser (and nginx, via proxy_cache_use_stale) should wait before asking again.
RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """Django's 500, except when the database is unreachable: then a designed 503 that says to come back.

    Django calls this inside its `except` block, so the exception is still at hand. Caches in
    front keep serving the last good copy of public pages (stale-if-error); this page is for
    what no cache holds.
    """
    error = sys.exc_info()[1]
    if not isinstance(error, DatabaseError) or not _is_outage(error):
        return django_server_error(request, template_name)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _is_outage(error: DatabaseError) -> bool:
    from django.db import InterfaceError, OperationalError

    # OperationalError: refused, dropped, timed out, "database is locked"; InterfaceError: connection already closed.
    return isinstance(error, (OperationalError, InterfaceError))
