"""Peak memory of `manage.py tribune_export` at 10k, 100k and 1M articles: it should stay flat.

    .venv/bin/python bench/export_memory.py                      # PostgreSQL, 10k 100k 1M
    .venv/bin/python bench/export_memory.py --db sqlite --articles 10000 100000

Databases are bench/reader_pages.py's (`tribune_bench_<size>` on 127.0.0.1:5432, or
bench/results/db/sqlite-<size>/): reused when they exist (whatever other benchmarks added to them: the
live count is reported), built when missing (a 1M build takes 6-18 minutes). Each export runs as its own
process; its peak resident set (ru_maxrss from wait4) is the figure. The same for `manage.py shell -c pass`
gives what Django and Wagtail cost before the export reads a row.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from datetime import datetime

# bench/reader_pages.py, beside this script: the same databases.
from reader_pages import PYTHON, RESULTS, ROOT, Target, _manage, ensure_database, live_article_count


def ensure_size(target: Target) -> int:
    """Build the database when it does not exist; never drop one that does (other benchmarks add articles to
    them, and a 1M build takes up to 18 minutes). Returns the live articles it holds."""
    count = live_article_count(target)
    if count is None:
        ensure_database(target)
        return target.articles
    print(f"[{target.db} {target.label}] reusing: {count:,} live articles", flush=True)
    _manage(target, "migrate", "--noinput", "-v0", timeout=1800)
    return count


def run_measured(target: Target, *args: str) -> tuple[float, float, str]:
    """Run manage.py in a child process: (peak RSS in MB, seconds, stdout)."""
    started = time.monotonic()
    process = subprocess.Popen(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=target.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    # wait4 gives this child's own rusage; read its output afterwards (exports print a few lines only).
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    stdout = process.stdout.read().decode() if process.stdout else ""
    stderr = process.stderr.read().decode() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed ({process.returncode}):\n{stderr[-2000:]}")
    return usage.ru_maxrss / 1024, seconds, stdout  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--keep", action="store_true", help="keep the archives in bench/results/")
    args = parser.parse_args()

    data_root = RESULTS / "db"
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = []
    for count in sorted(args.articles):
        target = Target(args.db, count, data_root)
        live = ensure_size(target)
        archive = RESULTS / f"export-{args.db}-{target.label}.zip"
        baseline_mb, _, _ = run_measured(target, "shell", "-v0", "-c", "pass")
        peak_mb, seconds, out = run_measured(target, "tribune_export", str(archive))
        match = re.search(r"(\d[\d,]*) rows", out)
        row = {
            "articles": live,
            "rows": int(match.group(1).replace(",", "")) if match else None,
            "peak_rss_mb": round(peak_mb, 1),
            "startup_rss_mb": round(baseline_mb, 1),
            "seconds": round(seconds, 1),
            "archive_mb": round(archive.stat().st_size / 1e6, 1),
        }
        rows.append(row)
        print(
            f"[{args.db} {target.label}] peak RSS {row['peak_rss_mb']} MB (startup {row['startup_rss_mb']} MB), "
            f"{row['rows']:,} rows in {row['seconds']} s, archive {row['archive_mb']} MB",
            flush=True,
        )
        if not args.keep:
            archive.unlink()

    smallest = rows[0]
    print(
        f"\n{'articles':>10} {'rows':>11} {'peak RSS MB':>12} {'x smallest':>11} {'startup MB':>11} {'s':>8} {'MB':>8}"
    )
    for row in rows:
        ratio = row["peak_rss_mb"] / smallest["peak_rss_mb"]
        print(
            f"{row['articles']:>10,} {row['rows'] or 0:>11,} {row['peak_rss_mb']:>12} {ratio:>11.2f} "
            f"{row['startup_rss_mb']:>11} {row['seconds']:>8} {row['archive_mb']:>8}"
        )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    report = RESULTS / f"export_memory-{args.db}-{stamp}.json"
    report.write_text(json.dumps({"db": args.db, "python": sys.version, "rows": rows}, indent=2), encoding="utf-8")
    print(f"\nSaved {report.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
