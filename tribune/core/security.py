"""Security headers: one Content-Security-Policy for readers, a laxer one for the newsroom.

Reader pages are shared by every reader (Tribune's own page cache, nginx, Varnish, a CDN),
so their policy cannot carry a per-request nonce: a nonce everyone shares protects nothing.
It allows inline code by hash instead. The few inline scripts and styles are static files
inlined by `{% inline_script %}` and `{% inline_static %}`, only if listed in
TRIBUNE_CSP_INLINE_SCRIPTS / TRIBUNE_CSP_INLINE_STYLES; their hashes are taken from the very
text those tags print, once per process. So the header is the same for every reader and
every page, and a new inline script cannot be added without its hash.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterable
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import SafeString

CSP = "Content-Security-Policy"


@cache
def static_text(path: str) -> SafeString:
    """A static file's text, read once per process: what gets inlined and what gets hashed."""
    found = finders.find(path)
    if not found:
        raise ImproperlyConfigured(f"static file {path!r} not found")
    with open(found, encoding="utf-8") as handle:
        return SafeString(handle.read())


def source_hash(text: str) -> str:
    """The CSP source expression allowing exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_text(path: str, allowed: Iterable[str], setting: str) -> SafeString:
    if path not in allowed:
        # Without its hash in the policy, browsers would refuse it: fail in development, not in readers' browsers.
        raise ImproperlyConfigured(f"{path!r} is inlined but not listed in {setting}, so the CSP would block it")
    return static_text(path)


def build_policy(directives: dict[str, list[str]], extra: dict[str, list[str]] | None = None) -> str:
    merged = {name: list(sources) for name, sources in directives.items()}
    for name, sources in (extra or {}).items():
        merged.setdefault(name, []).extend(sources)
    return "; ".join(" ".join([name, *sources]) for name, sources in merged.items())


@cache
def reader_policy() -> str:
    """The reader policy with the hashes of the inline scripts and styles: identical on every page."""
    scripts = [source_hash(static_text(path)) for path in settings.TRIBUNE_CSP_INLINE_SCRIPTS]
    styles = [source_hash(static_text(path)) for path in settings.TRIBUNE_CSP_INLINE_STYLES]
    return build_policy(settings.TRIBUNE_CSP_READER, {"script-src": scripts, "style-src-elem": styles})


@cache
def newsroom_policy() -> str:
    return build_policy(settings.TRIBUNE_CSP_NEWSROOM)


@cache
def newsroom_prefix() -> str:
    return reverse("wagtailadmin_home")


class SecurityHeadersMiddleware:
    """Content-Security-Policy, Permissions-Policy and (newsroom) X-Frame-Options on every answer.

    Outside Django's SecurityMiddleware, whose HTTPS redirect it marks uncacheable.

    Nothing here depends on the request but its path, so a cached page keeps a correct header.
    A view that set its own policy (Wagtail's document and image views: `default-src 'none'`) keeps it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        # At start-up: a missing inline file fails the first request of a process, not a reader's page later.
        self.reader, self.newsroom = reader_policy(), newsroom_policy()

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders a reader page through the middleware for a made-up request to "/";
            # the newsroom request that shows it sets the policy (the newsroom's: it frames the preview).
            return response
        if (
            response.status_code == 301
            and not request.is_secure()
            and response.get("Location", "").startswith("https:")
        ):
            # SecurityMiddleware's HTTPS redirect (SECURE_SSL_REDIRECT): nginx's cache key has no scheme,
            # so a kept redirect would send HTTPS readers round in circles. private, no-store: never kept.
            add_never_cache_headers(response)
        if request.path.startswith(newsroom_prefix()):
            response.headers.setdefault(CSP, self.newsroom)
            # The preview panel frames newsroom pages; browsers that know CSP follow frame-ancestors anyway.
            response["X-Frame-Options"] = "SAMEORIGIN"
        else:
            response.headers.setdefault(CSP, self.reader)
        response.headers.setdefault("Permissions-Policy", settings.TRIBUNE_PERMISSIONS_POLICY)
        return response
