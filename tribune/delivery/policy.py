"""Which requests may be answered from a shared cache, and with what headers.

A request is *shareable* when its answer cannot depend on who asks: a GET or HEAD
without a login session, without a message waiting to be shown (the page after
posting a comment says "Bedankt"), without credentials, outside the newsroom. Only
shareable requests are rendered for everyone and cached; the rest are rendered for
the one reader and marked private.

The reader cookie (`tribune_lezer`) does not make a request personal: pages render
the same for every reader, and what is personal (your vote, your like) is shown right
after the action, on the page that carries the message.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.http import HttpRequest
from django.http.cookie import parse_cookie

SAFE_METHODS = frozenset({"GET", "HEAD"})
# Django's cookie message storage; it has no setting for this name.
MESSAGES_COOKIE = "messages"
PRIVATE_PREFIXES = ("/redactie/", "/documenten/")


def _bypass_cookies() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE)


def shareable(*, method: str, path: str, cookies: Mapping[str, str], authorization: bool) -> bool:
    if method not in SAFE_METHODS or authorization or path.startswith(PRIVATE_PREFIXES):
        return False
    return not any(cookies.get(name) for name in _bypass_cookies())


def request_is_shareable(request: HttpRequest) -> bool:
    return shareable(
        method=request.method or "",
        path=request.path,
        cookies=request.COOKIES,
        authorization="authorization" in request.headers,
    )


def environ_is_shareable(environ: Mapping[str, str]) -> bool:
    raw = environ.get("HTTP_COOKIE", "")
    return shareable(
        method=environ.get("REQUEST_METHOD", ""),
        path=environ.get("PATH_INFO", ""),
        cookies=parse_cookie(raw) if raw else {},
        authorization=bool(environ.get("HTTP_AUTHORIZATION")),
    )


def public_cache_control(*, max_age: int = 0) -> str:
    # max-age=0: a browser asks again every time (a cheap 304 when nothing changed), so a
    # reader never sees an old count; shared caches keep the page for s-maxage, serve it
    # while fetching a new one, and keep serving it when the app is down.
    return (
        f"public, max-age={max_age}, s-maxage={settings.TRIBUNE_CACHE_SHARED_SECONDS}, "
        f"stale-while-revalidate={settings.TRIBUNE_CACHE_STALE_SECONDS}, "
        f"stale-if-error={settings.TRIBUNE_CACHE_STALE_IF_ERROR_SECONDS}"
    )


PRIVATE_CACHE_CONTROL = "private, no-cache"
NO_STORE = "private, no-store"
