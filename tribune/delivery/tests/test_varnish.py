"""The shipped Varnish configuration (deploy/varnish/tribune.vcl), in real varnishd, in front of the app.

Debian's `varnish` and `varnish-modules` (the xkey vmod). Purges go through the real adapter
(tribune.delivery.purge.VarnishPurger), called by the real receivers after commit.
"""

from __future__ import annotations

import http.server
import logging
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from config.env import BASE_DIR, ENV
from tribune.delivery import purge
from tribune.delivery.tests.test_nginx import _free_port, _free_ports, _wait_for, fetch
from tribune.engagement.tests.factories import published_comment
from tribune.newsroom.services import article_publish
from tribune.newsroom.tests.factories import SectionFactory, published_article

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VCL = BASE_DIR / "deploy" / "varnish" / "tribune.vcl"
BACKENDS = ('.host = "127.0.0.1";\n    .port = "8001";', '.host = "127.0.0.1";\n    .port = "8002";')
GRACE = "set req.grace = 30s;"


def render_vcl(vcl: str, *, backends: list[tuple[str, int]], grace: str | None = None) -> str:
    """The shipped file with the test's app servers (one serves as both, when only one is given) and, when asked,
    a shorter grace; nothing else."""
    assert all(backend in vcl for backend in BACKENDS) and GRACE in vcl, "the tests rewrite these lines"
    for shipped, (host, port) in zip(BACKENDS, backends * len(BACKENDS), strict=False):
        vcl = vcl.replace(shipped, f'.host = "{host}";\n    .port = "{port}";')
    if grace is not None:
        vcl = vcl.replace(GRACE, f"set req.grace = {grace};")
    return vcl


def _require_varnishd() -> None:
    if not Path(VARNISHD).exists():
        if ENV.ci:
            pytest.fail(
                "varnishd is not installed; CI=true requires it (apt-get install varnish varnish-modules).",
                pytrace=False,
            )
        pytest.skip("varnishd is not installed (apt-get install varnish varnish-modules)")


@contextmanager
def running_varnish(
    root: Path, *, backends: list[tuple[str, int]], grace: str | None = None
) -> Iterator[tuple[str, int]]:
    """varnishd in the foreground with the rendered VCL: (its URL, a second port that speaks PROXY protocol)."""
    _require_varnishd()
    root.mkdir(parents=True, exist_ok=True)
    vcl = root / "tribune.vcl"
    vcl.write_text(render_vcl(VCL.read_text(), backends=backends, grace=grace))
    listen, proxied = _free_ports(2)
    command = [VARNISHD, "-F", "-n", str(root / "varnish"), "-f", str(vcl)]
    command += ["-a", f"127.0.0.1:{listen}", "-a", f"127.0.0.1:{proxied},PROXY", "-T", "none", "-s", "malloc,32m"]
    # Running as root (CI), varnishd would hand the cache process to the `vcache` user, which cannot enter
    # pytest's private temporary folders; -j none keeps it as the user who runs the tests.
    command += ["-j", "none"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        try:
            _wait_for(listen, 20)
        except TimeoutError:
            process.kill()
            output = process.communicate(timeout=10)[0].decode(errors="replace")
            pytest.fail(f"varnishd did not start:\n{output}", pytrace=False)
        yield f"http://127.0.0.1:{listen}", proxied
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture
def varnish_server(live_server: Any, tmp_path: Path) -> Iterator[tuple[str, int]]:
    address = urlsplit(live_server.url)
    assert address.port is not None
    with running_varnish(tmp_path, backends=[("127.0.0.1", address.port)]) as running:
        yield running


@pytest.fixture
def varnish(varnish_server: tuple[str, int]) -> str:
    return varnish_server[0]


@pytest.fixture
def purging_through(varnish: str, settings: Any) -> Iterator[str]:
    """Every purge after commit also goes to this Varnish, through the real adapter."""
    settings.TRIBUNE_VARNISH_URLS = [varnish]
    # live_server runs Django without config.wsgi's page cache: no app process to wait for before purging.
    settings.TRIBUNE_PAGE_CACHE = False
    settings.TRIBUNE_PURGE_ADAPTERS = ["tribune.delivery.purge.VarnishPurger"]
    purge._load.cache_clear()
    yield varnish
    purge._load.cache_clear()


def cache(url: str, **headers: str) -> str:
    """Fetch until Varnish holds the page (the second request is a hit); the page's text."""
    status, first, body = fetch(url, **headers)
    assert status == 200 and first["x-cache"] == "MISS", (status, first)
    _, second, _ = fetch(url, **headers)
    assert second["x-cache"] == "HIT", second
    return body.decode(errors="replace")


def outcome(url: str, **headers: str) -> tuple[str, str]:
    _, response_headers, body = fetch(url, **headers)
    return response_headers["x-cache"], body.decode(errors="replace")


pytestmark = [pytest.mark.django_db(transaction=True)]


def test_public_pages_are_kept_and_tags_stay_inside(varnish):
    published_article(headline="Via Varnish")
    status, first, body = fetch(varnish + "/")
    assert status == 200 and b"Via Varnish" in body
    assert first["x-cache"] == "MISS" and "xkey" not in first
    _, second, again = fetch(varnish + "/")
    assert second["x-cache"] == "HIT" and "xkey" not in second and again == body
    assert int(second["age"]) >= 0 and "s-maxage=60" in second["cache-control"]


@pytest.mark.parametrize("cookie", ["sessionid=abc", "messages=xyz", "tribune_lezer=r1; sessionid=abc"])
def test_personal_requests_pass(varnish, cookie):
    published_article()
    cache(varnish + "/")
    assert outcome(varnish + "/", Cookie=cookie)[0] == "PASS"
    assert outcome(varnish + "/", Authorization="Bearer x")[0] == "PASS"


@pytest.mark.parametrize("cookie", ["tribune_lezer=r1", "csrftoken=abc; tribune_lezer=r2", "sessionid="])
def test_other_cookies_share_the_cached_copy(varnish, cookie):
    published_article()
    cache(varnish + "/")
    assert outcome(varnish + "/", Cookie=cookie)[0] == "HIT"


def test_private_answers_are_not_stored(varnish):
    status, headers, _ = fetch(varnish + "/redactie/login/")
    assert status == 200 and "private" in headers["cache-control"]
    assert headers["x-cache"] == "PASS"
    # A private answer to a request Varnish does look up (a GET of a POST-only endpoint: 405) is
    # refused by its headers: remembered as hit-for-miss, never served from the cache.
    for _ in range(2):
        status, headers, _ = fetch(varnish + "/reacties/artikel/1/")
        assert status == 405 and "private" in headers["cache-control"] and headers["x-cache"] == "PASS"


def test_one_copy_per_encoding_in_the_apps_own_encoding(varnish):
    published_article()
    cache(varnish + "/", **{"Accept-Encoding": "gzip, deflate"})
    # Another browser's way of saying gzip shares that copy; br is a copy of its own.
    _, zipped, _ = fetch(varnish + "/", **{"Accept-Encoding": "deflate, gzip;q=0.9"})
    assert zipped["x-cache"] == "HIT" and zipped["content-encoding"] == "gzip"
    # The br copy is asked for as "br, gzip": Tribune's own cache (not in live_server) answers br,
    # Django alone gzip. A browser that takes br only gets it unzipped by Varnish.
    _, brotli, _ = fetch(varnish + "/", **{"Accept-Encoding": "gzip, deflate, br"})
    assert brotli["x-cache"] == "MISS" and brotli["content-encoding"] in {"br", "gzip"}
    _, brotli, body = fetch(varnish + "/", **{"Accept-Encoding": "br"})
    assert brotli["x-cache"] == "HIT" and body.startswith(b"<!doctype html>")
    status, plain, body = fetch(varnish + "/")
    assert status == 200 and "content-encoding" not in plain and body.startswith(b"<!doctype html>")


def test_publishing_an_edit_purges_by_tag_through_the_adapter(purging_through):
    varnish = purging_through
    football, tennis = SectionFactory(), SectionFactory()
    article = published_article(headline="Eerste titel", section=football)
    published_article(headline="Tennisnieuws", section=tennis)
    page, home, other = varnish + article.get_absolute_url(), varnish + "/", varnish + tennis.get_absolute_url()
    assert "Eerste titel" in cache(page) and "Eerste titel" in cache(home)
    cache(other)

    article.headline = "Tweede titel"
    article.save()
    article_publish(article=article)  # the receivers purge a<id>, all, s<id>, ... after commit

    for url in (page, home):
        state, text = outcome(url)
        assert state == "MISS" and "Tweede titel" in text and "Eerste titel" not in text, url
    # The tennis section's page does not show the football article (nor list every article): kept.
    assert outcome(other)[0] == "HIT"


def test_a_comment_purges_the_pages_that_show_its_count_only(purging_through):
    varnish = purging_through
    football, tennis = SectionFactory(), SectionFactory()
    article = published_article(headline="Met reacties", section=football)
    published_article(headline="Zonder reacties", section=tennis)
    # Article pages show every newest article's count ("Meest recent"); a section page shows its own.
    page, other = varnish + article.get_absolute_url(), varnish + tennis.get_absolute_url()
    cache(page), cache(other)

    published_comment(article=article, body="Een reactie die via Varnish te zien moet zijn.")  # purges r<id>

    state, text = outcome(page)
    assert state == "MISS" and "Een reactie die via Varnish" in text
    assert outcome(other)[0] == "HIT"


def _purge(varnish: str, **headers: str) -> str:
    request = urllib.request.Request(varnish + "/", method="PURGE", headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        return str(response.reason)


def test_soft_purge_serves_the_old_copy_once_while_refreshing(varnish):
    article = published_article(headline="Zacht")
    page = varnish + article.get_absolute_url()
    cache(page)
    assert _purge(varnish, **{"xkey-softpurge": f"a{article.pk}"}) == "Softpurged 1 objects"
    assert outcome(page)[0] == "STALE"
    deadline = time.monotonic() + 5
    while outcome(page)[0] != "HIT":
        assert time.monotonic() < deadline, "the background refresh never landed"
        time.sleep(0.05)
    # The refresh was a conditional request (the app answered 304 without tags); the refreshed
    # copy keeps the stored tags, so it can still be purged by them: the next request is a MISS.
    # The count is 1 or 2: the soft-purged original can still be in the cache beside its refresh
    # until Varnish drops it (seen once in CI), and xkey counts it too.
    assert _purge(varnish, **{"xkey-purge": f"a{article.pk}"}) in {"Invalidated 1 objects", "Invalidated 2 objects"}
    assert outcome(page)[0] == "MISS"


def test_purge_by_url_drops_that_url_in_every_encoding(varnish):
    article = published_article()
    page = varnish + article.get_absolute_url()
    cache(page), cache(page, **{"Accept-Encoding": "gzip"}), cache(varnish + "/")

    request = urllib.request.Request(page, method="PURGE")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200 and response.reason == "Purged"
    # The same Host matters (it is part of the key); tags do not care.

    assert outcome(page)[0] == "MISS"
    assert outcome(page, **{"Accept-Encoding": "gzip"})[0] == "MISS"
    assert outcome(varnish + "/")[0] == "HIT"


def test_purges_from_other_machines_are_refused(varnish_server):
    varnish, proxied = varnish_server
    published_article()
    cache(varnish + "/")
    # The PROXY protocol listener lets the test speak as 203.0.113.7, outside the purgers ACL.
    with socket.create_connection(("127.0.0.1", proxied), timeout=10) as sock:
        sock.sendall(
            b"PROXY TCP4 203.0.113.7 127.0.0.1 40000 80\r\n"
            b"PURGE / HTTP/1.1\r\nHost: 127.0.0.1\r\nxkey-purge: all nav\r\nConnection: close\r\n\r\n"
        )
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 403 "), answer[:200]
    assert outcome(varnish + "/")[0] == "HIT"


class _Backend(http.server.BaseHTTPRequestHandler):
    """A stand-in app whose failures the test controls: answers like Tribune, s-maxage=1."""

    failing = False

    def do_GET(self) -> None:
        if type(self).failing:
            body, status, cache_control = b"Tijdelijk niet beschikbaar", 503, "private, no-store"
        else:
            body, status = f"<p>versie {time.monotonic()}</p>".encode(), 200
            cache_control = "public, max-age=0, s-maxage=1, stale-while-revalidate=1, stale-if-error=86400"
        self.send_response(status)
        self.send_header("Cache-Control", cache_control)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("xkey", "all")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_the_stale_copy_is_served_when_the_app_fails(tmp_path):
    backend = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Backend)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    _Backend.failing = False
    try:
        # A grace of 1 s instead of 30 s, so the copy is past stale-while-revalidate within the test.
        with running_varnish(tmp_path, backends=[("127.0.0.1", backend.server_address[1])], grace="1s") as (varnish, _):
            body = cache(varnish + "/pagina/")
            _Backend.failing = True
            time.sleep(2.5)  # past s-maxage (1 s) and the normal grace (1 s)
            state, text = outcome(varnish + "/pagina/")
            assert state == "STALE" and text == body
            # Without a copy, the reader gets the app's own error.
            status, _, error = fetch(varnish + "/nieuw/")
            assert status == 503 and error == b"Tijdelijk niet beschikbaar"
            # The app back: the next reader after the refresh gets a new page.
            _Backend.failing = False
            deadline = time.monotonic() + 5
            while outcome(varnish + "/pagina/")[1] == body:
                assert time.monotonic() < deadline
                time.sleep(0.05)
    finally:
        backend.shutdown()
        backend.server_close()


def test_an_unreachable_varnish_is_logged_not_raised(caplog):
    purger = purge.VarnishPurger([f"http://127.0.0.1:{_free_port()}/"], timeout=1)
    with caplog.at_level(logging.WARNING, logger="tribune.delivery.purge"):
        purger.purge_tags(["a1", "all"])
    assert "Varnish purge at http://127.0.0.1:" in caplog.text and "failed" in caplog.text


def test_a_read_is_retried_on_the_other_app_server_and_a_post_never(live_server, tmp_path, settings):
    """The round-robin director: a server that dies mid-request costs a GET one retry, and a POST an error."""
    from tribune.delivery.tests.test_faults import DyingWorker, _comment_data
    from tribune.engagement.models import Comment

    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0
    dying = DyingWorker()
    app = urlsplit(live_server.url)
    assert app.port is not None
    dying_port = int(dying.address.rsplit(":", 1)[1])
    try:
        with running_varnish(tmp_path, backends=[("127.0.0.1", dying_port), ("127.0.0.1", app.port)]) as (url, _):
            article = published_article(headline="Overleeft Varnish")
            # Distinct addresses, so each is a miss that goes to the next server in turn.
            statuses = [fetch(f"{url}{article.get_absolute_url()}?poging={n}")[0] for n in range(4)]
            assert statuses == [200] * 4
            assert sum(request.startswith(b"GET ") for request in dying.requests) >= 1

            def post(n: int) -> int:
                body = urllib.parse.urlencode(_comment_data(body=f"Poging {n} via Varnish")).encode()
                request = urllib.request.Request(
                    f"{url}/reacties/artikel/{article.pk}/", data=body, headers={"Sec-Fetch-Site": "same-origin"}
                )
                try:
                    with urllib.request.urlopen(request, timeout=10) as response:
                        return int(response.status)
                except urllib.error.HTTPError as error:
                    return int(error.code)

            results = [post(n) for n in range(4)]  # round robin: two of them meet the dying server
            posts_to_dying = sum(request.startswith(b"POST ") for request in dying.requests)
            assert posts_to_dying >= 1 and results.count(503) == posts_to_dying, results
            assert Comment.objects.count() == len(results) - posts_to_dying
    finally:
        dying.close()
