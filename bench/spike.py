"""A traffic spike on the production stack: 100x a steady 20 requests/s on the 50 most recent articles, while an
editor publishes an article every 10 s and readers post comments.

    .venv/bin/python bench/spike.py                  # PostgreSQL, 1,000 articles, 2 minutes
    .venv/bin/python bench/spike.py --seconds 30     # shorter

The stack, on loopback: the shipped deploy/nginx/tribune.conf in front of two app servers (`manage.py
tribune_serve`, one worker each, Tribune's page cache on, production settings), PostgreSQL. The load is wrk
(2 threads, 64 connections) with a Lua script that picks one of the 50 newest articles per request (one request
in 50 goes to the home page) and paces each connection so the total is about --rate requests/s.

Meanwhile, in this process:
- the editor publishes a new article every --publish-every seconds through the same services the newsroom uses,
  and a reader polls the home page through nginx until the headline is there: the delay is recorded;
- readers post comments through nginx (--comments per second, each from its own loopback address, as nginx
  reports it in X-Forwarded-For), and every comment's text is looked for on its article page.

It prints the latency distribution, errors, the publish-to-visible and comment-to-visible delays, and the peak
resident memory of each app worker, with PASS/NO against the targets (0 errors, p99 < 200 ms, every article on
the home page within 1 s, a worker under 250 MB).
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from delivery import NGINX, RESULTS, WRK, Servers, free_port, missing_tools, peak_rss_mb, tribune_env, wait_http  # noqa: E402
from reader_pages import Target, ensure_database  # noqa: E402

from tools.nginx_conf import render_config  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
P99_TARGET_MS = 200.0
VISIBLE_TARGET_S = 1.0
RSS_TARGET_MB = 250.0

LUA = r"""
local paths = {}
for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
local pace = %(pace)f
local counts = {}
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) %% 1000)

request = function()
    local path
    if math.random(50) == 1 then path = "/" else path = paths[math.random(#paths)] end
    return wrk.format("GET", path, {["Accept-Encoding"] = "gzip"})
end

delay = function()
    return pace
end

response = function(status, headers, body)
    counts[status] = (counts[status] or 0) + 1
end

done = function(summary, latency, requests)
    local out = io.open("%(out)s", "w")
    out:write(string.format('{"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, "write": %%d,' ..
        ' "timeout": %%d, "status": %%d, "p50": %%d, "p90": %%d, "p99": %%d, "p999": %%d, "max": %%d}\n',
        summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
        summary.errors.timeout, summary.errors.status, latency:percentile(50), latency:percentile(90),
        latency:percentile(99), latency:percentile(99.9), latency.max))
    out:close()
end
"""


def django_setup(target: Target) -> None:
    os.environ.update(target.env())
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    import django

    django.setup()


def comments_appear_at_once() -> None:
    """The bench's readers are all new: with the default (first comment waits for a moderator) none would show."""
    from wagtail.models import Site

    from tribune.engagement.models import CommentPolicy, ModerationMode

    for site in Site.objects.all():
        CommentPolicy.objects.update_or_create(site=site, defaults={"moderation_mode": ModerationMode.POST})


def newest_paths(count: int) -> list[str]:
    from tribune.newsroom.models import Article

    rows = Article.objects.filter(live=True).select_related("section").order_by("-first_published_at")[:count]
    return [article.get_absolute_url() for article in rows]


class Reader:
    """One keep-alive connection to nginx, from a given loopback address."""

    def __init__(self, port: int, source: str = "127.0.0.1") -> None:
        self.port, self.source = port, source
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None):
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                return response.status, response.read()
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=10, source_address=(self.source, 0)
                )
                if attempt:
                    raise
        raise RuntimeError("unreachable")


def wait_visible(reader: Reader, path: str, needle: bytes, *, limit: float = 10.0) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        status, body = reader.request("GET", path)
        if status == 200 and needle in body:
            return time.monotonic() - started
        time.sleep(0.02)
    return None


def editor(port: int, every: float, stop: threading.Event, out: list[float | None], errors: list[str]) -> None:
    from tribune.newsroom.models import Author, Section
    from tribune.newsroom.services import article_create, article_publish

    section, author = Section.objects.first(), Author.objects.first()
    reader = Reader(port)
    n = 0
    while not stop.wait(every if n else 1.0):
        n += 1
        headline = f"Spike-bericht {n} om {time.strftime('%H:%M:%S')}"
        try:
            article = article_create(
                headline=headline, section=section, lead="Een bericht tijdens de drukte.", authors=[author]
            )
            article_publish(article=article)
            out.append(wait_visible(reader, "/", headline.encode()))
        except Exception as error:
            errors.append(f"publish {n}: {error!r}")


def commenter(port: int, paths: list[str], per_second: float, stop: threading.Event, out: dict[str, Any]) -> None:
    token_re = re.compile(rb'name="token" value="([^"]+)"')
    page_reader = Reader(port)
    tokens = {}
    for path in paths[:10]:
        _, body = page_reader.request("GET", path)
        if match := token_re.search(body):
            tokens[path] = match.group(1).decode()
    time.sleep(3.5)  # past the form's "too fast" check
    n = 0
    while not stop.wait(1.0 / per_second):
        n += 1
        path = list(tokens)[n % len(tokens)]
        pk = re.search(r"-(\d+)/$", path).group(1)  # type: ignore[union-attr]
        text = f"Reactie {n} tijdens de drukte, {time.monotonic():.3f}"
        source = f"127.0.{1 + n // 200 % 50}.{1 + n % 200}"
        body = urllib.parse.urlencode({"name": "Lezer", "body": text, "token": tokens[path]}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"}
        try:
            status, reply = Reader(port, source).request("POST", f"/reacties/artikel/{pk}/", body, headers)
        except OSError as error:
            out["errors"].append(repr(error))
            continue
        out["statuses"][status] = out["statuses"].get(status, 0) + 1
        if status != 303 and len(out["refusals"]) < 3:
            out["refusals"].append(re.sub(rb"\s+", b" ", reply)[-300:].decode(errors="replace"))
        if status == 303 and n % 3 == 0:
            out["visible"].append(wait_visible(page_reader, path, text.encode()))


def run(args: argparse.Namespace) -> int:
    target = Target("postgres", args.articles, RESULTS / "db")
    ensure_database(target)
    django_setup(target)
    comments_appear_at_once()
    work = Path(tempfile.mkdtemp(prefix="tribune-spike-"))
    os.chmod(work, 0o755)
    servers = Servers(work)
    apps = []
    nginx_port = free_port()
    purge_url = f"http://127.0.0.1:{nginx_port}/_purge"
    secret = f"bench-only-{secrets.token_hex(16)}"  # shared: a form rendered by one app server posts to the other
    try:
        upstreams = []
        for _ in range(2):
            port = free_port()
            env = tribune_env(target, port=port, page_cache=True)
            env.update(
                DJANGO_SECRET_KEY=secret,
                TRIBUNE_WEB_WORKERS="1",
                TRIBUNE_TRUSTED_PROXIES="1",
                TRIBUNE_NGINX_PURGE_URLS=purge_url,
            )
            apps.append(servers.start([PYTHON, "manage.py", "tribune_serve"], env=env, log=f"app-{port}.log"))
            upstreams.append(f"127.0.0.1:{port}")
        for upstream in upstreams:
            wait_http(f"http://{upstream}/robots.txt", 90)
        root = work / "nginx"
        (root / "site" / "static").mkdir(parents=True)
        conf = render_config(
            (ROOT / "deploy/nginx/tribune.conf").read_text(), upstreams=upstreams, port=nginx_port, root=root
        )
        conf = conf.replace("worker_processes 1;", "worker_processes auto;").replace(
            "worker_connections 256;", "worker_connections 4096;"
        )
        if args.access_log:
            conf = conf.replace(
                "\naccess_log off;\n",
                '\nlog_format timing \'$msec $request_time $upstream_cache_status "$upstream_response_time"'
                f" $request_method $request_uri';\naccess_log {work}/access.log timing buffer=256k;\n",
                1,
            )
        (root / "nginx.conf").write_text(conf)
        servers.start([NGINX, "-p", str(root), "-c", str(root / "nginx.conf")], log="nginx.log")
        wait_http(f"http://127.0.0.1:{nginx_port}/", 30)

        # The editor (this process) purges nginx too, as an app server in production does.
        from django.conf import settings

        from tribune.delivery import purge

        settings.TRIBUNE_NGINX_PURGE_URLS = [purge_url]
        settings.TRIBUNE_PURGE_ADAPTERS = ["tribune.delivery.purge.NginxPurger"]
        settings.TRIBUNE_SITE_URL = "http://127.0.0.1"
        purge._load.cache_clear()
        paths = newest_paths(50)
        (work / "paths.txt").write_text("\n".join(paths) + "\n")
        pace_ms = args.connections * 1000.0 / args.rate
        (work / "spike.lua").write_text(LUA % {"paths": work / "paths.txt", "pace": pace_ms, "out": work / "wrk.json"})
        for path in ["/", *paths]:  # warm: every page once through nginx
            Reader(nginx_port).request("GET", path)

        stop = threading.Event()
        published: list[float | None] = []
        publish_errors: list[str] = []
        comments: dict[str, Any] = {"statuses": {}, "visible": [], "errors": [], "refusals": []}
        threads = [
            threading.Thread(target=editor, args=(nginx_port, args.publish_every, stop, published, publish_errors)),
            threading.Thread(target=commenter, args=(nginx_port, paths, args.comments, stop, comments)),
        ]
        load_before = os.getloadavg()[0]
        for thread in threads:
            thread.start()
        wrk = subprocess.run(
            [
                WRK,
                "-t2",
                f"-c{args.connections}",
                f"-d{args.seconds}s",
                "-s",
                str(work / "spike.lua"),
                f"http://127.0.0.1:{nginx_port}",
            ],
            capture_output=True,
            text=True,
            timeout=args.seconds + 60,
        )
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        load_after = os.getloadavg()[0]
        rss = {f"app {i + 1}": max(peak_rss_mb(app).values()) for i, app in enumerate(apps)}
        summary = json.loads((work / "wrk.json").read_text())
    finally:
        servers.stop()
    report = render(args, summary, published, publish_errors, comments, rss, load_before, load_after, wrk.stdout)
    if args.access_log:
        report += slow_requests(work / "access.log", threshold_ms=summary["p99"] / 1000)
    print(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"spike-{time.strftime('%Y%m%d-%H%M%S')}.md").write_text(report)
    return 0


def slow_requests(log: Path, *, threshold_ms: float) -> str:
    """Which requests nginx itself took at least `threshold_ms` over (the client's p99): by cache status and
    page, and when, so a cause can be told from the symptoms (a lock wait, a render, a stalled process)."""
    by_status: dict[str, int] = {}
    by_page: dict[str, int] = {}
    seconds: dict[int, int] = {}
    total = slow = 0
    first = None
    for line in log.read_text().splitlines():
        msec, request_time, status, _upstream, method, uri = line.split(" ", 5)
        total += 1
        first = first if first is not None else float(msec)
        if float(request_time) * 1000 < threshold_ms:
            continue
        slow += 1
        by_status[status + " " + method] = by_status.get(status + " " + method, 0) + 1
        kind = "article" if uri.count("/") == 3 else uri
        page = "home" if uri == "/" else "comment post" if method == "POST" else kind
        by_page[page] = by_page.get(page, 0) + 1
        second = int(float(msec) - (first or 0))
        seconds[second] = seconds.get(second, 0) + 1
    busiest = sorted(seconds.items(), key=lambda item: -item[1])[:8]
    return (
        f"\n## nginx's own request time >= {threshold_ms:.0f} ms: {slow:,} of {total:,} requests\n\n"
        f"- by cache status: {dict(sorted(by_status.items(), key=lambda item: -item[1]))}\n"
        f"- by page: {dict(sorted(by_page.items(), key=lambda item: -item[1]))}\n"
        f"- busiest seconds (from the start: count): {busiest}\n"
    )


def _dist(values: list[float | None]) -> str:
    seen = sorted(v for v in values if v is not None)
    missing = len(values) - len(seen)
    if not seen:
        return f"none seen ({missing} missing)"
    # Nearest rank: a delay that was measured (statistics.quantiles extrapolates past the largest of a few).
    p90 = seen[max(0, math.ceil(0.9 * len(seen)) - 1)]
    return (
        f"n={len(values)}: min {seen[0]:.2f} s, median {statistics.median(seen):.2f} s, p90 {p90:.2f} s,"
        f" max {seen[-1]:.2f} s" + (f", {missing} never seen within 10 s" if missing else "")
    )


def render(
    args: argparse.Namespace,
    summary: dict[str, int],
    published: list[float | None],
    publish_errors: list[str],
    comments: dict[str, Any],
    rss: dict[str, float],
    load_before: float,
    load_after: float,
    wrk_out: str,
) -> str:
    seconds = summary["duration_us"] / 1e6
    errors = sum(summary[k] for k in ("connect", "read", "write", "timeout", "status"))
    p99 = summary["p99"] / 1000
    visible_ok = bool(published) and all(v is not None and v <= VISIBLE_TARGET_S for v in published)
    verdict = {
        "0 errors": errors == 0 and not publish_errors and not comments["errors"],
        f"p99 < {P99_TARGET_MS:.0f} ms": p99 < P99_TARGET_MS,
        f"every article on the home page within {VISIBLE_TARGET_S:.0f} s": visible_ok,
        f"worker RSS < {RSS_TARGET_MB:.0f} MB": all(mb < RSS_TARGET_MB for mb in rss.values()),
    }
    lines = [
        f"# Spike ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores,"
        f" load {load_before:.1f} -> {load_after:.1f})",
        "",
        f"- load: {summary['requests']:,} requests in {seconds:.0f} s = {summary['requests'] / seconds:,.0f} req/s"
        f" (asked {args.rate:,}), wrk -t2 -c{args.connections}, 50 newest articles + the home page",
        f"- latency: p50 {summary['p50'] / 1000:.2f} ms, p90 {summary['p90'] / 1000:.2f} ms, p99 {p99:.2f} ms,"
        f" p99.9 {summary['p999'] / 1000:.2f} ms, max {summary['max'] / 1000:.2f} ms",
        f"- errors: connect {summary['connect']}, read {summary['read']}, write {summary['write']},"
        f" timeout {summary['timeout']}, non-2xx/3xx {summary['status']}",
        f"- published (one every {args.publish_every:.0f} s) to visible on the home page through nginx:"
        f" {_dist(published)}" + (f"; errors: {publish_errors}" if publish_errors else ""),
        f"- comments posted: {comments['statuses']} (303 = accepted); errors: {comments['errors'] or 'none'}"
        + (f"; refusals: {comments['refusals']}" if comments["refusals"] else ""),
        f"- comment to visible on its article page through nginx: {_dist(comments['visible'])}",
        "- peak RSS per app worker (VmHWM): " + ", ".join(f"{k} {v:.0f} MB" for k, v in rss.items()),
        "",
        *[f"- {'PASS' if ok else 'NO'}: {name}" for name, ok in verdict.items()],
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--rate", type=int, default=2000, help="requests/s asked of wrk (100x a steady 20)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--publish-every", type=float, default=10.0)
    parser.add_argument("--comments", type=float, default=2.0, help="comments posted per second")
    parser.add_argument(
        "--access-log", action="store_true", help="log nginx's request times and report the slowest requests"
    )
    if missing := missing_tools():
        print(missing, file=sys.stderr)
        return 2
    return run(parser.parse_args())


if __name__ == "__main__":
    raise SystemExit(main())
