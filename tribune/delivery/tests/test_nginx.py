"""The shipped nginx configuration (deploy/nginx/tribune.conf), in real nginx, in front of the app."""

from __future__ import annotations

import gzip
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from config.env import BASE_DIR, ENV
from tools.nginx_conf import render_config
from tribune.newsroom.tests.factories import published_article

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = BASE_DIR / "deploy" / "nginx" / "tribune.conf"

pytestmark = [pytest.mark.django_db(transaction=True)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {port}")


@pytest.fixture
def nginx(live_server: Any, tmp_path: Path) -> Iterator[str]:
    if not Path(NGINX).exists():
        if ENV.ci:
            pytest.fail("nginx is not installed; CI=true requires it (apt-get install nginx).", pytrace=False)
        pytest.skip("nginx is not installed (apt-get install nginx)")
    static = tmp_path / "site" / "static"
    static.mkdir(parents=True)
    (static / "site.0123abcd.css").write_text("body { color: #222; }\n" * 50)
    (static / "site.0123abcd.css.gz").write_bytes(gzip.compress((static / "site.0123abcd.css").read_bytes()))
    port = _free_port()
    upstream = live_server.url.removeprefix("http://")
    (tmp_path / "nginx.conf").write_text(
        render_config(CONF.read_text(), upstreams=[upstream], port=port, root=tmp_path)
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_public_pages_are_micro_cached_and_tags_stay_inside(nginx):
    published_article(headline="Via nginx")
    status, first, body = fetch(nginx + "/")
    assert status == 200, body[:3000]
    assert b"Via nginx" in body and first["x-cache"] == "MISS"
    _, second, _ = fetch(nginx + "/")
    assert second["x-cache"] == "HIT"
    assert "xkey" not in second
    assert "permissions-policy" in second and second["x-content-type-options"] == "nosniff"
    assert second["x-content-type-options"].count("nosniff") == 1


def test_a_new_article_is_on_the_home_page_within_about_a_second(nginx):
    published_article(headline="Eerste")
    fetch(nginx + "/"), fetch(nginx + "/")
    published_article(headline="Tweede nieuws")
    started = time.monotonic()
    while time.monotonic() - started < 5:
        if b"Tweede nieuws" in fetch(nginx + "/")[2]:
            break
        time.sleep(0.05)
    # The micro-cache lives 1 s; the refresh happens in the background while the old copy is served.
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("cookie", ["sessionid=abc", "messages=xyz"])
def test_personal_requests_bypass_the_cache(nginx, cookie):
    published_article()
    fetch(nginx + "/"), fetch(nginx + "/")
    _, headers, _ = fetch(nginx + "/", Cookie=cookie)
    assert headers["x-cache"] == "BYPASS"


def test_private_answers_are_never_kept(nginx):
    fetch(nginx + "/redactie/login/")
    _, headers, _ = fetch(nginx + "/redactie/login/")
    assert headers["x-cache"] != "HIT"


def test_one_cached_copy_per_encoding(nginx):
    published_article()
    fetch(nginx + "/", **{"Accept-Encoding": "gzip, deflate"})
    _, zipped, body = fetch(nginx + "/", **{"Accept-Encoding": "deflate, gzip"})
    assert zipped["x-cache"] == "HIT" and zipped["content-encoding"] == "gzip"
    assert b"<!doctype html>" in gzip.decompress(body)
    _, plain, body = fetch(nginx + "/")
    assert "content-encoding" not in plain and body.startswith(b"<!doctype html>")


def test_static_files_are_precompressed_and_immutable(nginx):
    _, headers, body = fetch(nginx + "/static/site.0123abcd.css", **{"Accept-Encoding": "gzip"})
    assert headers["content-encoding"] == "gzip" and b"color" in gzip.decompress(body)
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
