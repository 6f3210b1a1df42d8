"""Production settings: Redis cache, hashed and compressed static files served immutable, JSON logs."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import brotli
import pytest
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

from config.env import BASE_DIR

PROBE = """
import json, logging, django
from django.conf import settings
django.setup()
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
logging.getLogger("tribune.probe").warning("klaar %s", 1)
print(json.dumps({
    "debug": settings.DEBUG,
    "redis_cache": isinstance(caches["default"], RedisCache),
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "whitenoise": "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE,
    "max_age": settings.WHITENOISE_MAX_AGE,
    "database": settings.DATABASES["default"]["ENGINE"],
    "serve_media": settings.TRIBUNE_SERVE_MEDIA,
}))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "test-only-production-key",
        # Nothing connects at start-up: the addresses only have to parse.
        "DATABASE_URL": "postgres://tribune@127.0.0.1:5432/tribune",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "TRIBUNE_DATA_DIR": str(tmp_path_factory.mktemp("data")),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=BASE_DIR, capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout), done.stderr


def test_production_settings(production):
    facts, _ = production
    assert facts["debug"] is False
    assert facts["database"] == "django.db.backends.postgresql"
    assert facts["redis_cache"] is True
    assert facts["whitenoise"] is True
    assert facts["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert facts["max_age"] >= 365 * 24 * 3600
    assert facts["serve_media"] is False


def test_production_logs_one_json_object_per_line(production):
    _, stderr = production
    entry = json.loads(stderr.strip().splitlines()[-1])
    assert entry["logger"] == "tribune.probe" and entry["level"] == "WARNING" and entry["message"] == "klaar 1"


# Closing a response sends request_finished, whose handler checks the database connections.
@pytest.mark.django_db
def test_hashed_static_files_are_immutable_and_precompressed(tmp_path, settings):
    """What collectstatic with CompressedManifestStaticFilesStorage leaves behind, served by WhiteNoise."""
    css = b"body { color: #222; }\n" * 50
    (tmp_path / "site.0123abcdef01.css").write_bytes(css)
    (tmp_path / "site.0123abcdef01.css.gz").write_bytes(gzip.compress(css))
    (tmp_path / "site.0123abcdef01.css.br").write_bytes(brotli.compress(css))
    manifest = {"paths": {"site.css": "site.0123abcdef01.css"}, "version": "1.1", "hash": "0"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages, DEBUG=False):
        middleware = WhiteNoiseMiddleware(lambda request: pytest.fail("WhiteNoise did not answer"))
        factory = RequestFactory()
        for encoding in ("br", "gzip"):
            response = middleware(factory.get("/static/site.0123abcdef01.css", HTTP_ACCEPT_ENCODING=encoding))
            assert response.status_code == 200
            assert response["Content-Encoding"] == encoding
            assert "immutable" in response["Cache-Control"]
            response.close()


def test_the_app_server_s_module_loads_the_views_and_freezes_what_it_loaded(tmp_path):
    """config.wsgi takes the loaded code out of the garbage collector's full collections (gc.freeze)."""
    probe = "import gc, sys; import config.wsgi; print(gc.get_freeze_count(), 'tribune.newsroom.views' in sys.modules)"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "TRIBUNE_SCHEDULER": "false",
        "TRIBUNE_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=BASE_DIR, capture_output=True, text=True, timeout=60, check=True
    )
    frozen, views_loaded = done.stdout.split()
    assert int(frozen) > 50_000 and views_loaded == "True"
