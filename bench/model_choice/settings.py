"""Settings for the self-contained model-choice benchmark (Page vs snippet article).

Not part of Tribune's runtime: only bench/model_choice/run.py uses it.
The database name comes from MC_DB so one code base can drive both variants.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "bench-only-not-secret"
DEBUG = False  # DEBUG=True would keep every SQL query in memory
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "mc",
    "wagtail.contrib.forms",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("MC_DB", "bench_modelchoice_page"),
        "USER": os.environ.get("MC_DB_USER", "root"),
        "HOST": os.environ.get("MC_DB_HOST", "127.0.0.1"),
        "PORT": os.environ.get("MC_DB_PORT", "5432"),
        "CONN_MAX_AGE": None,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Fast logins for the test Client; never use in production.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "nl-be"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
MEDIA_ROOT = "/tmp/mc_media"
MEDIA_URL = "/media/"

WAGTAIL_SITE_NAME = "Tribune bench"
WAGTAILADMIN_BASE_URL = "http://localhost"
# Wagtail's default search backend on PostgreSQL is the database (tsvector) backend.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# django-tasks default is the ImmediateBackend: search-index updates run inline, as
# on a site without a task worker.
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
