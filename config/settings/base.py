"""Settings shared by every environment; `make demo` runs on these.

Values that differ per deployment come from `config.env.ENV`; everything else is
a decision documented next to it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from config.env import BASE_DIR, ENV, database_config

# A fixed key is fine for the local demo; production.py refuses to start without one.
SECRET_KEY = ENV.secret_key or "tribune-demo-only-insecure-key-do-not-use-in-production"
DEBUG = ENV.debug
ALLOWED_HOSTS = ENV.allowed_hosts

INSTALLED_APPS = [
    "tribune.core",
    "tribune.newsroom",
    "tribune.taxonomy",
    "tribune.engagement",
    "tribune.rankings",
    "tribune.distribution",
    "tribune.api",
    "tribune.webhooks",
    "tribune.delivery",
    "tribune.accounts",
    "tribune.backup",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # CSP and Permissions-Policy, the same on every copy of a page; the HTTPS redirect below never cached.
    "tribune.core.security.SecurityHeadersMiddleware",
    # Refuses an address longer than any the site makes before anything parses its query string.
    "tribune.core.longurl.LongAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Compresses HTML (and other text) after everything below has written it.
    "tribune.core.middleware.TextGZipMiddleware",
    # Inside compression, so the ETag is of the plain body.
    "tribune.delivery.middleware.CacheHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # /redactie/ only: a second factor before the newsroom opens (tribune/accounts).
    "tribune.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    # Reader pages: Jinja2, from each app's jinja2/ folder (why: tribune/core/templating.py).
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "tribune.core.templating.environment",
            "extensions": ["wagtail.jinja2tags.core"],
            "context_processors": [
                "django.contrib.messages.context_processors.messages",
                "tribune.core.context_processors.site",
                "tribune.core.context_processors.reader_page",
                "tribune.distribution.context_processors.feeds",
            ],
        },
    },
    # The newsroom (Wagtail's admin), forms' widgets and e-mails: Django's engine.
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tribune.core.context_processors.site",
                "tribune.distribution.context_processors.feeds",
            ],
            # Cached loader in every environment: templates are code, not content.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    ["django.template.loaders.app_directories.Loader"],
                )
            ],
        },
    },
]

ENV.data_dir.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": database_config(ENV.database_url, sqlite_path=ENV.data_dir / "tribune.sqlite3")}
# Prepared statements for the fixed reads of every reader page (tribune/core/compiled.py).
TRIBUNE_DB_PREPARE = ENV.db_prepare
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if ENV.redis_url:
    CACHES = {
        # Redis down: misses and dropped writes instead of errors (tribune/core/cache.py).
        "default": {
            "BACKEND": "tribune.core.cache.TolerantRedisCache",
            "LOCATION": ENV.redis_url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail looks renditions up here before asking the database.
CACHES["renditions"] = {**CACHES["default"], "KEY_PREFIX": "renditions"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "tribune" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
# Not /media/: "Media" is one of the newsroom's sections.
MEDIA_URL = "/uploads/"
MEDIA_ROOT = ENV.data_dir / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed (gzip + brotli) file names: safe to cache forever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000

LOGIN_URL = "wagtailadmin_login"

# --- Wagtail: the newsroom ---
WAGTAIL_SITE_NAME = ENV.site_name
WAGTAILADMIN_BASE_URL = ENV.site_url
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_CONTENT_LANGUAGES = [("nl-be", "Nederlands")]
WAGTAILIMAGES_IMAGE_MODEL = "newsroom.NewsImage"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "gif": "webp", "png": "webp", "jpeg": "webp", "webp": "webp"}
WAGTAILIMAGES_WEBP_QUALITY = 78
# --- Uploads (tribune/newsroom/uploads.py): only real images and PDFs, without location data ---
# Content is checked too, not only the name; no SVG (it can carry scripts) and no HEIC.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "avif"]
# A full-resolution JPEG from a 45-megapixel press camera is 15-25 MB.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
# Read from the header before anything is decoded: 50 megapixels covers every press camera, and a decoded
# image that size (150 MB as RGB) is what one upload may cost an app server at most.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "tribune.newsroom.uploads.NewsImageForm"
# Documents: PDF only (by content too), always a download, never shown inside the site's origin.
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "tribune.newsroom.uploads.NewsDocumentForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_COMMENTS_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No avatars from gravatar.com: the newsroom's CSP allows images from the site only, and editors'
# e-mail hashes stay in-house.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Tribune ---
TRIBUNE_SITE_URL = ENV.site_url
TRIBUNE_SITE_NAME = ENV.site_name
# The app server serves uploaded media itself on the embedded default; in
# production nginx or a CDN does (see deploy/).
TRIBUNE_SERVE_MEDIA = True
TRIBUNE_SCHEDULER = ENV.scheduler
TRIBUNE_SCHEDULER_INTERVAL = ENV.scheduler_interval
# How many articles the "Meest recent" list shows, and listing page size.
TRIBUNE_RECENT_COUNT = 25
TRIBUNE_PAGE_SIZE = 20
# Content API (/api/v1/): default page size (callers may ask for up to 100) and Cache-Control max-age.
TRIBUNE_API_PAGE_SIZE = 20
TRIBUNE_API_MAX_AGE = 60

# --- Feeds and sitemaps ---
TRIBUNE_FEED_ITEMS = 50
TRIBUNE_FEED_FULL_TEXT = ENV.feed_full_text
# Ids per article sitemap page: far below the 50,000-URL limit; 5,000 took 94 ms p95 at 1M (100 ms is the aim).
TRIBUNE_SITEMAP_PAGE_SIZE = 2000
# Google News takes articles of the last two days.
TRIBUNE_NEWS_SITEMAP_HOURS = 48

# --- Reader comments (the newsroom's own choices are in the admin: Instellingen > Reacties) ---
TRIBUNE_TRUSTED_PROXIES = ENV.trusted_proxies
TRIBUNE_ADDRESS_RETENTION_DAYS = ENV.address_retention_days
# Long enough for a considered reaction, short enough that a page of them stays readable.
TRIBUNE_COMMENT_MAX_LENGTH = 3000
# One comment per reader (browser) and per network address in this many seconds; 0 switches it off.
TRIBUNE_COMMENT_RATE_SECONDS = 15
# A form sent back faster than a person can type is a bot.
TRIBUNE_COMMENT_MIN_FILL_SECONDS = 3
# A comment form is valid this long after the page was rendered.
TRIBUNE_COMMENT_FORM_MAX_AGE = 6 * 60 * 60
# The same text again within this window (same article, or same writer anywhere) is a duplicate.
TRIBUNE_COMMENT_DUPLICATE_SECONDS = 24 * 60 * 60
# Top-level comments per page of a thread; replies beyond REPLIES_SHOWN sit behind a link.
TRIBUNE_COMMENT_PAGE_SIZE = 20
TRIBUNE_COMMENT_REPLIES_SHOWN = 3
# Where rate-limit slots live: Redis when there is one (shared by every app server), else the database.
TRIBUNE_RATE_LIMIT_BACKEND = "redis" if ENV.redis_url else "database"
TRIBUNE_REDIS_URL = ENV.redis_url

# --- Newsroom accounts: login and password-reset throttling (tribune/accounts) ---
# This many failed logins (or password-reset requests) per network address, or per account, within the
# window: the next attempt is answered 429 until the oldest of them leaves the window.
TRIBUNE_LOGIN_MAX_FAILURES = 5
TRIBUNE_LOGIN_WINDOW_SECONDS = 60 * 60
# Two-factor login (TOTP). Members of these groups must set up an authenticator app before anything else in the
# newsroom opens. A setting rather than a flag on the group: an admin account taken over in the browser cannot
# switch the requirement off, only a deploy can.
TRIBUNE_2FA_REQUIRED_GROUPS = ["Beheerder"]
# Seconds between a right password and its code: after this the password must be given again.
TRIBUNE_2FA_LOGIN_SECONDS = 5 * 60
# Recovery codes made at setup (and each time new ones are made); each works once.
TRIBUNE_2FA_RECOVERY_CODES = 10

# --- Webhooks (targets are registered in the admin: Instellingen > Webhooks) ---
# Allow targets on loopback, private and other internal addresses (tests, intranets); off, they are refused.
TRIBUNE_WEBHOOKS_ALLOW_PRIVATE = ENV.webhooks_allow_private
# Seconds one delivery attempt may take (connect + answer) before it counts as a timeout.
TRIBUNE_WEBHOOK_TIMEOUT = 5
# Finished deliveries older than this many days leave the delivery log on the scheduler tick (0: kept forever).
TRIBUNE_WEBHOOK_LOG_DAYS = ENV.webhook_log_days

# --- Delivery: cache headers, Tribune's own page cache, purging (docs/delivery.md) ---
# Shared caches (nginx, Varnish, a CDN) may keep a public page this long; purges drop it sooner.
TRIBUNE_CACHE_SHARED_SECONDS = 60
# ...then serve it this much longer while one request fetches a new copy.
TRIBUNE_CACHE_STALE_SECONDS = 30
# ...and this long when the app answers with an error or not at all.
TRIBUNE_CACHE_STALE_IF_ERROR_SECONDS = 24 * 60 * 60
# The response header listing a page's cache tags: `xkey` is what Varnish's xkey vmod indexes.
TRIBUNE_CACHE_TAG_HEADER = "xkey"
TRIBUNE_PAGE_CACHE = ENV.page_cache
# The own cache's copies live at most this long ("5 min. geleden" labels and form tokens age).
TRIBUNE_PAGE_CACHE_SECONDS = 60
# Memory per app process for cached pages (plain, gzip and brotli copies together).
TRIBUNE_PAGE_CACHE_MB = 64
# How often each process reads the purge log: a change reaches every process within this.
TRIBUNE_PAGE_CACHE_POLL_SECONDS = 0.25
TRIBUNE_VARNISH_URLS = ENV.varnish_urls
# Classes told of every purge after commit (see tribune/delivery/purge.py).
TRIBUNE_NGINX_PURGE_URLS = ENV.nginx_purge_urls
TRIBUNE_PURGE_ADAPTERS = [
    *(["tribune.delivery.purge.VarnishPurger"] if ENV.varnish_urls else []),
    *(["tribune.delivery.purge.NginxPurger"] if ENV.nginx_purge_urls else []),
]

# --- Security headers and cookies (production.py adds HTTPS: HSTS, the redirect, Secure cookies) ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # the newsroom answers SAMEORIGIN (its preview panel frames its own pages)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The newsroom's scripts read the CSRF token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Reader pages are shared by every reader, so no nonces: inline code is allowed by hash. Only these
# static files may be inlined (`{% inline_script %}`, `{% inline_static %}`); tribune/core/security.py
# adds their hashes to script-src and style-src-elem.
TRIBUNE_CSP_INLINE_SCRIPTS = ["engagement/comments-loader.js"]
TRIBUNE_CSP_INLINE_STYLES = ["tribune/site.css", "engagement/comments.css"]
TRIBUNE_CSP_READER = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    # Browsers without style-src-elem (older Safari, Firefox) fall back to this line.
    "style-src": ["'self'", "'unsafe-inline'"],
    "style-src-elem": ["'self'"],
    # Section colours are style attributes (`--section: #0a7c3e`).
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    # Article bodies embed nothing: outside pages (Strava, YouTube...) are link cards.
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Wagtail's admin uses inline scripts and styles, and frames its own preview.
TRIBUNE_CSP_NEWSROOM = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
TRIBUNE_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # One line per background task is noise at INFO.
        "django_tasks": {"level": "WARNING"},
    },
}
