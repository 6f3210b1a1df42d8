"""Real sites for the backup tests: each is a data folder plus a database (a SQLite file or a throwaway PostgreSQL
database on the test server), driven through `manage.py` subprocesses as an operator would."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import pytest

from config.env import BASE_DIR, ENV

PYTHON = sys.executable
CHECKSUM = re.compile(r"Content checksum: sha256:([0-9a-f]{64})")


def postgres_url(database: str) -> str:
    return urlunparse(urlparse(ENV.test_pg_url)._replace(path=f"/{database}"))


def require_postgres() -> None:
    """Skip without a PostgreSQL server, with the reason; with CI=true its absence is a failure."""
    import psycopg

    try:
        with psycopg.connect(ENV.test_pg_url, connect_timeout=3):
            return
    except psycopg.Error as exc:
        reason = f"PostgreSQL at {ENV.test_pg_url} is not reachable ({exc.__class__.__name__})"
    if ENV.ci:
        pytest.fail(f"{reason}; CI=true requires it.")
    pytest.skip(f"{reason}: set CI=true to make this an error")


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url("postgres"), autocommit=True) as conn:
        conn.execute(sql)


@dataclass
class Site:
    data_dir: Path
    vendor: str  # "sqlite" | "postgresql"
    pg_name: str = ""

    @property
    def database_url(self) -> str:
        return postgres_url(self.pg_name) if self.vendor == "postgresql" else ""

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "tribune.sqlite3"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.base",
            DATABASE_URL=self.database_url,
            TRIBUNE_DATA_DIR=str(self.data_dir),
            TRIBUNE_SCHEDULER="false",
            REDIS_URL="",
            PYTHONUNBUFFERED="1",
        )
        return env

    def command(self, *args: str) -> list[str]:
        return [PYTHON, "manage.py", *args]

    def manage(self, *args: str, check: bool = True, timeout: float = 900) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            self.command(*args), cwd=BASE_DIR, env=self.env(), capture_output=True, text=True, timeout=timeout
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
        return result

    def export(self, archive: Path) -> str:
        """Export and return the content checksum the command printed."""
        match = CHECKSUM.search(self.manage("tribune_export", str(archive)).stdout)
        assert match, "tribune_export printed no checksum"
        return match.group(1)

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        if self.vendor == "postgresql":
            import psycopg

            with psycopg.connect(postgres_url(self.pg_name)) as conn:
                return list(conn.execute(sql).fetchall())
        with contextlib.closing(sqlite3.connect(self.sqlite_path)) as conn:
            return list(conn.execute(sql).fetchall())

    def table_counts(self) -> dict[str, int]:
        """Rows per table, every table: what an export leaves out must stay unchanged too."""
        if self.vendor == "postgresql":
            names = [row[0] for row in self.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        else:
            names = [
                row[0]
                for row in self.query(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
        return {name: self.query(f'SELECT count(*) FROM "{name}"')[0][0] for name in sorted(names)}


class SiteFactory:
    """Fresh sites (only `migrate` run): copies of one migrated template per database, made once."""

    def __init__(self, root: Path):
        self.root = root
        self.run = f"{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.templates: dict[str, Site] = {}
        self.databases: list[str] = []

    def _template(self, vendor: str) -> Site:
        if vendor not in self.templates:
            name = f"tribune_backup_tpl_{self.run}"
            if vendor == "postgresql":
                _pg_admin(f'CREATE DATABASE "{name}"')
                self.databases.append(name)
            site = Site(self.root / f"template-{vendor}", vendor, name)
            site.data_dir.mkdir(parents=True)
            site.manage("migrate", "--noinput", "-v0")
            self.templates[vendor] = site
        return self.templates[vendor]

    def fresh(self, vendor: str) -> Site:
        template = self._template(vendor)
        index = len(self.databases) + len(list(self.root.iterdir()))
        site = Site(self.root / f"site-{index}", vendor, f"tribune_backup_{self.run}_{index}")
        site.data_dir.mkdir(parents=True)
        if vendor == "postgresql":
            _pg_admin(f'CREATE DATABASE "{site.pg_name}" TEMPLATE "{template.pg_name}"')
            self.databases.append(site.pg_name)
        else:
            shutil.copyfile(template.sqlite_path, site.sqlite_path)
        return site

    def close(self) -> None:
        for name in self.databases:
            with contextlib.suppress(Exception):
                _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(self.root, ignore_errors=True)


def pass_vendor() -> str:
    """The database this test pass runs on (TRIBUNE_TEST_DB)."""
    return "postgresql" if ENV.test_db == "postgres" else "sqlite"


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteFactory]:
    factory = SiteFactory(tmp_path_factory.mktemp("backup-sites"))
    yield factory
    factory.close()


@dataclass
class DemoArchive:
    site: Site
    path: Path
    checksum: str
    password: str


def _demo(sites: SiteFactory, vendor: str) -> DemoArchive:
    if vendor == "postgresql":
        require_postgres()
    site = sites.fresh(vendor)
    site.manage("tribune_load_demo")
    password = (site.data_dir / "demo-login.txt").read_text(encoding="utf-8").strip()
    path = site.data_dir.parent / f"demo-{vendor}.zip"
    return DemoArchive(site, path, site.export(path), password)


@pytest.fixture(scope="session")
def demo_sqlite(sites: SiteFactory) -> DemoArchive:
    """The demo newsroom on SQLite, exported."""
    return _demo(sites, "sqlite")


@pytest.fixture(scope="session")
def demo(request: pytest.FixtureRequest, sites: SiteFactory) -> DemoArchive:
    """The demo newsroom on this pass's database, exported (loaded once per pass)."""
    if pass_vendor() == "sqlite":
        return request.getfixturevalue("demo_sqlite")
    return _demo(sites, "postgresql")
