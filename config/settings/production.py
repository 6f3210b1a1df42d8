"""Production: PostgreSQL and Redis from the environment, hardened cookies and HTTPS."""

from typing import Any, cast

from django.core.exceptions import ImproperlyConfigured

from config.env import ENV
from config.settings.base import *  # noqa: F403
from config.settings.base import LOGGING

if not ENV.secret_key:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
SECRET_KEY = ENV.secret_key
DEBUG = False

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# TLS ends at nginx or a CDN, which says so in X-Forwarded-Proto (docs/deploy.md, "TLS and HSTS").
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# nginx or the CDN should redirect port 80 itself; this catches what reaches the app anyway. Load
# balancers and monitoring call /gezond/ on the app servers over plain HTTP.
SECURE_SSL_REDIRECT = ENV.ssl_redirect
SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]
# Sent on HTTPS answers only (browsers ignore it over HTTP).
SECURE_HSTS_SECONDS = ENV.hsts_seconds
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = ENV.hsts_preload
TRIBUNE_SERVE_MEDIA = False

# Structured logs: one JSON object per line (tribune/core/logging.py), for journald and log shippers.
# Same handlers and levels as base.py, only the line format changes.
_formatters = cast(dict[str, Any], LOGGING["formatters"])
_handlers = cast(dict[str, dict[str, Any]], LOGGING["handlers"])
LOGGING = {
    **LOGGING,
    "formatters": {**_formatters, "json": {"()": "tribune.core.logging.JsonFormatter"}},
    "handlers": {name: {**handler, "formatter": "json"} for name, handler in _handlers.items()},
}
