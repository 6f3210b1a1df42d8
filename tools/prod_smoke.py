"""Smoke test of a running production stack (tools/prod_check.sh starts one): nginx in front of two app servers.

Checks, through nginx unless said otherwise: reader pages, feed, sitemap, API and /gezond/ answer 200; a page
is served from nginx's micro-cache the second time; a hashed static file is immutable and compressed; a comment
posted as the page's form does it is on the article page within about two seconds; an article published through
the services is on the home page within about two seconds; one app server killed (SIGKILL, whole process group)
in the middle of a burst of GETs costs no reader an error. Prints PASS/FAIL per check; exits 1 on any failure.

Needs the production environment (DJANGO_SETTINGS_MODULE, DATABASE_URL...) for the publishing step, which runs
`manage.py shell`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
# Within this many seconds a comment or a publication must be visible through nginx ("about two seconds":
# Tribune's purge-log poll, 0.5 s, plus nginx's one-second micro-cache, plus a render).
VISIBLE_WITHIN = 3.0
MIN_FILL_SECONDS = 3.2  # TRIBUNE_COMMENT_MIN_FILL_SECONDS is 3


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def fetch(url: str, *, method: str = "GET", body: bytes | None = None, timeout: float = 10, **headers: str) -> Answer:
    """One request on a fresh connection; redirects are not followed, no cookies are kept."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, path or "/", body=body, headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = connection.getresponse()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


def wait_until(predicate: Callable[[], bool], seconds: float, step: float = 0.05) -> float | None:
    """Seconds until `predicate` held, or None when it did not within `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if predicate():
            return time.monotonic() - started
        time.sleep(step)
    return None


class Failed(Exception):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


class Smoke:
    def __init__(self, base: str, apps: list[str], kill_group: int | None, scheduler_pid: int | None) -> None:
        self.base, self.apps, self.kill_group, self.scheduler_pid = base.rstrip("/"), apps, kill_group, scheduler_pid
        self.results: list[tuple[str, bool, str, float]] = []
        self.warnings: list[str] = []
        self.home = ""
        self.article = ""
        self.section = ""

    def run(self, name: str, check: Callable[[], str]) -> None:
        started = time.monotonic()
        try:
            detail, ok = check(), True
        except Failed as error:
            detail, ok = str(error), False
        except Exception as error:  # a crashed check is a failed check, and the others still run
            detail, ok = f"{error.__class__.__name__}: {error}", False
        elapsed = time.monotonic() - started
        self.results.append((name, ok, detail, elapsed))
        print(f"{'PASS' if ok else 'FAIL'}  {name} ({elapsed:.1f} s): {detail}", flush=True)

    # --- the checks ---

    def pages(self) -> str:
        home = fetch(self.base + "/")
        expect(home.status == 200, f"home answered {home.status}")
        self.home = home.text
        articles = re.findall(r'href="(/[-a-z0-9]+/[-a-z0-9]+-[0-9]+/)"', self.home)
        expect(bool(articles), "no article links on the home page")
        self.article = articles[0]
        self.section = "/" + self.article.split("/")[1] + "/"
        paths = [self.article, self.section, "/feed/", "/sitemap.xml", "/api/v1/articles", "/robots.txt", "/gezond/"]
        statuses = {path: fetch(self.base + path).status for path in paths}
        bad = {path: status for path, status in statuses.items() if status != 200}
        expect(not bad, f"not 200: {bad}")
        return f"home, {self.article}, {self.section}, feed, sitemap, API, robots.txt, /gezond/: 200"

    def health(self) -> str:
        details = []
        for url in [self.base, *self.apps]:
            answer = fetch(url + "/gezond/")
            expect(answer.status == 200, f"{url}/gezond/ answered {answer.status}: {answer.text[:200]}")
            body = json.loads(answer.body)
            expect(body["status"] == "ok" and set(body["checks"]) == {"database", "redis"}, f"{url}: {body}")
            expect("no-store" in answer.headers.get("cache-control", ""), "health answer is cacheable")
            expect(answer.headers.get("x-cache", "") in {"", "MISS", "BYPASS", "EXPIRED"}, "health answer was cached")
            details.append(f"db {body['checks']['database']['ms']} ms, redis {body['checks']['redis']['ms']} ms")
        return "ok on nginx and both app servers (" + "; ".join(details) + ")"

    def micro_cache(self) -> str:
        seen = []
        for _ in range(3):
            seen.append(fetch(self.base + "/").headers.get("x-cache", "-"))
            if seen[-1] == "HIT":
                break
        expect("HIT" in seen, f"home page never came from nginx's cache: {seen}")
        answer = fetch(self.base + "/")
        expect("xkey" not in answer.headers, "cache tags leak to the browser")
        return f"X-Cache {' then '.join(seen)}; xkey hidden"

    def static(self) -> str:
        # The stylesheet is inlined into pages; its hashed file is what collectstatic left (STATIC_ROOT's manifest).
        manifest = json.loads((ROOT / "static" / "staticfiles.json").read_text())["paths"]
        path = "/static/" + manifest["tribune/site.css"]
        icon = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.svg)"', self.home)
        expect(icon is not None, "no hashed favicon linked from the home page")
        assert icon is not None
        linked = fetch(self.base + icon.group(1))
        expect(linked.status == 200 and "immutable" in linked.headers.get("cache-control", ""), f"{icon.group(1)}")
        notes = []
        gz = fetch(self.base + path, Accept_Encoding="gzip")
        expect(gz.status == 200, f"{path} via nginx: {gz.status}")
        expect("immutable" in gz.headers.get("cache-control", ""), f"not immutable: {gz.headers.get('cache-control')}")
        expect(gz.headers.get("content-encoding") == "gzip", "nginx did not serve the .gz copy")
        notes.append(f"nginx: gzip, {gz.headers['cache-control']}")
        br = fetch(self.base + path, Accept_Encoding="br")
        if br.headers.get("content-encoding") == "br":
            notes.append("nginx: br")
        else:
            # Debian's nginx has brotli only with libnginx-mod-http-brotli-static; the app server always has it.
            notes.append("nginx: no br (module not installed)")
        # Without nginx in front (a CDN straight at the app servers), WhiteNoise serves /static/ itself.
        app = fetch(self.apps[-1] + path, Accept_Encoding="br")
        expect(app.status == 200, f"{path} from the app server: {app.status}")
        expect("immutable" in app.headers.get("cache-control", ""), "WhiteNoise: not immutable")
        encoding = app.headers.get("content-encoding", "identity")
        notes.append(f"app (WhiteNoise): {encoding}, {app.headers['cache-control']}")
        if encoding != "br":
            self.warnings.append(
                f"the app server answered {path} with {encoding}, not br, to Accept-Encoding: br "
                "(Tribune's page cache passes requests to Django without Accept-Encoding, WhiteNoise included); "
                "nginx serves /static/ itself in the shipped setup"
            )
        return f"{path}: " + "; ".join(notes)

    def comment(self) -> str:
        links = list(dict.fromkeys(re.findall(r'href="(/[-a-z0-9]+/[-a-z0-9]+-[0-9]+/)"', self.home)))
        for path in links[:15]:
            fetched = time.monotonic()
            page = fetch(self.base + path)
            form = re.search(r'<form class="comment-form"[^>]*action="([^"#]+)', page.text)
            token = re.search(r'name="token" value="([^"]+)"', page.text)
            if page.status == 200 and form and token:
                break
        else:
            raise Failed("no article with an open comment form among the first 15 on the home page")
        text = f"Prodcheck {uuid.uuid4().hex[:10]}: sterke wedstrijd, verdiende overwinning voor de thuisploeg."
        time.sleep(max(0.0, MIN_FILL_SECONDS - (time.monotonic() - fetched)))
        fields = {"token": token.group(1), "parent": "", "name": "Prodcheck", "email": "", "body": text, "website": ""}
        posted = fetch(
            self.base + form.group(1),
            method="POST",
            body=urlencode(fields).encode(),
            Content_Type="application/x-www-form-urlencoded",
            Sec_Fetch_Site="same-origin",
            Origin=self.base,
        )
        expect(posted.status == 303, f"POST {form.group(1)} answered {posted.status}: {posted.text[:300]}")
        seen = wait_until(lambda: text in fetch(self.base + path).text, VISIBLE_WITHIN + 5)
        expect(seen is not None, f"the comment is not on {path} after {VISIBLE_WITHIN + 5:.0f} s")
        assert seen is not None
        expect(seen <= VISIBLE_WITHIN, f"the comment took {seen:.2f} s to show on {path}")
        return f"303 to {posted.headers.get('location')}; on the page through nginx after {seen:.2f} s"

    def publish(self) -> str:
        headline = f"Prodcheck {uuid.uuid4().hex[:8]} wint de finale"
        code = (
            "import time\n"
            "from tribune.newsroom.models import Author, Section\n"
            "from tribune.newsroom.services import article_create, article_publish\n"
            f"article = article_create(headline={headline!r}, section=Section.objects.order_by('pk').first(),\n"
            "    lead='Een artikel dat de productiecontrole publiceert, om te zien dat het meteen op de site staat.',\n"
            "    authors=[Author.objects.order_by('pk').first()])\n"
            "article_publish(article=article)\n"
            "print(time.time(), article.get_absolute_url())\n"
        )
        done = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        expect(done.returncode == 0, f"publishing failed: {done.stderr[-500:]}")
        stamp, url = done.stdout.strip().splitlines()[-1].split()
        published_at = float(stamp)
        seen = wait_until(lambda: headline in fetch(self.base + "/").text, VISIBLE_WITHIN + 5)
        expect(seen is not None, f"'{headline}' is not on the home page after {VISIBLE_WITHIN + 5:.0f} s")
        latency = time.time() - published_at
        expect(latency <= VISIBLE_WITHIN, f"the article took {latency:.2f} s after commit to show on the home page")
        article = fetch(self.base + url)
        expect(article.status == 200 and headline in article.text, f"{url} answered {article.status}")
        return f"{url} on the home page through nginx {latency:.2f} s after commit"

    def kill_during_burst(self) -> str:
        expect(self.kill_group is not None, "no app server to kill (--kill-group)")
        assert self.kill_group is not None
        statuses: Counter[int | str] = Counter()
        lock = threading.Lock()
        stop = threading.Event()
        paths = ["/", self.section, self.article, "/feed/", "/api/v1/articles"]

        def reader(number: int) -> None:
            n = 0
            while not stop.is_set():
                n += 1
                # A new query each time: a cache miss, so every request really goes to an app server.
                path = f"{paths[n % len(paths)]}?burst={number}-{n}"
                try:
                    status: int | str = fetch(self.base + path, timeout=15).status
                except OSError as error:
                    status = error.__class__.__name__
                with lock:
                    statuses[status] += 1

        threads = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(6)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)
        os.killpg(self.kill_group, signal.SIGKILL)
        killed_at = sum(statuses.values())
        time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join(timeout=20)
        total = sum(statuses.values())
        expect(set(statuses) == {200}, f"answers during the burst: {dict(statuses)}")
        expect(total - killed_at > 10, f"only {total - killed_at} requests after the kill")
        after = fetch(self.base + "/gezond/")
        expect(after.status == 200, f"/gezond/ through nginx after the kill: {after.status}")
        return f"{total} GETs, all 200 ({killed_at} before the SIGKILL of app server 1, {total - killed_at} after)"

    def scheduler(self) -> str:
        expect(self.scheduler_pid is not None, "no scheduler pid given")
        assert self.scheduler_pid is not None
        try:
            os.kill(self.scheduler_pid, 0)
        except ProcessLookupError:
            raise Failed("the scheduler process is gone") from None
        return f"tribune_scheduler (pid {self.scheduler_pid}) still running"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="nginx, e.g. http://127.0.0.1:8080")
    parser.add_argument("--app", action="append", default=[], help="an app server, directly")
    parser.add_argument("--kill-group", type=int, help="process group of one app server, killed mid-burst")
    parser.add_argument("--scheduler-pid", type=int)
    args = parser.parse_args()
    smoke = Smoke(args.base, args.app, args.kill_group, args.scheduler_pid)
    smoke.run("reader pages, feed, sitemap, API", smoke.pages)
    smoke.run("health endpoint", smoke.health)
    smoke.run("nginx micro-cache", smoke.micro_cache)
    smoke.run("static files", smoke.static)
    smoke.run("comment through nginx", smoke.comment)
    smoke.run("publishing", smoke.publish)
    smoke.run("scheduler", smoke.scheduler)
    # Last: it takes one app server away.
    smoke.run("app server killed mid-burst", smoke.kill_during_burst)
    failed = [name for name, ok, _, _ in smoke.results if not ok]
    print()
    for warning in smoke.warnings:
        print(f"WARN  {warning}")
    print(
        f"{len(smoke.results) - len(failed)}/{len(smoke.results)} checks passed"
        + (f"; FAILED: {failed}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
