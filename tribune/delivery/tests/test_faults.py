"""Faults: the database or Redis away, an app worker dying mid-request."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import redis
from django.core.cache.backends.redis import RedisCacheClient
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection
from django.test import Client

from config.env import ENV
from tribune.core import cache as tolerant_cache
from tribune.core.cache import TolerantRedisCache
from tribune.delivery.pagecache import PageCache
from tribune.delivery.tests.test_nginx import _free_port, fetch, running_nginx
from tribune.delivery.tests.test_pagecache import call, keep_the_test_connection  # noqa: F401 (fixture)
from tribune.engagement import ratelimit
from tribune.engagement.identity import form_token_issue
from tribune.engagement.models import Comment, RateLimitSlot
from tribune.engagement.tests.factories import policy
from tribune.newsroom.tests.factories import published_article

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@contextmanager
def database_down(*, when: str = "") -> Iterator[None]:
    """Every query (or only those whose SQL contains `when`) fails as an unreachable server's would."""

    def refuse(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if when in sql:
            raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


def _comment_data(**overrides: str) -> dict[str, str]:
    # Rendered a minute ago: past the "too fast" check.
    return {"name": "Fan", "body": "Sterke analyse!", "token": form_token_issue(now=time.time() - 60), **overrides}


# --- the database ---


@pytest.mark.django_db
def test_a_page_no_cache_holds_answers_a_designed_503_when_the_database_is_down():
    url = published_article().get_absolute_url()
    with database_down():
        response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 503
    assert "Even geduld" in response.content.decode()
    assert response["Retry-After"] == "30" and response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_other_server_errors_stay_500():
    from tribune.core.errors import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(Client().get("/").wsgi_request)
    assert response.status_code == 500


@pytest.mark.django_db
def test_cached_pages_are_served_while_the_database_is_down(keep_the_test_connection):  # noqa: F811
    url = published_article(headline="Blijft leesbaar").get_absolute_url()
    cache = PageCache(WSGIHandler(), poll_interval=0, ttl=0)  # every copy is past its lifetime at once
    assert call(cache, "/").outcome == "MISS"
    with database_down():
        stale = call(cache, "/")
        fresh = call(cache, url)  # never cached
    assert stale.status == 200 and stale.outcome == "STALE" and "Blijft leesbaar" in stale.text
    assert fresh.status == 503 and "Even geduld" in fresh.text
    assert call(cache, "/").outcome == "MISS"  # the database is back: rendered again


@pytest.mark.django_db
@pytest.mark.parametrize("failing", ["engagement_commentdecision", "engagement_articleengagement", "delivery_purge"])
def test_a_comment_cut_off_by_the_database_leaves_nothing_half_written(settings, failing):
    settings.TRIBUNE_RATE_LIMIT_BACKEND = "database"
    policy()  # comments appear at once: the count and the purge are written too
    article = published_article()
    client = Client(raise_request_exception=False)
    with database_down(when=f'INTO "{failing}'):
        response = client.post(f"/reacties/artikel/{article.pk}/", _comment_data())
    assert response.status_code == 503
    assert not Comment.objects.exists()
    from tribune.engagement.models import ArticleEngagement

    assert not ArticleEngagement.objects.filter(pk=article.pk, reaction_count__gt=0).exists()
    # And the reader can simply send it again.
    assert client.post(f"/reacties/artikel/{article.pk}/", _comment_data()).status_code == 303
    assert Comment.objects.count() == 1


# --- Redis ---


class RedisProcess:
    """A Redis server of the test's own, to stop and start again."""

    def __init__(self, tmp: Path) -> None:
        self.port, self.tmp, self.process = _free_port(), tmp, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.tmp,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                redis.Redis.from_url(self.url, socket_connect_timeout=0.2).ping()
                return
            except redis.RedisError:
                time.sleep(0.05)
        raise TimeoutError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisProcess]:
    if not Path(REDIS_SERVER).exists():
        if ENV.ci:
            pytest.fail("redis-server is not installed; CI=true requires it.", pytrace=False)
        pytest.skip("redis-server is not installed")
    server = RedisProcess(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def quick_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ratelimit.RedisRateLimiter, "RETRY_SECONDS", 0.2)
    monkeypatch.setattr(tolerant_cache, "RETRY_AFTER_SECONDS", 0.2)
    tolerant_cache._state["down_until"] = 0.0


@pytest.mark.django_db
def test_comments_post_and_are_limited_while_redis_is_down_and_redis_takes_over_again(settings, own_redis, quick_retry):
    settings.TRIBUNE_RATE_LIMIT_BACKEND = "redis"
    settings.TRIBUNE_REDIS_URL = own_redis.url
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 15
    ratelimit._redis_limiter.cache_clear()
    direct = redis.Redis.from_url(own_redis.url)
    article = published_article()
    url = f"/reacties/artikel/{article.pk}/"
    try:
        first = Client(REMOTE_ADDR="192.0.2.1")
        assert first.post(url, _comment_data(body="Met Redis")).status_code == 303
        assert direct.keys(f"{ratelimit.KEY_PREFIX}*")  # the slot is in Redis

        own_redis.stop()
        second = Client(REMOTE_ADDR="192.0.2.2")
        assert second.post(url, _comment_data(body="Zonder Redis")).status_code == 303
        assert RateLimitSlot.objects.exists()  # the database took the slot
        # The limit still holds during the outage.
        assert second.post(url, _comment_data(body="Te snel erna"), HTTP_ACCEPT="application/json").status_code == 429

        own_redis.start()
        time.sleep(0.3)
        third = Client(REMOTE_ADDR="192.0.2.3")
        assert third.post(url, _comment_data(body="Redis is terug")).status_code == 303
        assert len(direct.keys(f"{ratelimit.KEY_PREFIX}*")) >= 2  # back in Redis, by itself
    finally:
        ratelimit._redis_limiter.cache_clear()
    assert set(Comment.objects.values_list("body", flat=True)) == {"Met Redis", "Zonder Redis", "Redis is terug"}


def test_the_cache_misses_instead_of_failing_while_redis_is_down_and_recovers(own_redis, quick_retry):
    cache = TolerantRedisCache(own_redis.url, {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}})
    cache.set("sleutel", "waarde")
    assert cache.get("sleutel") == "waarde"
    own_redis.stop()
    started = time.monotonic()
    assert cache.get("sleutel") is None and cache.get_many(["sleutel"]) == {}
    cache.set("sleutel", "nieuw")  # dropped, not raised
    assert cache.get("sleutel", "standaard") == "standaard"
    assert time.monotonic() - started < 1.0  # one failed attempt, then no more waiting
    own_redis.start()
    time.sleep(0.3)
    cache.set("sleutel", "terug")
    assert cache.get("sleutel") == "terug"
    assert isinstance(cache._cache, RedisCacheClient)


# --- an app worker dying mid-request, behind the shipped nginx ---


class DyingWorker:
    """An upstream that accepts a request and dies without answering, as a worker killed by SIGKILL does."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.address = f"127.0.0.1:{self.sock.getsockname()[1]}"
        self.requests: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                try:
                    self.requests.append(conn.recv(65536))
                except OSError:  # nginx gave up on the connection first: keep accepting the next ones
                    continue
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def nginx_with_a_dying_worker(live_server: Any, tmp_path: Path) -> Iterator[tuple[str, DyingWorker]]:
    dying = DyingWorker()
    # The dying worker first, the healthy app second: nginx must retry on the second.
    upstreams = [dying.address, live_server.url.removeprefix("http://")]
    try:
        with running_nginx(tmp_path, upstreams=upstreams) as url:
            yield url, dying
    finally:
        dying.close()


@pytest.mark.django_db(transaction=True)
def test_nginx_retries_a_read_on_the_other_worker_and_never_a_post(settings, nginx_with_a_dying_worker):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0
    base, dying = nginx_with_a_dying_worker
    article = published_article(headline="Overleeft")
    statuses = [fetch(f"{base}{article.get_absolute_url()}?poging={n}")[0] for n in range(6)]
    assert statuses == [200] * 6
    assert any(request.startswith(b"GET ") for request in dying.requests)  # it did reach the dying one
    # A POST that reaches the dying worker is not sent again (it may have been written): the reader sees an error
    # and nothing is written twice.
    import urllib.parse
    import urllib.request

    def post(n: int) -> int:
        body = urllib.parse.urlencode(_comment_data(body=f"Poging {n} van een lezer")).encode()
        request = urllib.request.Request(
            # nginx picks the server by address (hash $request_uri): vary it, so the dying one is reached.
            f"{base}/reacties/artikel/{article.pk}/?poging={n}",
            data=body,
            headers={"Sec-Fetch-Site": "same-origin"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    results = []
    # nginx keeps time in whole seconds, so a server marked failed at 12.9 s is tried again only after 15 s:
    # fail_timeout (2 s) plus up to one second. Wait that long, then vary the address (hash $request_uri) until
    # one lands on the dying server, bounded in time rather than in tries.
    time.sleep(3.1)
    deadline = time.monotonic() + 10
    n = 0
    while time.monotonic() < deadline and not any(request.startswith(b"POST ") for request in dying.requests):
        results.append(post(n))
        n += 1
    posts_to_dying = sum(1 for request in dying.requests if request.startswith(b"POST "))
    assert posts_to_dying >= 1 and results.count(502) == posts_to_dying
    assert Comment.objects.count() == results.count(200)
