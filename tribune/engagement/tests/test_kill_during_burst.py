"""`kill -9` of the real server during a burst of comment posts loses nothing it confirmed.

The production app server (`manage.py tribune_serve`: granian, a worker with its threads) runs as
a subprocess on a free loopback port, on a copy of this test's database: a SQLite file in the
SQLite pass, a throwaway PostgreSQL database (a copy made with CREATE DATABASE ... TEMPLATE) in the
PostgreSQL pass. Four threads post comments as different readers (each its own form token and
X-Forwarded-For address, as behind one proxy, so the rate limiter lets them through); once the
server has confirmed a few, its whole process group gets SIGKILL while requests are in flight.

Afterwards: SQLite's `PRAGMA integrity_check` says ok and no foreign key dangles; every comment
whose POST got a 200 is stored with the id and text it was confirmed with, and published; the
article's reaction count equals its published comments (the count moves in the comment's own
transaction, so a kill between the two would show here). Then the server starts again on the same
database and serves the article with those comments. Every wait is bounded in time.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

from config.env import BASE_DIR, ENV
from tribune.engagement.identity import form_token_issue
from tribune.engagement.models import ArticleEngagement, Comment
from tribune.engagement.tests.factories import policy
from tribune.newsroom.tests.factories import published_article

PROJECT = BASE_DIR
THREADS = 4
# The kill comes once the server has confirmed this many, or after this long, whichever is first.
KILL_AFTER_CONFIRMED = 25
KILL_AFTER_SECONDS = 20.0
START_TIMEOUT = 60.0
REQUEST_TIMEOUT = 10.0
COMMENT_TABLE = Comment._meta.db_table
COUNT_TABLE = ArticleEngagement._meta.db_table


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`manage.py tribune_serve` in its own process group, so SIGKILL takes granian and its workers at once."""

    def __init__(self, *, database_url: str, data_dir: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = data_dir / f"server-{self.port}.log"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # the form tokens signed here must verify there
            "DJANGO_DEBUG": "false",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": "",  # rate-limit slots in the database: more writes in flight when the kill comes
            "TRIBUNE_DATA_DIR": str(data_dir),
            "TRIBUNE_BIND": f"127.0.0.1:{self.port}",
            "TRIBUNE_WEB_WORKERS": "1",
            "TRIBUNE_SCHEDULER": "false",
            "TRIBUNE_TRUSTED_PROXIES": "1",
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "tribune_serve"],
                cwd=PROJECT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server exited: {self.log.read_text()[-3000:]}"
            try:
                with urllib.request.urlopen(f"{self.url}/gezond/", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise AssertionError(f"the server did not answer within {START_TIMEOUT} s: {self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


@dataclass(frozen=True)
class Confirmed:
    comment_id: int
    body: str


def _post(url: str, *, body: str, address: str) -> tuple[int, dict[str, Any]]:
    data = urlencode({"name": "Lezer", "email": "", "body": body, "token": form_token_issue(now=time.time() - 10)})
    request = urllib.request.Request(
        url,
        data=data.encode(),
        headers={
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": address,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, {}


def _burst(server: Server, article_pk: int) -> tuple[list[Confirmed], dict[str, int]]:
    """Post from THREADS threads until the server is gone; kill it mid-burst. Returns what it confirmed."""
    url = f"{server.url}/reacties/artikel/{article_pk}/"
    confirmed: list[Confirmed] = []
    outcomes: dict[str, int] = {}
    lock = threading.Lock()
    killed = threading.Event()
    deadline = time.monotonic() + KILL_AFTER_SECONDS + 30

    def poster(number: int) -> None:
        for sent in range(100_000):
            if time.monotonic() > deadline:
                return
            body = f"Reactie {number}-{sent} {uuid.uuid4().hex[:8]}"
            try:
                status, data = _post(url, body=body, address=f"10.{number}.{sent // 250}.{sent % 250 + 1}")
            except (OSError, urllib.error.URLError, ValueError) as error:
                # Refused, reset or cut off mid-answer: unconfirmed. After the kill, the burst is over.
                with lock:
                    outcomes[type(error).__name__] = outcomes.get(type(error).__name__, 0) + 1
                if killed.is_set():
                    return
                continue
            with lock:
                outcomes[str(status)] = outcomes.get(str(status), 0) + 1
                if status == 200 and data.get("ok"):
                    assert data["status"] == "published", data
                    confirmed.append(Confirmed(int(data["anchor"].removeprefix("reactie-")), body))

    threads = [threading.Thread(target=poster, args=(n,), daemon=True) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    while time.monotonic() - started < KILL_AFTER_SECONDS:
        with lock:
            if len(confirmed) >= KILL_AFTER_CONFIRMED:
                break
        time.sleep(0.02)
    server.kill()  # with requests in flight on every thread
    killed.set()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT + 5)
        assert not thread.is_alive()
    with lock:
        return list(confirmed), dict(outcomes)


def _check(rows: list[tuple[int, str, str]], counts: list[tuple[int]], confirmed: list[Confirmed]) -> None:
    stored = {pk: (body, status) for pk, body, status in rows}
    for item in confirmed:
        assert stored.get(item.comment_id) == (item.body, "published"), item
    published = sum(1 for _body, status in stored.values() if status == "published")
    assert counts == [(published,)], (counts, published)


@dataclass
class Copy:
    """The server's database: a copy of this test's, and how to read it afterwards."""

    url: str
    rows: Any  # () -> (comment rows, reaction counts)
    integrity: Any  # () -> None, asserting the database's own check passes


def _sqlite_copy(tmp_path: Path, article_pk: int) -> Copy:
    path = tmp_path / "site.sqlite3"
    source = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]))
    target = sqlite3.connect(path)
    source.backup(target)  # a consistent snapshot, WAL included
    source.close()
    target.close()

    def rows() -> tuple[list[Any], list[Any]]:
        # Opening the file after the kill replays (or drops) what the WAL holds, as the next server would.
        with sqlite3.connect(path) as db:
            comments = db.execute(f"SELECT id, body, status FROM {COMMENT_TABLE} WHERE article_id = ?", [article_pk])
            counts = db.execute(f"SELECT reaction_count FROM {COUNT_TABLE} WHERE article_id = ?", [article_pk])
            return comments.fetchall(), counts.fetchall()

    def integrity() -> None:
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []

    return Copy(url=f"sqlite:///{path}", rows=rows, integrity=integrity)


def _postgres_copy(article_pk: int) -> Iterator[Copy]:
    import psycopg

    name = f"tribune_kill_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    template = settings.DATABASES["default"]["NAME"]
    connection.close()  # CREATE DATABASE ... TEMPLATE needs the template to have no sessions
    with psycopg.connect(ENV.test_pg_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    url = urlunsplit(urlsplit(ENV.test_pg_url)._replace(path=f"/{name}"))

    def rows() -> tuple[list[Any], list[Any]]:
        with psycopg.connect(url) as db:
            comments = db.execute(
                f"SELECT id, body, status FROM {COMMENT_TABLE} WHERE article_id = %s", [article_pk]
            ).fetchall()
            counts = db.execute(f"SELECT reaction_count FROM {COUNT_TABLE} WHERE article_id = %s", [article_pk])
            return comments, counts.fetchall()

    def integrity() -> None:
        # PostgreSQL's WAL makes a killed client harmless to the files; what can break is the
        # application's own consistency, which _check covers. amcheck verifies the comment indexes.
        with psycopg.connect(url, autocommit=True) as db:
            db.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
            indexes = db.execute(
                "SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = %s::regclass", [COMMENT_TABLE]
            ).fetchall()
            for (index,) in indexes:
                db.execute("SELECT bt_index_check(%s::regclass, true)", [index])

    try:
        yield Copy(url=url, rows=rows, integrity=integrity)
    finally:
        with psycopg.connect(ENV.test_pg_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server_database(tmp_path: Path, default_site: Any) -> Iterator[tuple[Copy, int]]:
    policy()  # post-moderation: a confirmed comment is a published one
    article = published_article(headline="Een artikel onder vuur")
    if connection.vendor == "postgresql":
        yield from ((copy, article.pk) for copy in _postgres_copy(article.pk))
    else:
        yield _sqlite_copy(tmp_path, article.pk), article.pk


@pytest.mark.django_db(transaction=True)
def test_kill_9_during_a_comment_burst_loses_no_confirmed_comment(server_database, tmp_path, capsys):
    copy, article_pk = server_database
    server = Server(database_url=copy.url, data_dir=tmp_path)
    try:
        server.start()
        confirmed, outcomes = _burst(server, article_pk)
        assert len(confirmed) >= 5, (outcomes, server.log.read_text()[-3000:])

        copy.integrity()
        rows, counts = copy.rows()
        _check(rows, counts, confirmed)

        # The site comes back on the same database and shows what it confirmed.
        again = Server(database_url=copy.url, data_dir=tmp_path)
        server = again
        again.start()
        # Through the API: HTML pages would need collectstatic's manifest, which this copy of the site lacks.
        shown: dict[int, str] = {}
        cursor = ""
        for _page in range(50):
            query = f"?sort=oudste&cursor={cursor}" if cursor else "?sort=oudste"
            api = f"{again.url}/api/v1/articles/{article_pk}/comments{query}"
            with urllib.request.urlopen(api, timeout=REQUEST_TIMEOUT) as answer:
                page = json.loads(answer.read())
            shown.update({item["id"]: item["body"] for item in page["items"]})
            if not (cursor := page["next_cursor"]):
                break
        assert all(shown.get(item.comment_id) == item.body for item in confirmed)
        with urllib.request.urlopen(f"{again.url}/gezond/", timeout=REQUEST_TIMEOUT) as answer:
            assert answer.status == 200
    finally:
        server.stop()
    with capsys.disabled():
        print(
            f"\n[kill -9] {connection.vendor}: {len(confirmed)} confirmed before the kill, all stored; "
            f"{len(rows)} stored in all; answers {outcomes}"
        )
