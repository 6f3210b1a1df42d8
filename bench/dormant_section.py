#!/usr/bin/env python
"""A big section with no recent articles, on PostgreSQL at 1M: does its listing stay an index range scan?

    .venv/bin/python bench/dormant_section.py            # needs tribune_bench_1m (bench/reader_pages.py builds it)

The synthetic archive spreads every section evenly over time, so the planner's
guess that "the next article of section X is a few rows further down the date
index" is right there. Real sections are not even: a season ends, the Olympics
come every four years, a section is split. This copies `tribune_bench_1m` to a
throw-away database, moves the oldest N live articles (default 125,000, as big as
the other sections) into a new section "Olympische Spelen", runs VACUUM (ANALYZE),
then requests the section's page 1 and a deep cursor page with the app's own
code and prints, for the listing query, the time and the EXPLAIN (ANALYZE,
BUFFERS) plan. The copy is dropped at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://root@127.0.0.1:5432"
SLUG = "olympische-spelen"


def psql(sql: str, database: str = "postgres") -> str:
    return subprocess.run(
        ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", f"{SERVER}/{database}", "-c", sql],
        check=True,
        capture_output=True,
        text=True,
        timeout=1800,
    ).stdout.strip()


def inside(database: str, moved: int) -> None:
    """Runs in a child process whose settings point at the copy."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tribune.core.pagination import Cursor
    from tribune.newsroom.models import Article, Section

    section, _ = Section.objects.get_or_create(
        slug=SLUG, defaults={"name": "Olympische Spelen", "sort_order": 50, "show_on_home": False}
    )
    oldest = Article.objects.filter(live=True).order_by("first_published_at", "id").values("id")[:moved]
    updated = Article.objects.filter(id__in=oldest).update(section=section)
    print(f"moved the oldest {updated:,} live articles into /{SLUG}/", file=sys.stderr, flush=True)
    connection.close()
    subprocess.run(["psql", "-X", "-q", f"{SERVER}/{database}", "-c", "VACUUM (ANALYZE)"], check=True, timeout=1800)

    rows = Article.objects.filter(live=True, section=section).order_by("-first_published_at", "-id")
    date, pk = rows.values_list("first_published_at", "id")[min(19_980, updated - 21) - 1]
    client = Client()
    report = []
    for label, path in (("page 1", f"/{SLUG}/"), ("deep page", f"/{SLUG}/?na={Cursor(date, pk).encode()}")):
        client.get(path)  # warm
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        listing = max(captured.captured_queries, key=lambda q: float(q["time"]))
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {listing['sql']}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        removed = sum(int(n) for n in re.findall(r"Rows Removed by Filter: (\d+)", plan))
        report.append(
            {
                "page": label,
                "path": path,
                "status": response.status_code,
                "ms": round(elapsed, 1),
                "listing_query_ms": round(float(listing["time"]) * 1000, 1),
                "rows_removed_by_filter": removed,
                "plan": plan,
            }
        )
    print(json.dumps(report))


def main() -> int:
    if "--inside" in sys.argv:
        inside(sys.argv[2], int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", default="tribune_bench_1m", help="database to copy")
    parser.add_argument("--moved", type=int, default=125_000, help="oldest live articles moved to the new section")
    parser.add_argument("--keep", action="store_true", help="keep the copy (tribune_bench_dormant)")
    args = parser.parse_args()
    copy = "tribune_bench_dormant"
    psql(f'DROP DATABASE IF EXISTS "{copy}"')
    print(f"copying {args.source} to {copy} ...", flush=True)
    psql(f'CREATE DATABASE "{copy}" TEMPLATE "{args.source}"')
    try:
        env = dict(os.environ) | {
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "DATABASE_URL": f"{SERVER}/{copy}",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "TRIBUNE_DATA_DIR": str(ROOT / "bench" / "results" / "db" / "postgres-dormant"),
            "TRIBUNE_SCHEDULER": "false",
        }
        out = subprocess.run(
            [sys.executable, __file__, "--inside", copy, str(args.moved)],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        sys.stderr.write(out.stderr)
        report = json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        if not args.keep:
            with contextlib.suppress(subprocess.CalledProcessError):
                psql(f'DROP DATABASE IF EXISTS "{copy}"')
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "dormant_section.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    for item in report:
        print(
            f"\n== {item['page']} {item['path']}: HTTP {item['status']}, {item['ms']} ms "
            f"(listing query {item['listing_query_ms']} ms, {item['rows_removed_by_filter']:,} rows removed by filter)"
        )
        print(item["plan"])
    worst = max(item["ms"] for item in report)
    print(
        f"\n{'OK' if worst < 30 else 'SLOW'}: worst {worst} ms, a {args.moved:,}-article section with no new articles"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
