#!/usr/bin/env python
"""Reader-page latency at scale: does a 1,000,000-article archive cost what a 1,000-article one does?

    .venv/bin/python bench/reader_pages.py --db postgres --articles 1000000
    .venv/bin/python bench/reader_pages.py --db sqlite --articles 1000000 --http

For the requested size and for the 1,000-article baseline it builds (or reuses,
when it already holds exactly that many live articles) a database with
`manage.py migrate` + `manage.py tribune_generate_articles N`:

- PostgreSQL: database `tribune_bench_<size>` on 127.0.0.1:5432 (DATABASE_URL),
  followed by `VACUUM (ANALYZE)` so plans do not depend on autovacuum's timing;
- SQLite: `bench/results/db/sqlite-<size>/tribune.sqlite3` (TRIBUNE_DATA_DIR).

Then one worker process per database (each with its own settings) serves the
reader pages through Django's test Client, in-process, one request at a time,
uncached (the site has no page cache; database buffers are warm after the
warm-up). The two workers take turns in blocks of requests, so a burst of load
from someone else on the machine hits both sizes alike. Reported: p50/p95/p99
in ms, queries per page, SQL time per page, and the ratio of the big database to
the baseline, checked against the targets (p95 < 30 ms, within 1.5x of 1k).

With `--http` the same pages are also requested over HTTP from
`manage.py tribune_serve` (granian, TRIBUNE_WEB_WORKERS=1, scheduler off).

Query plans of every query of every page (EXPLAIN (ANALYZE, BUFFERS) on
PostgreSQL, EXPLAIN QUERY PLAN on SQLite) go to bench/results/plans-<db>-<size>/,
with a summary that names every full scan of a big table.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from workers import JsonWorker  # bench/workers.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
PG_SERVER = "postgres://root@127.0.0.1:5432"
PAGE_SIZE = 20  # settings.TRIBUNE_PAGE_SIZE; checked by the worker
DEEP_ITEM = 19_980  # the cursor of page 1,000 is the 19,980th item
BIG_TABLE_ROWS = 10_000  # a full scan of a table with more rows than this is a finding
PG_SCAN = r"(Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan)(?: Backward)?(?: using (\w+))? on (\w+)"
SLOW_QUERY_MS = 5.0  # a query slower than this on a warm cache is named in the summary
TARGET_P95_MS = 30.0
TARGET_RATIO = 1.5


def timed(get: Any, n: int, budget: float) -> list[float]:
    """Up to `n` calls of `get()` (each returns ms), stopping early once `budget` seconds are spent (3 at least)."""
    samples: list[float] = []
    deadline = time.monotonic() + budget
    while len(samples) < n and (len(samples) < 3 or time.monotonic() < deadline):
        samples.append(get())
    return samples


def size_label(count: int) -> str:
    for unit, suffix in ((1_000_000, "m"), (1_000, "k")):
        if count >= unit and count % unit == 0:
            return f"{count // unit}{suffix}"
    return str(count)


# --------------------------------------------------------------------------- databases


@dataclass
class Target:
    db: str  # "postgres" | "sqlite"
    articles: int
    data_root: Path

    @property
    def label(self) -> str:
        return size_label(self.articles)

    @property
    def pg_name(self) -> str:
        return f"tribune_bench_{self.label}"

    @property
    def data_dir(self) -> Path:
        return self.data_root / f"{self.db}-{self.label}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        hosts = [h for h in env.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.base",
            DJANGO_DEBUG="false",
            DJANGO_ALLOWED_HOSTS=",".join(dict.fromkeys([*hosts, "testserver", "127.0.0.1", "localhost"])),
            TRIBUNE_DATA_DIR=str(self.data_dir),
            TRIBUNE_SCHEDULER="false",
            REDIS_URL="",
            PYTHONUNBUFFERED="1",
        )
        env["DATABASE_URL"] = f"{PG_SERVER}/{self.pg_name}" if self.db == "postgres" else ""
        return env


def _psql(sql: str, *, database: str = "postgres") -> str:
    out = subprocess.run(
        ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", f"{PG_SERVER}/{database}", "-c", sql],
        check=True,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    return out.stdout.strip()


def _manage(target: Target, *args: str, timeout: float) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=target.env(), check=True, timeout=timeout)


def live_article_count(target: Target) -> int | None:
    """Live articles in the target's database; None when it does not exist or is not migrated."""
    query = "SELECT count(*) FROM newsroom_article WHERE live"
    if target.db == "postgres":
        if _psql(f"SELECT 1 FROM pg_database WHERE datname = '{target.pg_name}'") != "1":
            return None
        try:
            return int(_psql(query, database=target.pg_name))
        except subprocess.CalledProcessError:
            return None
    import sqlite3

    path = target.data_dir / "tribune.sqlite3"
    if not path.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(path)) as con:
            return int(con.execute(query).fetchone()[0])
    except sqlite3.Error:
        return None


def ensure_database(target: Target) -> None:
    count = live_article_count(target)
    if count == target.articles:
        print(f"[{target.db} {target.label}] reusing: {count:,} live articles", flush=True)
        _manage(target, "migrate", "--noinput", "-v0", timeout=1800)  # no-op unless someone added a migration
        return
    print(f"[{target.db} {target.label}] building ({count if count is not None else 'no'} articles found)", flush=True)
    if target.db == "postgres":
        _psql(f'DROP DATABASE IF EXISTS "{target.pg_name}"')
        _psql(f'CREATE DATABASE "{target.pg_name}"')
    else:
        for suffix in ("", "-wal", "-shm"):
            (target.data_dir / f"tribune.sqlite3{suffix}").unlink(missing_ok=True)
        target.data_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    _manage(target, "migrate", "--noinput", "-v0", timeout=1800)
    # ~3,000 articles/s: 1M takes ~6 min; allow plenty on a shared machine.
    _manage(target, "tribune_generate_articles", str(target.articles), timeout=max(600, target.articles / 200))
    if target.db == "postgres":
        _psql("VACUUM (ANALYZE)", database=target.pg_name)
    print(f"[{target.db} {target.label}] built in {time.monotonic() - started:,.0f} s", flush=True)


# --------------------------------------------------------------------------- worker (one per database)


def _pages(connection: Any) -> list[dict[str, Any]]:
    """The pages to measure, found in this database: same rules at every size."""
    from django.conf import settings
    from django.db.models import Count

    from tribune.core.pagination import Cursor
    from tribune.newsroom.models import Article, ArticleAuthor, Author, Section
    from tribune.taxonomy.models import ArticleTag, Tag

    assert settings.TRIBUNE_PAGE_SIZE == PAGE_SIZE, settings.TRIBUNE_PAGE_SIZE
    live = Article.objects.filter(live=True).order_by("-first_published_at", "-id")
    total = live.count()

    def deep(rows: Any, count: int, date_field: str, pk_field: str) -> tuple[str, str]:
        """A cursor deep in a listing and what it means: the 19,980th item (so the page is page 1,000),
        or the start of the last full page of a shorter listing.

        A listing too short for a second full page (a tag in the 1k baseline holds about 20) gets a
        cursor just above its newest item instead, so the comparison still runs the cursor query and
        renders a full page, rather than comparing against half a page.
        """
        values = rows.values_list(date_field, pk_field)
        if count > 2 * PAGE_SIZE:
            position = min(DEEP_ITEM, PAGE_SIZE * ((count - PAGE_SIZE) // PAGE_SIZE))
            date, pk = values[position - 1]
            return Cursor(date, pk).encode(), f"page {position // PAGE_SIZE + 1:,} (after item {position:,})"
        date, pk = values[0]
        return Cursor(date, pk + 1).encode(), "page 1 through a cursor (listing too short for page 2)"

    section = Section.objects.order_by("sort_order", "name").first()
    section_rows = live.filter(section=section)
    section_count = section_rows.count()
    section_cursor, section_note = deep(section_rows, section_count, "first_published_at", "id")
    archive_cursor, archive_note = deep(live, total, "first_published_at", "id")

    article = live.select_related("section")[total // 2]  # from the middle of the archive

    top_tag = ArticleTag.objects.filter(live=True).values("tag").annotate(n=Count("id")).order_by("-n", "tag").first()
    tag = Tag.objects.get(pk=top_tag["tag"])
    tag_links = ArticleTag.objects.filter(tag=tag, live=True).order_by("-published_at", "-article_id")
    tag_cursor, tag_note = deep(tag_links, top_tag["n"], "published_at", "article_id")

    author = Author.objects.order_by("name").first()
    author_count = ArticleAuthor.objects.filter(author=author, live=True).count()

    return [
        {"name": "home", "path": "/", "note": f"{total:,} live articles"},
        {"name": "article", "path": article.get_absolute_url(), "note": f"item {total // 2 + 1:,} of the archive"},
        {"name": "section p1", "path": section.get_absolute_url(), "note": f"{section_count:,} in section"},
        {
            "name": "section deep",
            "path": f"{section.get_absolute_url()}?na={section_cursor}",
            "note": section_note,
        },
        {"name": "tag p1", "path": tag.get_absolute_url(), "note": f"{top_tag['n']:,} in tag"},
        {
            "name": "tag deep",
            "path": f"{tag.get_absolute_url()}?na={tag_cursor}",
            "note": tag_note,
        },
        {"name": "author p1", "path": author.get_absolute_url(), "note": f"{author_count:,} by author"},
        {"name": "archive p1", "path": "/nieuws/", "note": ""},
        {
            "name": "archive deep",
            "path": f"/nieuws/?na={archive_cursor}",
            "note": archive_note,
        },
        # Reach: feeds, sitemaps and the content API (targets: feeds and sitemaps < 100 ms, API lists < 30 ms).
        {"name": "feed", "path": "/feed/", "note": "RSS, newest 50"},
        {"name": "section feed", "path": f"/feed/atom/rubriek/{section.slug}/", "note": "Atom"},
        {"name": "tag feed", "path": f"/feed/tag/{tag.slug}/", "note": "RSS"},
        {"name": "sitemap index", "path": "/sitemap.xml", "note": ""},
        {
            "name": "sitemap articles",
            "path": f"/sitemap-artikels-{article.pk // settings.TRIBUNE_SITEMAP_PAGE_SIZE}.xml",
            "note": f"the page holding article {article.pk:,}",
        },
        {"name": "news sitemap", "path": "/sitemap-nieuws.xml", "note": "last 48 hours, at most 1,000"},
        {"name": "tag sitemap", "path": "/sitemap-tags.xml", "note": ""},
        {"name": "api articles", "path": "/api/v1/articles", "note": ""},
        {"name": "api section", "path": f"/api/v1/articles?section={section.slug}", "note": ""},
        {"name": "api tag", "path": f"/api/v1/articles?tag={tag.slug}&limit=100", "note": "limit 100"},
    ]


def _sort_kb(method: str) -> int:
    found = re.findall(r"Memory: (\d+)kB", method)
    return max(int(kb) for kb in found) if found else 0


def _explain(connection: Any, pages: list[dict[str, Any]], client: Any, out_dir: Path) -> dict[str, Any]:
    """Plans of every query of every page; returns the findings."""
    from django.test.utils import CaptureQueriesContext

    out_dir.mkdir(parents=True, exist_ok=True)
    vendor = connection.vendor
    table_rows: dict[str, int] = {}
    tables = set(connection.introspection.table_names())

    def rows_in(table: str) -> int:
        if table not in table_rows:
            with connection.cursor() as cursor:
                if vendor == "postgresql":
                    cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [table])
                    row = cursor.fetchone()
                    table_rows[table] = int(row[0]) if row else -1
                else:
                    cursor.execute(f'SELECT count(*) FROM "{table}"')
                    table_rows[table] = int(cursor.fetchone()[0])
        return table_rows[table]

    summary: dict[str, Any] = {"vendor": vendor, "pages": {}, "full_scans": [], "slow": []}
    for page in pages:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page["path"])
        assert response.status_code == 200, (page, response.status_code)
        lines = [f"# {page['name']}: GET {page['path']}", f"# {len(captured)} queries", ""]
        entries = []
        for index, query in enumerate(captured.captured_queries, 1):
            sql = query["sql"]
            if not re.match(r"^\s*\(?\s*(SELECT|WITH)\b", sql, re.IGNORECASE):
                lines += [f"## query {index} (not a SELECT, not explained)", sql, ""]
                continue
            with connection.cursor() as cursor:
                # Executed and fetched to the last row (on SQLite the app-side time stops at the first
                # row); the best of three when the first run looks slow, so one hiccup is not a finding.
                runs: list[float] = []
                while len(runs) < (1 if not runs or runs[0] <= SLOW_QUERY_MS else 3):
                    started = time.perf_counter()
                    cursor.execute(sql)
                    fetched = len(cursor.fetchall())
                    runs.append((time.perf_counter() - started) * 1000)
                rerun_ms = round(min(runs), 2)
                if vendor == "postgresql":
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                    full = sorted(set(re.findall(r"Seq Scan on (\w+)", plan)))
                    # Sorting a handful of joined rows is free; these are the sorts worth a look.
                    flags = [
                        method
                        for method in re.findall(r"Sort Method: (.+)", plan)
                        if "top-N" in method or "external" in method or _sort_kb(method) > 1024
                    ]
                    flags += [
                        f"Rows Removed by Filter: {n}"
                        for n in re.findall(r"Rows Removed by Filter: (\d+)", plan)
                        if int(n) > BIG_TABLE_ROWS // 10
                    ]
                    exec_ms = float(m.group(1)) if (m := re.search(r"Execution Time: ([\d.]+) ms", plan)) else None
                else:
                    cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
                    plan = "\n".join(f"{row[0]:>3} {row[1]:>3} {row[3]}" for row in cursor.fetchall())
                    # "SCAN t" alone is a full table scan; "SCAN t USING [COVERING] INDEX i" walks an index.
                    full = sorted(set(re.findall(r"\bSCAN (\w+)(?! USING)(?:\s|$)", plan + "\n")))
                    flags = [f"temp B-tree for {what}" for what in re.findall(r"USE TEMP B-TREE FOR (.+)", plan)]
                    flags += re.findall(r"((?:SCAN|SEARCH) newsroom_article USING (?:COVERING )?INDEX \w+.*)", plan)
                    exec_ms = None
            if vendor == "postgresql":
                access = [
                    f"{kind}{' ' + index_name if index_name else ''} on {table}"
                    for kind, index_name, table in re.findall(
                        PG_SCAN,
                        plan,
                    )
                ]
            else:
                access = re.findall(
                    r"((?:SCAN|SEARCH) \w+(?: USING (?:COVERING |INTEGER PRIMARY KEY)?(?:INDEX \w+)?)?)", plan
                )
            access = [path for path in access if path.split()[-1] in tables or path.split()[1] in tables]
            full = [t for t in full if t in tables]  # not subqueries ("SCAN s0") or CTEs
            big = [t for t in full if rows_in(t) > BIG_TABLE_ROWS]
            entry = {
                "index": index,
                "time_ms": round(float(query["time"]) * 1000, 2),
                "explain_ms": exec_ms,
                "rerun_ms": rerun_ms,
                "rows": fetched,
                "full_scans": {t: rows_in(t) for t in full},
                "big_full_scans": big,
                "flags": flags,
                "access": list(dict.fromkeys(access)),
                "sql": sql,
            }
            entries.append(entry)
            for table in big:
                summary["full_scans"].append(
                    {"page": page["name"], "query": index, "table": table, "rows": rows_in(table)}
                )
            slowest = max(rerun_ms, exec_ms or 0.0)
            if slowest > SLOW_QUERY_MS or big:
                summary["slow"].append(
                    {
                        "page": page["name"],
                        "query": index,
                        "ms": slowest,
                        "rows": fetched,
                        "flags": sorted(set(flags)),
                        "sql_head": sql[:300],
                    }
                )
            lines += [
                f"## query {index}: {entry['time_ms']} ms in the app, {rerun_ms} ms executed and fetched again "
                f"({fetched} rows)" + (f", {exec_ms} ms under EXPLAIN ANALYZE" if exec_ms is not None else ""),
                sql,
                "",
                plan,
                "",
            ]
        slug = re.sub(r"[^a-z0-9]+", "-", page["name"].lower()).strip("-")
        (out_dir / f"{slug}.txt").write_text("\n".join(lines), encoding="utf-8")
        summary["pages"][page["name"]] = [
            {k: v for k, v in entry.items() if k != "sql"} | {"sql_head": entry["sql"][:160]} for entry in entries
        ]
    summary["table_rows"] = table_rows
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2, default=str), encoding="utf-8")
    md = [
        f"# Query plans, {vendor}, {len(pages)} pages",
        "",
        "Time: best of the re-runs, executed and fetched (PostgreSQL: EXPLAIN ANALYZE's execution time in brackets).",
        "",
        "| page | query | ms | rows | access paths |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, entries in summary["pages"].items():
        for entry in entries:
            when = f"{entry['rerun_ms']:.2f}" + (
                f" ({entry['explain_ms']:.3f})" if entry["explain_ms"] is not None else ""
            )
            tables_rows = ", ".join(f"{t} {n:,}" for t, n in entry["full_scans"].items())
            paths = "; ".join(entry["access"]) + (f" (full scans: {tables_rows} rows)" if tables_rows else "")
            md.append(f"| {name} | {entry['index']} | {when} | {entry['rows']} | {paths} |")
    (out_dir / "summary.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    return summary


class QueryTimer:
    """A Django execute wrapper counting queries and the time spent in cursor.execute()."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def worker_main() -> None:
    """Serve commands from the parent, one JSON line each; answers go to the original stdout."""
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything Django prints goes to stderr
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(raise_request_exception=True)
    pages: dict[str, dict[str, Any]] = {}

    def get(path: str) -> float:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code}")
        return elapsed * 1000

    for line in sys.stdin:
        command = json.loads(line)
        kind = command["cmd"]
        if kind == "setup":
            found = _pages(connection)
            pages = {page["name"]: page for page in found}
            answer: Any = {"pages": found, "vendor": connection.vendor}
        elif kind == "run":
            path = pages[command["page"]]["path"]
            answer = {"ms": timed(partial(get, path), command["n"], command["budget"])}
        elif kind == "queries":
            path = pages[command["page"]]["path"]
            counts, sql_ms = [], []
            deadline = time.monotonic() + command["budget"]
            for _ in range(command["n"]):
                timer = QueryTimer()
                with connection.execute_wrapper(timer):
                    client.get(path)
                counts.append(timer.count)
                # Time in cursor.execute(); on SQLite it misses the rows stepped through after the first.
                sql_ms.append(timer.seconds * 1000)
                if time.monotonic() > deadline:
                    break
            answer = {"count": max(counts), "min_count": min(counts), "sql_ms": statistics.median(sql_ms)}
        elif kind == "explain":
            try:
                wanted = [pages[name] for name in command["pages"]]
                answer = _explain(connection, wanted, client, Path(command["dir"]))
            except Exception as exc:  # the timings are worth keeping without the plans
                import traceback

                traceback.print_exc()
                answer = {"error": repr(exc), "full_scans": [], "slow": []}
        elif kind == "quit":
            break
        else:
            raise ValueError(kind)
        protocol.write(json.dumps(answer, default=str) + "\n")


class Worker(JsonWorker):
    def __init__(self, target: Target):
        self.target = target
        super().__init__(__file__, env=target.env(), label=f"{target.db} {target.label}")


# --------------------------------------------------------------------------- HTTP (granian)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`manage.py tribune_serve` with one worker on a free loopback port."""

    def __init__(self, target: Target):
        self.port = free_port()
        env = target.env() | {"TRIBUNE_WEB_WORKERS": "1", "TRIBUNE_BIND": f"127.0.0.1:{self.port}"}
        self.process = subprocess.Popen(
            [PYTHON, "manage.py", "tribune_serve"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/")
                if conn.getresponse().status == 200:
                    conn.close()
                    break
            if self.process.poll() is not None:
                raise RuntimeError("tribune_serve exited")
            time.sleep(0.3)
        else:
            self.close()
            raise RuntimeError("tribune_serve did not answer within 60 s")
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def get(self, path: str) -> float:
        started = time.perf_counter()
        self.connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = self.connection.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status}")
        return elapsed * 1000

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.connection.close()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, 15)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, 9)


# --------------------------------------------------------------------------- report


def percentiles(samples: list[float]) -> dict[str, float]:
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": q[49], "p95": q[94], "p99": q[98], "n": len(samples)}


@dataclass
class Measured:
    ms: dict[str, list[float]] = field(default_factory=dict)
    http_ms: dict[str, list[float]] = field(default_factory=dict)
    queries: dict[str, dict[str, Any]] = field(default_factory=dict)


def table(
    title: str, names: list[str], big: dict[str, list[float]], small: dict[str, list[float]], labels: tuple[str, str]
) -> tuple[list[str], list[dict[str, Any]]]:
    lines = [
        f"### {title}",
        "",
        f"| page | {labels[0]} p50 | p95 | p99 | {labels[1]} p50 | p95 | p99 | p95 ratio | p95 < {TARGET_P95_MS:g} ms "
        f"| ratio < {TARGET_RATIO:g} | n |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | :---: | ---: |",
    ]
    rows = []
    for name in names:
        b, s = percentiles(big[name]), percentiles(small[name])
        ratio = b["p95"] / s["p95"]
        ok_abs, ok_ratio = b["p95"] < TARGET_P95_MS, ratio < TARGET_RATIO
        rows.append({"page": name, "big": b, "small": s, "ratio_p95": ratio, "ok_abs": ok_abs, "ok_ratio": ok_ratio})
        lines.append(
            f"| {name} | {b['p50']:.1f} | {b['p95']:.1f} | {b['p99']:.1f} | {s['p50']:.1f} | {s['p95']:.1f} "
            f"| {s['p99']:.1f} | {ratio:.2f}x | {'yes' if ok_abs else '**NO**'} | {'yes' if ok_ratio else '**NO**'} "
            f"| {b['n']}/{s['n']} |"
        )
    return lines, rows


# --------------------------------------------------------------------------- main


def measure(args: argparse.Namespace) -> int:
    data_root = Path(args.data_root).resolve()
    big = Target(args.db, args.articles, data_root)
    small = Target(args.db, args.baseline, data_root)
    for target in (small, big):
        ensure_database(target)

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    RESULTS.mkdir(parents=True, exist_ok=True)
    workers = {"big": Worker(big), "small": Worker(small)}
    servers: dict[str, Server] = {}
    measured = {"big": Measured(), "small": Measured()}
    try:
        setups = {key: worker.ask(cmd="setup") for key, worker in workers.items()}
        pages = {key: {p["name"]: p for p in setup["pages"]} for key, setup in setups.items()}
        names = [p["name"] for p in setups["big"]["pages"] if args.pages is None or p["name"] in args.pages]
        block = max(1, args.requests // args.rounds)
        if args.explain_only:
            for key, target in (("big", big), ("small", small)):
                if key == "big" or args.explain_baseline:
                    out_dir = RESULTS / f"plans-{target.db}-{target.label}"
                    workers[key].ask(cmd="explain", dir=str(out_dir), pages=names)
                    print((out_dir / "summary.md").read_text(encoding="utf-8"))
            return 0
        print(
            f"\nmeasuring {len(names)} pages, {args.warmup} warm-up + {block * args.rounds} requests each, "
            f"{big.label} and {small.label} taking turns in blocks of {block}",
            flush=True,
        )
        for name in names:
            for worker in workers.values():
                worker.ask(cmd="run", page=name, n=args.warmup, budget=args.budget / 4)
            for _ in range(args.rounds):
                for key, worker in workers.items():
                    samples = worker.ask(cmd="run", page=name, n=block, budget=args.budget / args.rounds)["ms"]
                    measured[key].ms.setdefault(name, []).extend(samples)
            for key, worker in workers.items():
                measured[key].queries[name] = worker.ask(
                    cmd="queries", page=name, n=args.query_samples, budget=args.budget / 4
                )
            b, s = percentiles(measured["big"].ms[name]), percentiles(measured["small"].ms[name])
            print(
                f"  {name:<13} {big.label}: p50 {b['p50']:6.1f}  p95 {b['p95']:6.1f} ms | {small.label}: "
                f"p50 {s['p50']:6.1f}  p95 {s['p95']:6.1f} ms | {measured['big'].queries[name]['count']} queries",
                flush=True,
            )

        if args.http:
            print("\nover HTTP (tribune_serve, granian, 1 worker)", flush=True)
            servers = {"big": Server(big), "small": Server(small)}
            for name in names:
                for key, server in servers.items():
                    path = pages[key][name]["path"]
                    timed(partial(server.get, path), args.warmup, args.budget / 4)
                for _ in range(args.rounds):
                    for key, server in servers.items():
                        path = pages[key][name]["path"]
                        samples = timed(partial(server.get, path), block, args.budget / args.rounds)
                        measured[key].http_ms.setdefault(name, []).extend(samples)
                b, s = percentiles(measured["big"].http_ms[name]), percentiles(measured["small"].http_ms[name])
                print(f"  {name:<13} {big.label}: p95 {b['p95']:6.1f} ms | {small.label}: p95 {s['p95']:6.1f} ms")

        plans: dict[str, Any] = {}
        if not args.no_explain:
            for key, target in (("big", big), ("small", small)):
                if key == "small" and not args.explain_baseline:
                    continue
                out_dir = RESULTS / f"plans-{target.db}-{target.label}"
                plans[key] = workers[key].ask(cmd="explain", dir=str(out_dir), pages=names)
                print(f"\nplans for {target.db} {target.label}: {out_dir}", flush=True)
    finally:
        for server in servers.values():
            server.close()
        for worker in workers.values():
            worker.close()

    # ---- report
    labels = (big.label, small.label)
    out = [
        f"## Reader pages, {args.db}, {big.label} vs {small.label} articles ({datetime.now():%Y-%m-%d %H:%M}, "
        f"{os.cpu_count()} cores, load avg {os.getloadavg()[0]:.2f})",
        "",
        f"{block * args.rounds} requests per page and database (fewer where the {args.budget:g} s budget ran out: "
        f"see n) after {args.warmup} warm-up, one client, uncached; ms.",
        "",
    ]
    lines, rows = table("In-process (Django test Client)", names, measured["big"].ms, measured["small"].ms, labels)
    out += [*lines, ""]
    http_rows: list[dict[str, Any]] = []
    if args.http:
        lines, http_rows = table(
            "Over HTTP (tribune_serve, 1 worker)", names, measured["big"].http_ms, measured["small"].http_ms, labels
        )
        out += [*lines, ""]
    out += [
        "### Queries per page, SQL time (median of the capture pass), and what was requested",
        "",
        f"| page | queries {big.label} | queries {small.label} | SQL ms {big.label} | SQL ms {small.label} "
        f"| {big.label} | {small.label} |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for name in names:
        qb, qs = measured["big"].queries[name], measured["small"].queries[name]
        out.append(
            f"| {name} | {qb['count']} | {qs['count']} | {qb['sql_ms']:.2f} | {qs['sql_ms']:.2f} "
            f"| {pages['big'][name]['note']} | {pages['small'][name]['note']} |"
        )
    out.append("")
    for key, summary in plans.items():
        target = big if key == "big" else small
        out.append(f"### Full scans of tables over {BIG_TABLE_ROWS:,} rows ({target.db} {target.label})")
        out.append("")
        if "error" in summary:
            out.append(f"Plans failed: {summary['error']}")
        elif summary["full_scans"]:
            out += [
                f"- {f['page']}, query {f['query']}: `{f['table']}` ({f['rows']:,} rows)" for f in summary["full_scans"]
            ]
        else:
            out.append("None: every query on a big table is an index scan.")
        out += ["", f"Queries over {SLOW_QUERY_MS:g} ms (executed and fetched again, or under EXPLAIN ANALYZE):"]
        out += [
            f"- {q['page']}, query {q['query']}: {q['ms']:,.1f} ms, {q['rows']} rows; {'; '.join(q['flags']) or '-'}"
            for q in summary["slow"]
        ] or ["- none"]
        out.append("")
    failures = [r["page"] for r in rows if not (r["ok_abs"] and r["ok_ratio"])]
    out.append(
        "**Targets met (in-process)**" if not failures else f"**Targets missed (in-process): {', '.join(failures)}**"
    )
    report = "\n".join(out)
    print("\n" + report)
    base = RESULTS / f"reader_pages-{args.db}-{big.label}-{stamp}"
    base.with_suffix(".md").write_text(report + "\n", encoding="utf-8")
    base.with_suffix(".json").write_text(
        json.dumps(
            {
                "db": args.db,
                "sizes": labels,
                "pages": pages,
                "in_process": rows,
                "http": http_rows,
                "queries": {k: m.queries for k, m in measured.items()},
                "samples": {k: m.ms for k, m in measured.items()},
                "http_samples": {k: m.http_ms for k, m in measured.items()},
                "full_scans": {k: v["full_scans"] for k, v in plans.items()},
            },
            indent=1,
            default=str,
        ),
        encoding="utf-8",
    )
    print(f"\nsaved {base}.md and .json")
    return 1 if failures and args.strict else 0


def main() -> int:
    if "--worker" in sys.argv:
        worker_main()
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["postgres", "sqlite"], required=True)
    parser.add_argument("--articles", type=int, default=1_000_000, help="size of the database under test")
    parser.add_argument("--baseline", type=int, default=1_000, help="size of the baseline database")
    parser.add_argument("--requests", type=int, default=200, help="measured requests per page and database")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests per page and database first")
    parser.add_argument("--rounds", type=int, default=4, help="blocks the requests are split into (taking turns)")
    parser.add_argument(
        "--budget",
        type=float,
        default=90,
        help="seconds per page and database at most (a slow page gets fewer requests)",
    )
    parser.add_argument("--query-samples", type=int, default=10, help="requests per page with queries captured")
    parser.add_argument("--pages", nargs="*", help="measure only these pages (e.g. 'home' 'tag deep')")
    parser.add_argument("--http", action="store_true", help="also measure over HTTP against tribune_serve")
    parser.add_argument("--no-explain", action="store_true", help="skip the query plans")
    parser.add_argument("--explain-only", action="store_true", help="save the query plans, measure nothing")
    parser.add_argument("--explain-baseline", action="store_true", help="save the baseline's plans too")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--build-only", action="store_true", help="build or check the databases and stop")
    parser.add_argument("--data-root", default=str(RESULTS / "db"), help="where SQLite databases (and media) are kept")
    args = parser.parse_args()
    if args.build_only:
        for count in (args.baseline, args.articles):
            ensure_database(Target(args.db, count, Path(args.data_root).resolve()))
        return 0
    return measure(args)


if __name__ == "__main__":
    sys.exit(main())
