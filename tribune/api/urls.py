"""`/api/v1/`: the Ninja API's routes, each with caching headers, and a JSON 404 for any other path."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, re_path

from tribune.api.api import api
from tribune.delivery.middleware import public_response
from tribune.distribution.views import conditional


def cached(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Public caching for successful answers, and an ETag of the body with a 304 for If-None-Match."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code in {200, 304}:
            return cast(HttpResponse, public_response(request, response, max_age=settings.TRIBUNE_API_MAX_AGE))
        else:
            response["Cache-Control"] = "no-cache"
        return response

    return conditional(wrapped)  # inside: the 304 is answered after the ETag is set


def not_found(request: HttpRequest, path: str) -> JsonResponse:
    return JsonResponse({"detail": f"No API endpoint at /api/v1/{path}; see /api/v1/openapi.json."}, status=404)


def _patterns() -> list[URLPattern | URLResolver]:
    patterns, _app_name, _namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = cached(pattern.callback)
    return [*patterns, re_path(r"^(?P<path>.*)$", not_found)]


app_name = "api-v1"
urlpatterns = _patterns()
