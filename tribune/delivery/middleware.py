"""Cache headers on every response: public pages get shared-cache headers, tags, ETag and Last-Modified."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, has_vary_header
from django.utils.http import http_date, parse_http_date_safe

from tribune.delivery import policy
from tribune.delivery import tags as cache_tags

# 304: a view that answered the condition itself (feeds, sitemaps) still says how to cache.
FORM_TOKEN = re.compile(rb'name="token" value="[^"]*"')
PUBLIC_STATUSES = frozenset({200, 301, 304, 404, 410})


class CacheHeadersMiddleware:
    """Decides, per response, whether a shared cache may keep it, and says so.

    Sits just inside the compression middleware, so the ETag is of the plain body.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            pass  # the view decided (static files, never_cache, the newsroom, the API)
        elif request.method not in policy.SAFE_METHODS:
            response["Cache-Control"] = policy.NO_STORE
        elif not self._public(request, response):
            response["Cache-Control"] = policy.NO_STORE if response.cookies else policy.PRIVATE_CACHE_CONTROL
        else:
            response = public_response(request, response)
        if len(settings.LANGUAGES) == 1 and "public" in response.get("Cache-Control", ""):
            _drop_language_vary(response)
        return response

    @staticmethod
    def _public(request: HttpRequest, response: HttpResponseBase) -> bool:
        return (
            response.status_code in PUBLIC_STATUSES
            and policy.request_is_shareable(request)
            and not response.cookies
            and not has_vary_header(response, "Cookie")
        )


def public_response(request: HttpRequest, response: HttpResponseBase, *, max_age: int = 0) -> HttpResponseBase:
    """`response` as shared caches may keep it: Cache-Control, cache tags, Last-Modified, ETag, and a 304 when due."""
    response["Cache-Control"] = policy.public_cache_control(max_age=max_age)
    tags = cache_tags.request_tags(request)
    if tags:
        response[settings.TRIBUNE_CACHE_TAG_HEADER] = cache_tags.header_value(tags)
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(time.time())
    if not response.streaming and not response.has_header("ETag"):
        # The signed form token changes with every render but is not content: two renders of the same
        # article must get the same ETag, or a browser's copy would never be confirmed with a 304.
        content = FORM_TOKEN.sub(b'name="token"', response.content)  # type: ignore[attr-defined]
        digest = hashlib.blake2b(content, digest_size=12).hexdigest()
        response["ETag"] = f'W/"{digest}"'
    if response.status_code == 200:
        conditional = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=cast(HttpResponse, response),
        )
        if conditional is not None:
            return conditional
    return response


def _drop_language_vary(response: HttpResponseBase) -> None:
    # One language only: LocaleMiddleware's Vary would split every shared cache by browser language.
    if not response.has_header("Vary"):
        return
    kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "accept-language"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
