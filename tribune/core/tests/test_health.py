"""/gezond/: 200 when the database (and Redis, when configured) answer, 503 otherwise, never a 500 or a cached copy."""

from __future__ import annotations

import time

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.urls import resolve

from tribune.core import health
from tribune.newsroom.models import RESERVED_SLUGS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_redis(settings):
    settings.TRIBUNE_REDIS_URL = ""


def test_all_well_is_200_and_never_cached(client):
    response = client.get("/gezond/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert isinstance(body["checks"]["database"]["ms"], float)
    # Without REDIS_URL there is no Redis to check.
    assert "redis" not in body["checks"]


def test_head_is_answered_and_post_is_not(client):
    assert client.head("/gezond/").status_code == 200
    assert client.post("/gezond/").status_code == 405


def test_database_down_is_503_without_the_message(client, monkeypatch):
    def refuse(self, sql, params=None):
        raise OperationalError('connection to server at "db.internal" failed')

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = client.get("/gezond/")
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["database"] == {
        "ok": False,
        "ms": body["checks"]["database"]["ms"],
        "error": "OperationalError",
    }
    assert b"db.internal" not in response.content


def test_redis_unreachable_is_503_within_about_a_second(client, settings):
    settings.TRIBUNE_REDIS_URL = "redis://127.0.0.1:1/0"
    started = time.monotonic()
    response = client.get("/gezond/")
    assert time.monotonic() - started < 2.5
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["redis"]["ok"] is False
    assert body["checks"]["redis"]["error"] == "ConnectionError"


def test_redis_that_answers_is_ok(client, settings):
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    settings.TRIBUNE_REDIS_URL = url
    body = client.get("/gezond/").json()
    assert body["status"] == "ok" and body["checks"]["redis"]["ok"] is True


def test_the_path_is_not_a_section():
    assert resolve("/gezond/").func is health.health
    assert "gezond" in RESERVED_SLUGS
