"""Test settings: SQLite by default, PostgreSQL when TRIBUNE_TEST_DB=postgres (see conftest.py)."""

import os
import tempfile
from pathlib import Path

from config.env import ENV, database_config
from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES

# Each test process gets its own database and media folder (pytest-django adds the
# xdist worker name), so two test runs on one machine never share state.
_RUN = f"{os.getpid()}"
TEST_DIR = Path(tempfile.gettempdir()) / f"tribune-test-{_RUN}"
TEST_DIR.mkdir(parents=True, exist_ok=True)

if ENV.test_db == "postgres":
    DATABASES["default"] = database_config(ENV.test_pg_url, sqlite_path=TEST_DIR / "unused.sqlite3")
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["TEST"] = {"NAME": f"tribune_test_{_RUN}"}
else:
    # On disk rather than in memory, so tests using several threads or a live
    # server share one database.
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DIR / "test.sqlite3")}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = TEST_DIR / "media"
# WhiteNoise only warns about a missing STATIC_ROOT; tests serve static files from the apps.
STATIC_ROOT = TEST_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TRIBUNE_SCHEDULER = False

# The test client and live server run Django without config.wsgi's page cache, so purges
# for outer caches need not wait for app processes to read the purge log.
TRIBUNE_PAGE_CACHE = False
