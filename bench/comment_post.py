#!/usr/bin/env python
"""Posting a comment: p95 under 50 ms on PostgreSQL at 1,000,000 articles and 10,000,000 comments?

    .venv/bin/python bench/comment_post.py                 # seeds the comments once, then measures
    .venv/bin/python bench/comment_post.py --seed-only     # only add the 10M comments

Databases (PostgreSQL on 127.0.0.1:5432, never built or dropped here):

- `tribune_bench_1m`: the 1,000,000-article database of `bench/reader_pages.py --build-only`. Once, this
  script adds 10,000,000 comments to it with set-based SQL (INSERT ... SELECT from generate_series): spread
  over the articles with the newest getting the most (article rank = N * u^2, so the newest article gets
  about 10,000 and the median one 7), 15% replies to a top-level comment of the same article, 90% published /
  9% rejected / 1% pending, skewed like counts, a few reported and featured ones, raw addresses only on the
  last 7 days, one moderation-log row per comment, and engagement_articleengagement filled from the published
  counts. It drops the tables' secondary indexes and foreign keys first and recreates them from their own
  definitions afterwards (one transaction), then runs VACUUM (ANALYZE) on the engagement tables.
- `tribune_bench_1k`: the 1,000-article baseline, with the few comments earlier runs left.

Both get `manage.py migrate` first. One worker process per database posts comments through the real view
(`POST /reacties/artikel/<id>/`, Django's test Client, in-process, uncached, one at a time) to the 50 newest
articles, every fifth one a reply: each post from a new reader (no cookie) at a new network address, with a
distinct body and a form token issued 30 s earlier, so the spam checks, the duplicate check and the
database rate limiter (15 s per reader and per address) all run and pass. The site's comment policy is set
to post-moderation, so every post publishes and moves the article's count: the most writing a post can do.
The two databases take turns in blocks. Printed: p50/p95/p99 in ms for the form POST (303 redirect) and
the JavaScript POST (JSON with the rendered comment), the ratio to the baseline, queries per post, and the
plan of every SELECT of one post (bench/results/comment_post-plans-<db>.txt).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from workers import JsonWorker  # bench/workers.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
PG_SERVER = "postgres://root@127.0.0.1:5432"
BIG_DB = "tribune_bench_1m"
BASELINE_DB = "tribune_bench_1k"
TARGET_P95_MS = 50.0
HOT_ARTICLES = 50
BENCH_REDIS_URL = "redis://127.0.0.1:6379/1"
RATE_LIMIT_LABELS = {
    "database": "in the database (no REDIS_URL: the embedded default), 2 slots per post",
    "redis": f"in Redis ({BENCH_REDIS_URL}, as with production's REDIS_URL; the cache too), 2 slots per post",
}
BIG_TABLE_ROWS = 10_000  # a sequential scan of a bigger table is a finding

# --------------------------------------------------------------------------- psql


def psql(sql: str, *, database: str = "postgres", timeout: float = 3600) -> str:
    out = subprocess.run(
        ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", f"{PG_SERVER}/{database}"],
        input=sql,
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return out.stdout.strip()


def database_exists(name: str) -> bool:
    return psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def env_for(database: str, *, redis: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        DATABASE_URL=f"{PG_SERVER}/{database}",
        TRIBUNE_SCHEDULER="false",
        # Empty: local-memory cache and the rate limiter in the database (the embedded default). With
        # --rate-limit redis, production's setup: Redis for the cache and the rate limiter.
        REDIS_URL=BENCH_REDIS_URL if redis else "",
        PYTHONUNBUFFERED="1",
    )
    return env


def migrate(database: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env_for(database), check=True, timeout=1800
    )


def sizes(database: str) -> dict[str, str]:
    rows = psql(
        "SELECT 'database', pg_size_pretty(pg_database_size(current_database())) UNION ALL "
        "SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class "
        "WHERE relname IN ('engagement_comment', 'engagement_commentdecision', 'engagement_articleengagement', "
        "'newsroom_article') ORDER BY 1",
        database=database,
    )
    return dict(line.split("|") for line in rows.splitlines())


# --------------------------------------------------------------------------- seeding 10M comments

# Secondary indexes and foreign keys of the two big tables: dropped during the load, recreated from their own
# definitions (pg_get_indexdef / pg_get_constraintdef) afterwards, in the same transaction.
SEED_SQL = """
SET maintenance_work_mem = '1GB';
SET work_mem = '256MB';
BEGIN;
CREATE TEMP TABLE bench_ddl ON COMMIT DROP AS
    SELECT 1 AS step, format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,
                             pg_get_constraintdef(oid)) AS recreate,
           format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop
    FROM pg_constraint
    WHERE contype = 'f' AND conrelid IN ('engagement_comment'::regclass, 'engagement_commentdecision'::regclass)
    UNION ALL
    SELECT 0, pg_get_indexdef(i.indexrelid), format('DROP INDEX %s', i.indexrelid::regclass)
    FROM pg_index i
    WHERE i.indrelid IN ('engagement_comment'::regclass, 'engagement_commentdecision'::regclass)
      AND NOT i.indisprimary;
DO $$ DECLARE statement text; BEGIN
    FOR statement IN SELECT drop FROM bench_ddl ORDER BY step DESC LOOP EXECUTE statement; END LOOP;
END $$;

-- Articles by recency: rank 1 is the newest.
CREATE TEMP TABLE bench_rank ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY first_published_at DESC, id DESC))::int AS rank, id AS article_id,
           first_published_at
    FROM newsroom_article WHERE live;
CREATE UNIQUE INDEX ON bench_rank (rank);
ANALYZE bench_rank;
SELECT count(*) AS articles FROM bench_rank \\gset

-- Top-level comments.
INSERT INTO engagement_comment (article_id, parent_id, author_name, email, body, status, is_featured, like_count,
                                report_count, created_at, published_at, reader_hash, address_hash, address,
                                body_hash, rejection_reason)
SELECT r.article_id, NULL, 'Lezer ' || s.reader,
       CASE WHEN s.reader % 5 = 0 THEN 'lezer' || s.reader || '@example.org' ELSE '' END,
       'Reactie ' || s.g || ': ' || repeat('Sterke wedstrijd, maar achteraan moet het beter. ', 1 + s.len),
       s.status, s.status = 'published' AND s.u < 0.0005,
       CASE WHEN s.status = 'published' THEN floor(power(s.v, 20) * 100)::int ELSE 0 END,
       CASE WHEN s.status = 'published' AND s.u > 0.999 THEN 1 ELSE 0 END,
       c.created, CASE WHEN s.status = 'published' THEN c.created END,
       md5('r' || s.reader) || md5('R' || s.reader), md5('a' || s.reader) || md5('A' || s.reader),
       CASE WHEN c.created > now() - interval '7 days'
            THEN ('10.' || (s.reader / 65536) % 256 || '.' || (s.reader / 256) % 256 || '.' || s.reader % 256)::inet
       END,
       md5('b' || s.g) || md5('B' || s.g),
       CASE WHEN s.status = 'rejected' THEN (ARRAY['spam', 'abuse', 'off_topic', 'hate', 'other'])[1 + s.g % 5]
            ELSE '' END
FROM (
    SELECT g, 1 + floor(:articles * power(random(), 2))::int AS rank,
           floor(1000000 * power(random(), 2))::int AS reader, floor(random() * 5)::int AS len,
           random() AS u, random() AS v,
           CASE WHEN w < 0.90 THEN 'published' WHEN w < 0.99 THEN 'rejected' ELSE 'pending' END AS status
    FROM (SELECT g, random() AS w FROM generate_series(1, :top) AS g) AS numbers
    OFFSET 0  -- computed once per row, never inside the join
) AS s
JOIN bench_rank AS r USING (rank)
CROSS JOIN LATERAL (
    SELECT least(now(), r.first_published_at + interval '1 second' * (259200 * power(random(), 3)))
        AS created
) AS c;
SELECT min(id) AS lo, max(id) AS hi FROM engagement_comment \\gset

-- Replies, to a random top-level comment (so busy threads get the most), on its article, after it.
INSERT INTO engagement_comment (article_id, parent_id, author_name, email, body, status, is_featured, like_count,
                                report_count, created_at, published_at, reader_hash, address_hash, address,
                                body_hash, rejection_reason)
SELECT p.article_id, p.id, 'Lezer ' || s.reader, '',
       'Antwoord ' || s.g || ': ' || repeat('Daar ben ik het niet mee eens. ', 1 + s.len),
       s.status, false, CASE WHEN s.status = 'published' THEN floor(power(s.v, 20) * 30)::int ELSE 0 END, 0,
       c.created, CASE WHEN s.status = 'published' THEN c.created END,
       md5('r' || s.reader) || md5('R' || s.reader), md5('a' || s.reader) || md5('A' || s.reader),
       CASE WHEN c.created > now() - interval '7 days'
            THEN ('10.' || (s.reader / 65536) % 256 || '.' || (s.reader / 256) % 256 || '.' || s.reader % 256)::inet
       END,
       md5('b' || s.g) || md5('B' || s.g),
       CASE WHEN s.status = 'rejected' THEN 'abuse' ELSE '' END
FROM (
    SELECT g, :lo + floor(random() * (:hi - :lo + 1))::bigint AS parent,
           floor(1000000 * power(random(), 2))::int AS reader, floor(random() * 3)::int AS len, random() AS v,
           CASE WHEN w < 0.90 THEN 'published' WHEN w < 0.99 THEN 'rejected' ELSE 'pending' END AS status
    FROM (SELECT g, random() AS w FROM generate_series(:top + 1, :total) AS g) AS numbers
    OFFSET 0
) AS s
JOIN engagement_comment AS p ON p.id = s.parent
CROSS JOIN LATERAL (
    SELECT least(now(), p.created_at + interval '1 second' * (86400 * power(random(), 3)))
        AS created
) AS c;

-- The moderation log: one decision per comment, by the rule that made it.
INSERT INTO engagement_commentdecision (comment_id, action, rule, reason, detail, moderator_id, created_at)
SELECT id,
       CASE status WHEN 'published' THEN 'published' WHEN 'rejected' THEN 'rejected' ELSE 'queued' END,
       CASE status WHEN 'published' THEN 'post_moderation' WHEN 'rejected' THEN 'moderator' ELSE 'first_time' END,
       rejection_reason, '', NULL, created_at
FROM engagement_comment;

-- The counts listings print: exactly the published comments.
INSERT INTO engagement_articleengagement (article_id, reaction_count)
SELECT article_id, count(*) FILTER (WHERE status = 'published') FROM engagement_comment GROUP BY article_id
ON CONFLICT (article_id) DO UPDATE SET reaction_count = EXCLUDED.reaction_count;

DO $$ DECLARE statement text; BEGIN
    FOR statement IN SELECT recreate FROM bench_ddl ORDER BY step LOOP EXECUTE statement; END LOOP;
END $$;
COMMIT;
"""


def seed_comments(database: str, total: int) -> None:
    existing = int(psql("SELECT count(*) FROM engagement_comment", database=database))
    if existing >= total:
        print(f"[{database}] reusing: {existing:,} comments", flush=True)
        return
    if existing:
        raise SystemExit(
            f"{database} holds {existing:,} comments, fewer than {total:,}: not seeding on top of them. "
            f"Empty the engagement tables first (TRUNCATE engagement_comment CASCADE) or pass --comments {existing}."
        )
    top = round(total * 0.85)
    print(f"[{database}] adding {total:,} comments ({top:,} top-level, {total - top:,} replies)...", flush=True)
    started = time.monotonic()
    psql(
        f"\\set top {top}\n\\set total {total}\n" + SEED_SQL,
        database=database,
        timeout=4 * 3600,
    )
    print(f"[{database}] inserted and indexed in {time.monotonic() - started:,.0f} s; VACUUM (ANALYZE)...", flush=True)
    for table in ("engagement_comment", "engagement_commentdecision", "engagement_articleengagement"):
        psql(f"VACUUM (ANALYZE) {table}", database=database, timeout=3600)
    print(f"[{database}] seeded in {time.monotonic() - started:,.0f} s", flush=True)


def describe_comments(database: str) -> str:
    return psql(
        "SELECT count(*) || ' comments: ' || count(*) FILTER (WHERE status = 'published') || ' published, '"
        " || count(*) FILTER (WHERE status = 'rejected') || ' rejected, ' || count(*) FILTER (WHERE status = 'pending')"
        " || ' pending, ' || count(*) FILTER (WHERE parent_id IS NOT NULL) || ' replies; '"
        " || (SELECT count(*) FROM engagement_articleengagement) || ' articles with a count row, the most '"
        " || coalesce((SELECT max(reaction_count) FROM engagement_articleengagement), 0)"
        " FROM engagement_comment",
        database=database,
    )


# --------------------------------------------------------------------------- worker (one per database)


def worker_main() -> None:
    """Serve commands from the parent, one JSON line each; answers go to the original stdout."""
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.path.insert(0, str(ROOT))
    import itertools
    import secrets

    import django

    django.setup()
    from django.db import connection, connections
    from django.test import Client
    from django.urls import reverse
    from wagtail.models import Site

    from tribune.engagement.identity import form_token_issue
    from tribune.engagement.models import Comment, CommentPolicy, CommentStatus, ModerationMode
    from tribune.engagement.ratelimit import DatabaseRateLimiter
    from tribune.newsroom.models import Article

    class QueryLog:
        """Every statement of a request with its time in cursor.execute() (CaptureQueriesContext rounds to ms)."""

        def __init__(self) -> None:
            self.queries: list[tuple[str, float]] = []

        def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                elapsed = (time.perf_counter() - started) * 1000
                cursor = context["cursor"]
                try:
                    text = connection.ops.last_executed_query(cursor, sql, params) if not many else sql
                except Exception:  # only for the report
                    text = sql
                self.queries.append((str(text), elapsed))

    # Commits do not pass through execute wrappers: time them at the connection.
    current_logs: list[QueryLog] = []
    wrapper = connections["default"]
    plain_commit = wrapper._commit

    def timed_commit() -> Any:
        started = time.perf_counter()
        try:
            return plain_commit()
        finally:
            for log in current_logs:
                log.queries.append(("COMMIT", (time.perf_counter() - started) * 1000))

    wrapper._commit = timed_commit

    def logged(mode: str) -> QueryLog:
        log = QueryLog()
        current_logs.append(log)
        try:
            with connection.execute_wrapper(log):
                request(mode)
        finally:
            current_logs.remove(log)
        return log

    client = Client(raise_request_exception=True)
    counter = itertools.count()
    run_id = secrets.token_hex(3)
    base = int.from_bytes(secrets.token_bytes(2), "big") << 8  # a fresh range of network addresses per run
    articles: list[Any] = []
    parents: dict[int, list[int]] = {}

    def request(mode: str) -> tuple[float, float]:
        """One post; (wall ms, CPU ms of this process)."""
        i = next(counter)
        article = articles[i % len(articles)]
        data = {
            # The form was rendered 30 s ago: a person typed this (TRIBUNE_COMMENT_MIN_FILL_SECONDS passes).
            "token": form_token_issue(now=time.time() - 30),
            "name": f"Lezer {i}",
            "body": f"Reactie {run_id}-{i}: sterke wedstrijd, maar achteraan moet het beter. Volgende week winnen!",
        }
        if i % 5 == 4 and parents[article.pk]:
            data["parent"] = str(parents[article.pk][i % len(parents[article.pk])])
        address = base + i
        extra: dict[str, str] = {
            "REMOTE_ADDR": f"10.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}",
        }
        if mode == "json":
            extra["HTTP_ACCEPT"] = "application/json"
        client.cookies.clear()  # a new reader: no cookie yet, identified by the form's nonce
        url = reverse("engagement:comment_post", kwargs={"pk": article.pk})
        cpu, started = time.process_time(), time.perf_counter()
        response = client.post(url, data, **extra)
        elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
        expected = 200 if mode == "json" else 303
        if response.status_code != expected:
            raise RuntimeError(f"POST {url}: {response.status_code} {response.content[:500]!r}")
        return elapsed, cpu

    for line in sys.stdin:
        command = json.loads(line)
        kind = command["cmd"]
        if kind == "setup":
            site = Site.objects.get(is_default_site=True)
            CommentPolicy.objects.update_or_create(site=site, defaults={"moderation_mode": ModerationMode.POST})
            DatabaseRateLimiter.purge_expired()
            articles = list(Article.objects.filter(live=True).order_by("-first_published_at", "-id")[: command["hot"]])
            assert all(article.comments_open() for article in articles), "the newest articles must take comments"
            parents = {
                article.pk: list(
                    Comment.objects.filter(article=article, status=CommentStatus.PUBLISHED, parent__isnull=True)
                    .order_by("-id")
                    .values_list("pk", flat=True)[:20]
                )
                for article in articles
            }
            on_hot = Comment.objects.filter(article__in=articles).count()
            answer: Any = {"articles": len(articles), "comments_on_them": on_hot, "vendor": connection.vendor}
        elif kind == "run":
            timings = [request(command["mode"]) for _ in range(command["n"])]
            answer = {"ms": [wall for wall, _ in timings], "cpu_ms": [cpu for _, cpu in timings]}
        elif kind == "queries":
            counts, sql_ms, commit_ms = [], [], []
            for _ in range(command["n"]):
                log = logged(command["mode"])
                counts.append(len(log.queries))
                sql_ms.append(sum(ms for _, ms in log.queries))
                commit_ms.append(sum(ms for sql, ms in log.queries if sql == "COMMIT"))
            answer = {
                "count": max(counts),
                "min_count": min(counts),
                "sql_ms": statistics.median(sql_ms),
                "commit_ms": statistics.median(commit_ms),
                "commits": sum(1 for sql, _ in log.queries if sql == "COMMIT"),
            }
        elif kind == "explain":
            log = logged("form")
            lines, findings = [], []
            with connection.cursor() as cursor:
                cursor.execute("SELECT relname, reltuples FROM pg_class WHERE relkind = 'r'")
                rows = {name: tuples for name, tuples in cursor.fetchall()}
            for index, (sql, app_ms) in enumerate(log.queries, 1):
                lines += [f"## query {index}: {app_ms:.2f} ms in cursor.execute()", sql, ""]
                if sql.lstrip().upper().startswith("SELECT"):
                    with connection.cursor() as cursor:
                        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                        plan = "\n".join(row[0] for row in cursor.fetchall())
                    lines += [plan, ""]
                    for table in re.findall(r"Seq Scan on (\w+)", plan):
                        if rows.get(table, 0) > BIG_TABLE_ROWS:
                            findings.append(f"query {index}: sequential scan of {table} ({rows[table]:,.0f} rows)")
                    if (m := re.search(r"Execution Time: ([\d.]+) ms", plan)) and float(m.group(1)) > 1:
                        findings.append(f"query {index}: {m.group(1)} ms under EXPLAIN ANALYZE")
            Path(command["path"]).write_text("\n".join(lines), encoding="utf-8")
            answer = {"queries": len(log.queries), "findings": findings}
        elif kind == "quit":
            break
        else:
            raise ValueError(kind)
        protocol.write(json.dumps(answer, default=str) + "\n")


class Worker(JsonWorker):
    def __init__(self, database: str, *, redis: bool):
        self.database = database
        super().__init__(__file__, env=env_for(database, redis=redis), label=database)


# --------------------------------------------------------------------------- main


def percentiles(samples: list[float]) -> dict[str, float]:
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": q[49], "p95": q[94], "p99": q[98], "n": len(samples)}


def measure(args: argparse.Namespace) -> int:
    for database in (args.big, args.baseline):
        if not database_exists(database):
            raise SystemExit(f"{database} does not exist: build it with bench/reader_pages.py --build-only first")
    for database in (args.big, args.baseline):
        print(f"[{database}] migrate", flush=True)
        migrate(database)
    seed_comments(args.big, args.comments)
    if args.seed_only:
        print(describe_comments(args.big), sizes(args.big))
        return 0

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    keys = {"big": args.big, "small": args.baseline}
    workers = {key: Worker(database, redis=args.rate_limit == "redis") for key, database in keys.items()}
    samples: dict[str, dict[str, list[float]]] = {"big": {}, "small": {}}
    cpu: dict[str, dict[str, list[float]]] = {"big": {}, "small": {}}
    queries: dict[str, dict[str, Any]] = {"big": {}, "small": {}}
    plans: dict[str, Any] = {}
    try:
        setup = {key: worker.ask(cmd="setup", hot=args.hot) for key, worker in workers.items()}
        block = max(1, args.posts // args.rounds)
        print(
            f"\nposting {block * args.rounds} comments per mode and database after {args.warmup} warm-up, "
            f"in blocks of {block} taking turns",
            flush=True,
        )
        for mode in args.modes:
            for worker in workers.values():
                worker.ask(cmd="run", mode=mode, n=args.warmup)
            for _ in range(args.rounds):
                for key, worker in workers.items():
                    answer = worker.ask(cmd="run", mode=mode, n=block)
                    samples[key].setdefault(mode, []).extend(answer["ms"])
                    cpu[key].setdefault(mode, []).extend(answer["cpu_ms"])
            for key, worker in workers.items():
                queries[key][mode] = worker.ask(cmd="queries", mode=mode, n=10)
            b, s = percentiles(samples["big"][mode]), percentiles(samples["small"][mode])
            print(
                f"  {mode:<5} 10M: p50 {b['p50']:5.1f}  p95 {b['p95']:5.1f}  p99 {b['p99']:5.1f} ms | "
                f"baseline: p50 {s['p50']:5.1f}  p95 {s['p95']:5.1f}  p99 {s['p99']:5.1f} ms | "
                f"{queries['big'][mode]['count']} queries",
                flush=True,
            )
        if not args.no_explain:
            for key, database in keys.items():
                path = RESULTS / f"comment_post-plans-{database}-{args.rate_limit}.txt"
                plans[key] = workers[key].ask(cmd="explain", path=str(path)) | {"path": str(path)}
    finally:
        for worker in workers.values():
            worker.close()

    load = os.getloadavg()
    out = [
        f"## Posting a comment, PostgreSQL, {args.big} vs {args.baseline} ({datetime.now():%Y-%m-%d %H:%M}, "
        f"{os.cpu_count()} cores, load avg {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})",
        "",
        f"- {args.big}: {describe_comments(args.big)}; sizes {sizes(args.big)}",
        f"- {args.baseline}: {describe_comments(args.baseline)}; sizes {sizes(args.baseline)}",
        f"- posted to the {args.hot} newest articles; they held {setup['big']['comments_on_them']:,} comments "
        f"({args.big}) and {setup['small']['comments_on_them']:,} ({args.baseline}) at the start",
        "",
        f"- rate limiter: {RATE_LIMIT_LABELS[args.rate_limit]}",
        "",
        f"{block * args.rounds} posts per mode and database after {args.warmup} warm-up, one client, in-process, "
        "uncached; ms. CPU: median CPU time of the worker process per post. SQL and COMMIT: median time in "
        "cursor.execute() per post (COMMIT: the commits alone, which wait for the WAL flush).",
        "",
        f"| mode | 10M p50 | p95 | p99 | baseline p50 | p95 | p99 | p95 ratio | p95 < {TARGET_P95_MS:g} ms "
        "| CPU 10M / baseline | queries (commits) | SQL 10M / baseline | COMMIT 10M / baseline |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: | ---: | ---: |",
    ]
    rows = []
    for mode in args.modes:
        b, s = percentiles(samples["big"][mode]), percentiles(samples["small"][mode])
        ratio = b["p95"] / s["p95"]
        ok = b["p95"] < TARGET_P95_MS
        qb, qs = queries["big"][mode], queries["small"][mode]
        cb, cs = statistics.median(cpu["big"][mode]), statistics.median(cpu["small"][mode])
        rows.append(
            {"mode": mode, "big": b, "small": s, "ratio_p95": ratio, "ok": ok, "queries": qb, "cpu_ms": [cb, cs]}
        )
        label = "form POST, 303" if mode == "form" else "JSON POST, rendered comment"
        out.append(
            f"| {label} | {b['p50']:.1f} | {b['p95']:.1f} | {b['p99']:.1f} | {s['p50']:.1f} | {s['p95']:.1f} "
            f"| {s['p99']:.1f} | {ratio:.2f}x | {'yes' if ok else '**NO**'} | {cb:.1f} / {cs:.1f} "
            f"| {qb['count']} ({qb['commits']}) | {qb['sql_ms']:.1f} / {qs['sql_ms']:.1f} "
            f"| {qb['commit_ms']:.1f} / {qs['commit_ms']:.1f} |"
        )
    for key, plan in plans.items():
        out += ["", f"Plans ({keys[key]}): {plan['path']}; findings: {'; '.join(plan['findings']) or 'none'}"]
    report = "\n".join(out)
    print("\n" + report)
    base = RESULTS / f"comment_post-{args.rate_limit}-{stamp}"
    base.with_suffix(".md").write_text(report + "\n", encoding="utf-8")
    base.with_suffix(".json").write_text(
        json.dumps(
            {"rows": rows, "samples": samples, "cpu": cpu, "queries": queries, "plans": plans}, indent=1, default=str
        ),
        encoding="utf-8",
    )
    print(f"\nsaved {base}.md and .json")
    return 0 if all(row["ok"] for row in rows) or not args.strict else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--big", default=BIG_DB, help=f"the big database (default {BIG_DB})")
    parser.add_argument("--baseline", default=BASELINE_DB, help=f"the baseline database (default {BASELINE_DB})")
    parser.add_argument("--comments", type=int, default=10_000_000, help="comments the big database must hold")
    parser.add_argument("--seed-only", action="store_true", help="add the comments, print sizes, stop")
    parser.add_argument("--posts", type=int, default=400, help="measured posts per mode and database")
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=8, help="blocks each database takes turns with")
    parser.add_argument("--hot", type=int, default=HOT_ARTICLES, help="post to this many newest articles")
    parser.add_argument("--modes", nargs="+", default=["form", "json"], choices=["form", "json"])
    parser.add_argument(
        "--rate-limit",
        choices=sorted(RATE_LIMIT_LABELS),
        default="database",
        help="database: the embedded default (no REDIS_URL); redis: production's REDIS_URL (cache and limiter)",
    )
    parser.add_argument("--no-explain", action="store_true")
    parser.add_argument("--strict", action="store_true", help="exit 1 when p95 misses the target")
    args = parser.parse_args()
    if args.worker:
        worker_main()
        return 0
    return measure(args)


if __name__ == "__main__":
    sys.exit(main())
