"""The shipped nginx configuration (deploy/nginx/tribune.conf), in real nginx, in front of the app."""

from __future__ import annotations

import contextlib
import gzip
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from config.env import BASE_DIR, ENV
from tools.nginx_conf import PURGE_MODULE, render_config
from tribune.newsroom.tests.factories import published_article

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = BASE_DIR / "deploy" / "nginx" / "tribune.conf"

pytestmark = [pytest.mark.django_db(transaction=True)]


def _free_port() -> int:
    return _free_ports(1)[0]


def _free_ports(count: int) -> list[int]:
    """Ports free right now, all different: each socket stays bound until every port is known, so the
    kernel cannot hand out the same one twice (it did, and varnishd refused two listeners on one port)."""
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]


def _wait_for(port: int, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {port}")


def require(path: Path | str, package: str) -> None:
    """Skip without `path` on a laptop; fail on CI, which must have installed `package`."""
    if not Path(path).exists():
        if ENV.ci:
            pytest.fail(f"{package} is not installed; CI=true requires it (apt-get install {package}).", pytrace=False)
        pytest.skip(f"{package} is not installed (apt-get install {package})")


@contextmanager
def running_nginx(tmp_path: Path, *, upstreams: list[str], tweak: Callable[[str], str] = str) -> Iterator[str]:
    """Real nginx with the shipped file, `tweak`ed by the test, until the block ends."""
    require(NGINX, "nginx")
    (tmp_path / "site" / "static").mkdir(parents=True, exist_ok=True)
    port = _free_port()
    conf = tweak(render_config(CONF.read_text(), upstreams=upstreams, port=port, root=tmp_path))
    (tmp_path / "nginx.conf").write_text(conf)
    process = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], stdout=subprocess.DEVNULL
    )
    try:
        _wait_for(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def nginx(live_server: Any, tmp_path: Path) -> Iterator[str]:
    static = tmp_path / "site" / "static"
    static.mkdir(parents=True)
    (static / "site.0123abcd.css").write_text("body { color: #222; }\n" * 50)
    (static / "site.0123abcd.css.gz").write_bytes(gzip.compress((static / "site.0123abcd.css").read_bytes()))
    with running_nginx(tmp_path, upstreams=[live_server.url.removeprefix("http://")]) as url:
        yield url


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
    # Django's security headers pass through once each: nginx adds none of its own to pages.
    with urllib.request.urlopen(nginx + "/", timeout=10) as response:
        for name in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "X-Frame-Options"):
            assert len(response.headers.get_all(name) or []) == 1, name


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


def test_uploads_are_sandboxed_and_documents_only_go_through_the_app(nginx, tmp_path):
    media = tmp_path / "site" / "var" / "media"
    (media / "images").mkdir(parents=True)
    (media / "documents").mkdir()
    (media / "images" / "foto.webp").write_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 ")
    (media / "documents" / "reglement.pdf").write_bytes(b"%PDF-1.7\n")
    status, headers, _ = fetch(nginx + "/uploads/images/foto.webp")
    assert status == 200 and headers["x-content-type-options"] == "nosniff"
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy and "script-src" not in policy
    assert fetch(nginx + "/uploads/documents/reglement.pdf")[0] == 404


@pytest.fixture
def long_lived_nginx(live_server: Any, tmp_path: Path) -> Iterator[str]:
    """The shipped file with a one-minute micro-cache, so that only a purge can explain a fresh page."""
    require(PURGE_MODULE, "libnginx-mod-http-cache-purge")

    def one_minute(conf: str) -> str:
        assert "proxy_cache_valid 200 301 404 1s;" in conf
        return conf.replace("proxy_cache_valid 200 301 404 1s;", "proxy_cache_valid 200 301 404 60s;")

    with running_nginx(tmp_path, upstreams=[live_server.url.removeprefix("http://")], tweak=one_minute) as url:
        yield url


def test_the_nginx_purger_drops_the_pages_a_change_touches(settings, long_lived_nginx):
    from tribune.delivery import purge
    from tribune.newsroom.services import article_publish
    from tribune.newsroom.tests.factories import SectionFactory

    settings.TRIBUNE_NGINX_PURGE_URLS = [long_lived_nginx + "/_purge"]
    settings.TRIBUNE_PURGE_ADAPTERS = ["tribune.delivery.purge.NginxPurger"]
    settings.TRIBUNE_SITE_URL = "http://127.0.0.1"
    purge._load.cache_clear()
    try:
        football, tennis = SectionFactory(slug="voetbal"), SectionFactory(slug="tennis")
        article = published_article(headline="Eerste titel", section=football)
        published_article(headline="Tennisnieuws", section=tennis)
        pages = ["/", article.get_absolute_url(), "/voetbal/", "/tennis/"]
        for path in pages:
            for encoding in ("", "gzip"):
                fetch(long_lived_nginx + path, **{"Accept-Encoding": encoding})
        assert all(fetch(long_lived_nginx + path)[1]["x-cache"] == "HIT" for path in pages)

        article.headline = "Tweede titel"
        article.save()
        article_publish(article=article)  # after commit: the adapter purges a<id>, all, s<id>... by URL

        for path in ["/", article.get_absolute_url(), "/voetbal/"]:
            for encoding in ("", "gzip"):
                _, headers, body = fetch(long_lived_nginx + path, **{"Accept-Encoding": encoding})
                assert headers["x-cache"] == "MISS", (path, encoding)
                assert b"Tweede titel" in (gzip.decompress(body) if encoding else body)
        assert fetch(long_lived_nginx + "/tennis/")[1]["x-cache"] == "HIT"  # shows nothing that changed
        # Only the app servers may purge: another client gets 403 (here: a forged path stays in the cache).
        status, _, _ = fetch(long_lived_nginx + "/_purge/tennis/")
        assert status == 200  # loopback is allowed; the allow list is the shipped one
    finally:
        purge._load.cache_clear()
