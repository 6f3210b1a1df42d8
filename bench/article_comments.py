#!/usr/bin/env python
"""Does an article with 500 comments render within 2x of one with none? Do counts on listings cost a query per teaser?

    .venv/bin/python bench/article_comments.py                  # SQLite, then PostgreSQL
    .venv/bin/python bench/article_comments.py --db sqlite      # one of them

For each database it builds a small throw-away site with the app's own services (migrate, 4 sections,
60 published articles; SQLite in bench/results/db/article-comments-sqlite/, PostgreSQL as database
`tribune_bench_comments`, dropped at the end unless --keep) and then:

1. Counts the queries of home, a section page and the archive (`/nieuws/`) while no article has a comment.
2. Adds comments through `comment_create` (post-moderation): 500 published on each of two articles (400
   top-level, 100 replies, 3 featured, likes from 300 readers), the replies spread over all 400 top-level
   comments on one and bunched on the 20 newest (so all of them show on the first page) on the other, and
   1 to 9 on every other article; then counts the listing queries again. Equal counts mean the reaction
   counts come with the listing query, not one query per teaser. It also checks that the listings print
   the counts.
3. Times the three article pages, identical but for the comments (same section, author and body), through
   Django's test Client, in-process, uncached: warm-up, then blocks taking turns. It prints p50/p95/p99,
   the comments shown, the queries per page, the HTML size, the p95 ratio to the page without comments
   against the target (within 2x), and the extra time per comment shown.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
PG_SERVER = "postgres://root@127.0.0.1:5432"
PG_NAME = "tribune_bench_comments"
DATA_ROOT = RESULTS / "db"  # TRIBUNE_DATA_DIR per database: the SQLite file, media
TARGET_RATIO = 2.0
COMMENTS = 500
REPLIES = 100
NONE = "0 comments"
SPREAD = f"{COMMENTS} comments, replies spread"
BUNCHED = f"{COMMENTS} comments, replies on the newest"

# --------------------------------------------------------------------------- parent


def data_dir(db: str) -> Path:
    return DATA_ROOT / f"article-comments-{db}"


def child_env(db: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        TRIBUNE_SCHEDULER="false",
        REDIS_URL="",
        PYTHONUNBUFFERED="1",
        TRIBUNE_DATA_DIR=str(data_dir(db)),
        DATABASE_URL=f"{PG_SERVER}/{PG_NAME}" if db == "postgres" else "",
    )
    return env


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", f"{PG_SERVER}/postgres", "-c", sql], check=True, timeout=300
    )


def fresh_database(db: str) -> None:
    shutil.rmtree(data_dir(db), ignore_errors=True)
    data_dir(db).mkdir(parents=True)
    if db == "postgres":
        psql(f'DROP DATABASE IF EXISTS "{PG_NAME}"')
        psql(f'CREATE DATABASE "{PG_NAME}"')
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=child_env(db), check=True, timeout=1800
    )


def drop_database(db: str) -> None:
    if db == "postgres":
        psql(f'DROP DATABASE IF EXISTS "{PG_NAME}"')
    shutil.rmtree(data_dir(db), ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    parser.add_argument("--db", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"])
    parser.add_argument("--requests", type=int, default=300, help="measured requests per page")
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--keep", action="store_true", help="keep the throw-away databases")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    if args.child:
        return child_main(args)

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    reports, results, failed = [], {}, False
    for db in args.db:
        print(f"[{db}] building the throw-away site", flush=True)
        fresh_database(db)
        try:
            out = subprocess.run(
                [
                    PYTHON,
                    __file__,
                    "--child",
                    db,
                    "--requests",
                    str(args.requests),
                    "--warmup",
                    str(args.warmup),
                    "--rounds",
                    str(args.rounds),
                ],
                cwd=ROOT,
                env=child_env(db),
                check=True,
                stdout=subprocess.PIPE,
                text=True,
                timeout=3600,
            )
        finally:
            if not args.keep:
                drop_database(db)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        results[db] = result
        reports.append(report(db, result))
        failed |= not result["ok"]
    load = os.getloadavg()
    text = (
        f"## Article with {COMMENTS} comments vs none ({datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, "
        f"load avg {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})\n\n" + "\n\n".join(reports)
    )
    print("\n" + text)
    base = RESULTS / f"article_comments-{stamp}"
    base.with_suffix(".md").write_text(text + "\n", encoding="utf-8")
    base.with_suffix(".json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"\nsaved {base}.md and .json")
    return 1 if failed and args.strict else 0


def report(db: str, r: dict[str, Any]) -> str:
    none = r["pages"][NONE]
    lines = [
        f"### {db}",
        "",
        f"{r['n']} requests per page after {r['warmup']} warm-up, one client, in-process, uncached; ms. "
        "Shown: comments on the page (the thread's first page with the first replies of each). CPU: the "
        "benchmark process's CPU time per request (on SQLite that includes the database).",
        "",
        "| article page | p50 | p95 | p99 | shown | queries | HTML kB | p95 ratio to none | CPU p50 (ratio) "
        "| per shown comment (p50) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, page in r["pages"].items():
        ratio = page["p95"] / none["p95"]
        verdict = "" if name == NONE else (" yes" if ratio < TARGET_RATIO else " **NO**")
        per = f"{(page['p50'] - none['p50']) / page['shown']:.2f} ms" if page["shown"] else ""
        lines.append(
            f"| {name} | {page['p50']:.1f} | {page['p95']:.1f} | {page['p99']:.1f} | {page['shown']} "
            f"| {page['queries']} | {page['bytes'] / 1024:.0f} | {ratio:.2f}x{verdict} "
            f"| {page['cpu_p50']:.1f} ({page['cpu_p50'] / none['cpu_p50']:.2f}x) | {per} |"
        )
    lines += [
        "",
        f"Within {TARGET_RATIO:g}x of the article without comments (p95): "
        + ("**yes**" if all(v < TARGET_RATIO for v in r["ratio_p95"].values()) else "**NO**"),
        "",
        "| listing | queries, no comments anywhere | queries, comments on every teaser | teasers with a count |",
        "| --- | ---: | ---: | --- |",
    ]
    for name, counts in r["listings"].items():
        lines.append(f"| {name} | {counts['before']} | {counts['after']} | {counts['counts_shown']} |")
    lines += [
        "",
        "Counts on listings cost no extra query per teaser: "
        + ("**yes**" if r["listings_ok"] else "**NO** (see the table)"),
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- child (one database)


def percentiles(samples: list[float]) -> dict[str, float]:
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": q[49], "p95": q[94], "p99": q[98]}


def child_main(args: argparse.Namespace) -> int:
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything else goes to stderr
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from tribune.engagement.models import ArticleEngagement, Comment, CommentStatus, ModerationMode
    from tribune.engagement.services import comment_create, comment_feature, comment_like
    from tribune.engagement.tests.factories import policy, reader
    from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory, published_article

    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0
    rules = policy(moderation_mode=ModerationMode.POST)
    now = timezone.now()
    sections = [SectionFactory(name=f"Rubriek {i}", slug=f"rubriek-{i}") for i in range(4)]
    authors = [AuthorFactory(name=f"Auteur {i}", slug=f"auteur-{i}") for i in range(3)]
    body = [
        {"type": "paragraph", "value": "<p>" + "Een alinea over de wedstrijd van gisteren. " * 12 + "</p>"},
        {"type": "subheading", "value": "De tweede helft"},
        {"type": "paragraph", "value": "<p>" + "Na de rust kantelde het duel volledig. " * 12 + "</p>"},
        {"type": "quote", "value": {"text": "We hebben er alles aan gedaan.", "attribution": "De trainer"}},
        {"type": "paragraph", "value": "<p>" + "De supporters gingen tevreden naar huis. " * 8 + "</p>"},
    ]
    articles = []
    for i in range(60):
        articles.append(
            published_article(
                headline=f"Artikel {i}: de ploeg wint opnieuw",
                section=sections[i % len(sections)],
                authors=[authors[i % len(authors)]],
                body=body,
                published_at=now - timedelta(minutes=10 * i + 5),
            )
        )
    # Three twins in the same section, by the same author: only the comments differ.
    quiet, spread, bunched = articles[4], articles[16], articles[28]
    print(f"[{connection.vendor}] {len(articles)} articles", file=sys.stderr, flush=True)

    client = Client(raise_request_exception=True)
    listings = {
        "home": "/",
        "section page": sections[0].get_absolute_url(),
        "archive (/nieuws/)": "/nieuws/",
    }

    def queries(path: str) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return len(captured), response.content.decode()

    client.get("/")  # caches, site settings
    before = {name: queries(path)[0] for name, path in listings.items()}

    # --- comments
    started = time.monotonic()

    def thread(article: Any, *, replies_on_newest: int | None) -> None:
        """COMMENTS published: top-level ones, then REPLIES replies, on the newest `replies_on_newest` top-level
        comments (so they all show on the first page) or spread over all of them (None)."""
        top = []
        for i in range(COMMENTS - REPLIES):
            outcome = comment_create(
                article=article,
                author_name=f"Lezer {i}",
                body=f"Reactie {i}: " + "Wat een ontknoping, en wat een sfeer in het stadion. " * (1 + i % 4),
                reader=reader(f"lezer-{article.pk}-{i}"),
                policy=rules,
            )
            top.append(outcome.comment)
        targets = top[-replies_on_newest:] if replies_on_newest else top
        for i in range(REPLIES):
            comment_create(
                article=article,
                author_name=f"Antwoorder {i}",
                body=f"Antwoord {i}: daar ben ik het niet mee eens.",
                reader=reader(f"antwoorder-{article.pk}-{i}"),
                policy=rules,
                parent=targets[(i * 7) % len(targets)],
            )
        for comment in top[:3]:
            comment_feature(comment=comment)
        for i in range(300):
            comment_like(comment=top[-1 - (i % 40)], reader=reader(f"fan-{article.pk}-{i}"))
        assert Comment.objects.filter(article=article, status=CommentStatus.PUBLISHED).count() == COMMENTS
        assert ArticleEngagement.objects.get(pk=article.pk).reaction_count == COMMENTS

    thread(spread, replies_on_newest=None)
    thread(bunched, replies_on_newest=20)
    for index, article in enumerate(articles):
        if article.pk in (quiet.pk, spread.pk, bunched.pk):
            continue
        for j in range(1 + index % 9):
            comment_create(
                article=article,
                author_name="Lezer",
                body=f"Korte reactie {j} bij artikel {article.pk}.",
                reader=reader(f"kort-{article.pk}-{j}"),
                policy=rules,
            )
    assert not Comment.objects.filter(article=quiet).exists()
    print(f"[{connection.vendor}] comments in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)

    # --- listings again: same query count, and the counts printed
    listing_result: dict[str, Any] = {}
    for name, path in listings.items():
        count, html = queries(path)
        shown_counts = [int(n) for n in re.findall(r'class="reactions" title="(\d+) reacties?"', html)]
        listing_result[name] = {
            "before": before[name],
            "after": count,
            "counts_shown": f"{sum(1 for n in shown_counts if n)} of {len(shown_counts)} shown non-zero",
        }
    listings_ok = all(v["before"] == v["after"] for v in listing_result.values())
    home_html = client.get("/").content.decode()
    listings_ok &= f'title="{COMMENTS} reacties"' in home_html  # a busy article's teaser shows its count

    # --- the article pages
    paths = {NONE: quiet.get_absolute_url(), SPREAD: spread.get_absolute_url(), BUNCHED: bunched.get_absolute_url()}
    html = {name: client.get(path).content for name, path in paths.items()}
    samples: dict[str, list[float]] = {name: [] for name in paths}
    cpu: dict[str, list[float]] = {name: [] for name in paths}

    def timed(path: str, name: str | None = None) -> float:
        cpu_started, started = time.process_time(), time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200
        if name is not None:  # CPU time of this process: what the load of others does not stretch
            cpu[name].append((time.process_time() - cpu_started) * 1000)
        return elapsed

    for path in paths.values():
        for _ in range(args.warmup):
            timed(path)
    block = max(1, args.requests // args.rounds)
    for _ in range(args.rounds):
        for name, path in paths.items():
            samples[name].extend(timed(path, name) for _ in range(block))
    pages = {}
    for name, path in paths.items():
        pages[name] = percentiles(samples[name]) | {
            "cpu_p50": statistics.median(cpu[name]),
            "queries": queries(path)[0],
            "bytes": len(html[name]),
            "shown": len(re.findall(rb'id="reactie-\d+"', html[name])),
        }
    ratios = {name: pages[name]["p95"] / pages[NONE]["p95"] for name in (SPREAD, BUNCHED)}
    result = {
        "vendor": connection.vendor,
        "n": block * args.rounds,
        "warmup": args.warmup,
        "pages": pages,
        "ratio_p95": ratios,
        "listings": listing_result,
        "listings_ok": listings_ok,
        "ok": all(ratio < TARGET_RATIO for ratio in ratios.values()) and listings_ok,
        "samples": samples,
    }
    protocol.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
