"""Test settings: SQLite by default, PostgreSQL when TRIBUNE_TEST_DB=postgres (see conftest.py)."""

from config.env import ENV, database_config
from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES

if ENV.test_db == "postgres":
    DATABASES["default"] = database_config(ENV.test_pg_url, sqlite_path=ENV.data_dir / "unused.sqlite3")
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["TEST"] = {"NAME": "tribune_test"}
else:
    # An on-disk file per xdist worker (pytest-django suffixes the name), so that
    # tests using several threads or a live server share one database.
    DATABASES["default"]["TEST"] = {"NAME": str(ENV.data_dir / "test.sqlite3")}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = ENV.data_dir / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TRIBUNE_SCHEDULER = False
