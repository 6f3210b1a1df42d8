"""Every environment variable Tribune reads, in one place.

Settings modules import `ENV` from here and never touch `os.environ` themselves, so
this file (and the README table generated from `VARIABLES`) is the whole contract
between an operator and the code. `tribune/core/tests/test_docs.py` fails when a
variable is missing from the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

BASE_DIR = Path(__file__).resolve().parent.parent

# name -> (default, one-line description). Defaults suit `make demo` on a laptop.
VARIABLES: dict[str, tuple[str, str]] = {
    "DJANGO_SECRET_KEY": ("", "Secret key. Required in production; the demo uses a fixed development key."),
    "DJANGO_DEBUG": ("false", "Django debug mode (`true`/`false`). Never in production."),
    "DJANGO_ALLOWED_HOSTS": ("127.0.0.1,localhost", "Comma-separated host names the site answers to."),
    "DATABASE_URL": (
        "",
        "Database. Empty: SQLite in `TRIBUNE_DATA_DIR/tribune.sqlite3` (WAL). "
        "`postgres://user:pass@host:5432/name` for PostgreSQL.",
    ),
    "TRIBUNE_DB_PREPARE": (
        "true",
        "On PostgreSQL, prepare the fixed reads behind every reader page once per connection (`true`/`false`). "
        "`false` behind a pooler in transaction mode that loses prepared statements (PgBouncer before 1.21).",
    ),
    "REDIS_URL": ("", "Redis for the cache, e.g. `redis://127.0.0.1:6379/0`. Empty: local-memory cache."),
    "TRIBUNE_DATA_DIR": ("var", "Folder for the SQLite database and uploaded media (relative to the project)."),
    "TRIBUNE_SITE_URL": ("http://127.0.0.1:8000", "Public base URL, used in absolute links and the newsroom."),
    "TRIBUNE_SITE_NAME": ("Tribune", "Site name shown in the header and titles."),
    "TRIBUNE_SCHEDULER": (
        "true",
        "Run the publication scheduler inside each app-server process (`true`/`false`). "
        "A database lease makes sure only one process publishes at a time.",
    ),
    "TRIBUNE_SCHEDULER_INTERVAL": (
        "15",
        "Seconds between two scheduler ticks (scheduled articles go live within this).",
    ),
    "TRIBUNE_TRUSTED_PROXIES": (
        "0",
        "How many reverse proxies (nginx, a CDN) stand in front of the app servers. The reader's network "
        "address is then read from that many hops back in `X-Forwarded-For`; 0 trusts no header.",
    ),
    "TRIBUNE_ADDRESS_RETENTION_DAYS": (
        "7",
        "Days a comment writer's raw network address is kept (for legal requests); then it is erased and only "
        "a keyed hash remains. 0: never stored.",
    ),
    "TRIBUNE_FEED_FULL_TEXT": (
        "false",
        "Put the whole article body in the RSS and Atom feeds (`true`), not only the lead (`false`).",
    ),
    "TRIBUNE_WEBHOOKS_ALLOW_PRIVATE": (
        "false",
        "Let webhooks target loopback, private, link-local and other internal addresses (`true`/`false`). "
        "Off, such targets are refused, so the newsroom cannot be used to reach internal services.",
    ),
    "TRIBUNE_WEBHOOK_LOG_DAYS": (
        "30",
        "Days finished webhook deliveries (delivered or given up) stay in the delivery log; then the scheduler "
        "deletes them. Waiting and retrying deliveries are never deleted. 0: kept forever.",
    ),
    "TRIBUNE_PAGE_CACHE": (
        "true",
        "Keep rendered public pages in each app process's memory, dropped by exact purge (`true`/`false`).",
    ),
    "TRIBUNE_VARNISH_URLS": (
        "",
        "Comma-separated Varnish addresses to purge by tag (xkey), e.g. `http://127.0.0.1:6081/`. Empty: none.",
    ),
    "TRIBUNE_NGINX_PURGE_URLS": (
        "",
        "Comma-separated nginx purge locations (`deploy/nginx/tribune.conf`'s `/_purge`), e.g. "
        "`http://127.0.0.1/_purge`: the first pages a change touches leave nginx's micro-cache at once. Empty: none.",
    ),
    "TRIBUNE_SSL_REDIRECT": (
        "true",
        "Production settings only: answer plain-HTTP requests with a redirect to HTTPS (`true`/`false`); "
        "`/gezond/` is exempt. `false` only where no HTTPS exists at all (`make prod-check` on loopback).",
    ),
    "TRIBUNE_HSTS_SECONDS": (
        "31536000",
        "Production settings only: `max-age` of the `Strict-Transport-Security` header on HTTPS answers "
        "(with `includeSubDomains`). 0: no HSTS. Start low (300) on a new domain, then raise it to a year.",
    ),
    "TRIBUNE_HSTS_PRELOAD": (
        "true",
        "Production settings only: add `preload` to HSTS (`true`/`false`), consenting to the browsers' HSTS "
        "preload list (hstspreload.org). Turn off if the domain or a subdomain must stay reachable over HTTP.",
    ),
    "TRIBUNE_WEB_WORKERS": ("", "App-server worker processes for `make serve`/`make demo`. Empty: one per CPU core."),
    "TRIBUNE_WEB_THREADS": (
        "2",
        "Threads per app-server worker. Django holds Python's lock while it renders, so more threads mostly wait "
        "for each other: 1 serves the most uncached pages, 2 (the default) lets a request waiting on the database "
        "or a slow newsroom page overlap with another at a small cost (docs/performance.md, section 13).",
    ),
    "TRIBUNE_BIND": ("127.0.0.1:8000", "Address and port the app server listens on."),
    "CI": (
        "false",
        "Set by CI. Tests that need PostgreSQL or Chromium fail when those are missing, instead of skipping.",
    ),
    "TRIBUNE_TEST_DB": (
        "sqlite",
        "Test suite only: `postgres` runs it against PostgreSQL (`TRIBUNE_TEST_PG_URL`) instead of SQLite.",
    ),
    "TRIBUNE_TEST_PG_URL": (
        "postgres://root@127.0.0.1:5432/test",
        "Test suite only: the PostgreSQL server the `postgres` pass uses (test databases are created beside it).",
    ),
}


def _get(name: str) -> str:
    return os.environ.get(name, VARIABLES[name][0])


def _bool(name: str) -> bool:
    return _get(name).strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str) -> list[str]:
    return [item.strip() for item in _get(name).split(",") if item.strip()]


def database_config(url: str, *, sqlite_path: Path) -> dict[str, object]:
    """Translate a DATABASE_URL into Django's DATABASES entry."""
    if not url or url.startswith("sqlite"):
        path = sqlite_path
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path,
            "OPTIONS": {
                # IMMEDIATE makes writers queue on the lock instead of failing with
                # "database is locked" when a read transaction tries to upgrade.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA mmap_size=134217728; PRAGMA cache_size=-32000;"
                ),
            },
        }
    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise ValueError(f"DATABASE_URL: unsupported scheme {parsed.scheme!r} (use postgres:// or sqlite:///)")
    options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")),
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "",
        "PORT": str(parsed.port or ""),
        # Persistent connections: a reader request should not pay a connection setup.
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": options,
    }


@dataclass(frozen=True)
class Environment:
    secret_key: str
    debug: bool
    allowed_hosts: list[str]
    database_url: str
    db_prepare: bool
    redis_url: str
    data_dir: Path
    site_url: str
    site_name: str
    scheduler: bool
    scheduler_interval: int
    trusted_proxies: int
    address_retention_days: int
    feed_full_text: bool
    webhooks_allow_private: bool
    webhook_log_days: int
    page_cache: bool
    varnish_urls: list[str]
    nginx_purge_urls: list[str]
    ssl_redirect: bool
    hsts_seconds: int
    hsts_preload: bool
    web_workers: str
    web_threads: int
    bind: str
    ci: bool
    test_db: str
    test_pg_url: str


def read_environment() -> Environment:
    data_dir = Path(_get("TRIBUNE_DATA_DIR"))
    if not data_dir.is_absolute():
        data_dir = BASE_DIR / data_dir
    return Environment(
        secret_key=_get("DJANGO_SECRET_KEY"),
        debug=_bool("DJANGO_DEBUG"),
        allowed_hosts=_list("DJANGO_ALLOWED_HOSTS"),
        database_url=_get("DATABASE_URL"),
        db_prepare=_bool("TRIBUNE_DB_PREPARE"),
        redis_url=_get("REDIS_URL"),
        data_dir=data_dir,
        site_url=_get("TRIBUNE_SITE_URL").rstrip("/"),
        site_name=_get("TRIBUNE_SITE_NAME"),
        scheduler=_bool("TRIBUNE_SCHEDULER"),
        scheduler_interval=max(1, int(_get("TRIBUNE_SCHEDULER_INTERVAL"))),
        trusted_proxies=max(0, int(_get("TRIBUNE_TRUSTED_PROXIES"))),
        address_retention_days=max(0, int(_get("TRIBUNE_ADDRESS_RETENTION_DAYS"))),
        feed_full_text=_bool("TRIBUNE_FEED_FULL_TEXT"),
        webhooks_allow_private=_bool("TRIBUNE_WEBHOOKS_ALLOW_PRIVATE"),
        webhook_log_days=max(0, int(_get("TRIBUNE_WEBHOOK_LOG_DAYS"))),
        page_cache=_bool("TRIBUNE_PAGE_CACHE"),
        varnish_urls=_list("TRIBUNE_VARNISH_URLS"),
        nginx_purge_urls=_list("TRIBUNE_NGINX_PURGE_URLS"),
        ssl_redirect=_bool("TRIBUNE_SSL_REDIRECT"),
        hsts_seconds=max(0, int(_get("TRIBUNE_HSTS_SECONDS"))),
        hsts_preload=_bool("TRIBUNE_HSTS_PRELOAD"),
        web_workers=_get("TRIBUNE_WEB_WORKERS"),
        web_threads=max(1, int(_get("TRIBUNE_WEB_THREADS"))),
        bind=_get("TRIBUNE_BIND"),
        ci=_bool("CI"),
        test_db=_get("TRIBUNE_TEST_DB"),
        test_pg_url=_get("TRIBUNE_TEST_PG_URL"),
    )


ENV = read_environment()
