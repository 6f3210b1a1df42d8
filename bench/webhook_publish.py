#!/usr/bin/env python
"""Does publishing with 10 registered webhooks take as long as with none?

    .venv/bin/python bench/webhook_publish.py                      # SQLite, 1,000 articles, about a minute
    .venv/bin/python bench/webhook_publish.py --db postgres --drop # PostgreSQL, then drop the bench database
    .venv/bin/python bench/webhook_publish.py --articles 1000000   # the issue's size (a 1M build takes minutes)

Publishing must never wait for a receiver: it only writes one delivery row per matching active webhook after the
commit (one SELECT of the webhooks, one INSERT), and the scheduler tick sends them. So "no longer than with none"
cannot mean zero extra cost, only none an editor notices. The threshold, per percentile: 10 webhooks / none
<= 1.10 (alternating blocks on a shared 2-core machine still differ by a few percent) or a difference under 5 ms
(far below what an editor notices in a publish that takes tens of milliseconds). The verdict is on p50 and p95;
p99 is printed and marked too, but with 800 samples it is the eighth-slowest and mostly machine noise.

The database is built with `manage.py migrate` + `manage.py tribune_generate_articles N`, or reused when it holds
exactly N live articles (the helpers of bench/reader_pages.py): PostgreSQL `tribune_bench_webhooks` on
127.0.0.1:5432 (`--pg-name`), SQLite under bench/results/db/webhooks/ (TRIBUNE_DATA_DIR). Publishing re-publishes
live articles, so the live count, and with it reuse, stays.

One worker process (its own settings, TRIBUNE_WEBHOOKS_ALLOW_PRIVATE=true, scheduler off) publishes the newest
`--hot` live articles in turn on the Wagtail admin's code path: load the article, then `save_revision()` and the
revision's `publish()`, here in one transaction as `newsroom.services.article_publish` does; its commit runs the
on_commit hooks that queue the deliveries. The timer covers all of it. The two modes take turns in blocks (ten
first in even rounds, none first in odd ones), so load from others hits both alike. Mode "none": the webhook
table is empty. Mode "ten": `--hooks` active webhooks for every event, pointing at a real HTTP receiver on
127.0.0.1 (a thread of this process).

It cannot pass by doing nothing: after every block it counts the delivery rows that block queued (one per
webhook and publish, none without webhooks); after the timed part one delivery pass (`deliver_due()`, what a
scheduler tick and `tribune_deliver_webhooks --once` run) must send the first 50 of the last block's deliveries,
and the receiver must get exactly those POSTs, each signed with its webhook's secret. A failed check exits 2.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reader_pages import RESULTS, ROOT, Target, _psql, ensure_database, percentiles, timed  # beside this script
from workers import JsonWorker

PG_DATABASE = "tribune_bench_webhooks"
MODES = ("none", "ten")
THRESHOLD_RATIO = 1.10
THRESHOLD_MS = 5.0
JUDGED = ("p50", "p95")


@dataclass
class WebhookTarget(Target):
    """reader_pages' database, under its own PostgreSQL name and SQLite folder (publishing changes it)."""

    pg_database: str = PG_DATABASE

    @property
    def pg_name(self) -> str:
        return self.pg_database

    def env(self) -> dict[str, str]:
        return super().env() | {"TRIBUNE_WEBHOOKS_ALLOW_PRIVATE": "true"}


# --------------------------------------------------------------------------- worker


def worker_main() -> None:
    """Serve commands from the parent, one JSON line each; answers go to the original stdout."""
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything Django prints goes to stderr
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import logging

    # Wagtail logs two INFO lines per publish; to the terminal they would only slow both modes alike.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection, connections, transaction
    from django.test.utils import CaptureQueriesContext

    from tribune.newsroom.models import Article
    from tribune.webhooks import services
    from tribune.webhooks.delivery import deliver_due
    from tribune.webhooks.models import DeliveryStatus, Webhook, WebhookDelivery

    assert settings.TRIBUNE_WEBHOOKS_ALLOW_PRIVATE, "the receiver is on 127.0.0.1"

    # Time the queueing itself inside each publish's on_commit hook, and its parts: the statements by their first
    # word (SELECT of the webhooks; BEGIN, INSERT of the rows) and the commit of the INSERT's own transaction
    # (the publish's transaction has committed by then). Commits do not pass through execute wrappers.
    plain_enqueue = services.deliveries_enqueue
    enqueue_ms: list[float] = []
    enqueue_parts: list[dict[str, float]] = []
    current: dict[str, float] | None = None

    def log_statement(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            if current is not None:
                word = sql.split(None, 1)[0].lower()
                current[word] = current.get(word, 0.0) + (time.perf_counter() - started) * 1000

    wrapper = connections["default"]
    plain_commit = wrapper._commit

    def timed_commit() -> Any:
        started = time.perf_counter()
        try:
            return plain_commit()
        finally:
            if current is not None:
                current["commit"] = current.get("commit", 0.0) + (time.perf_counter() - started) * 1000

    wrapper._commit = timed_commit

    def timed_enqueue(**kwargs: Any) -> Any:
        nonlocal current
        current = {}
        started = time.perf_counter()
        try:
            with connection.execute_wrapper(log_statement):
                return plain_enqueue(**kwargs)
        finally:
            enqueue_ms.append((time.perf_counter() - started) * 1000)
            enqueue_parts.append(current)
            current = None

    services.deliveries_enqueue = timed_enqueue

    editor, _ = get_user_model().objects.get_or_create(
        username="bench-webhooks", defaults={"is_staff": True, "is_superuser": True}
    )
    hot: list[int] = []
    turn = 0

    def publish() -> float:
        """One "Publiceren" of the next hot article, as the admin does it; ms including commit and on_commit."""
        nonlocal turn
        pk = hot[turn % len(hot)]
        turn += 1
        started = time.perf_counter()
        article = Article.objects.get(pk=pk)
        with transaction.atomic():
            revision = article.save_revision(user=editor, log_action=True)
            revision.publish(user=editor)
        return (time.perf_counter() - started) * 1000

    for line in sys.stdin:
        command = json.loads(line)
        kind = command["cmd"]
        if kind == "setup":
            live = Article.objects.filter(live=True)
            hot = list(live.order_by("-first_published_at", "-id").values_list("pk", flat=True)[: command["hot"]])
            answer: Any = {"vendor": connection.vendor, "live": live.count(), "hot": len(hot)}
        elif kind == "mode":
            # Start from an empty log: the previous block's rows were counted already.
            WebhookDelivery.objects.all().delete()
            Webhook.objects.all().delete()
            hooks = [
                Webhook.objects.create(url=f"{command['url']}/{i}", description=f"bench {i}")
                for i in range(command["hooks"])
            ]
            answer = {"hooks": len(hooks)}
        elif kind == "run":
            enqueue_ms.clear()
            enqueue_parts.clear()
            pending = WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING)
            before = pending.count()
            ms = timed(publish, command["n"], command["budget"])
            queued = pending.count() - before
            events = sorted(set(WebhookDelivery.objects.values_list("event", flat=True)))
            answer = {
                "ms": ms,
                "queued": queued,
                "events": events,
                "enqueue_ms": list(enqueue_ms),
                "enqueue_parts": list(enqueue_parts),
            }
        elif kind == "queries":
            counts = []
            for _ in range(command["n"]):
                with CaptureQueriesContext(connection) as captured:
                    publish()
                counts.append(len(captured.captured_queries))
            answer = {"min": min(counts), "max": max(counts)}
        elif kind == "deliver":
            waiting = WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING).count()
            attempted = deliver_due()
            settled = WebhookDelivery.objects.filter(attempts__gt=0)
            answer = {
                "pending_before": waiting,
                "attempted": attempted,
                # delivery id -> its webhook's secret, to check the signatures the receiver got
                "succeeded": {
                    str(uuid): secret
                    for uuid, secret in settled.filter(status=DeliveryStatus.SUCCEEDED).values_list(
                        "uuid", "webhook__secret"
                    )
                },
                "other": list(settled.exclude(status=DeliveryStatus.SUCCEEDED).values("status", "last_error")[:5]),
            }
        elif kind == "cleanup":
            WebhookDelivery.objects.all().delete()
            Webhook.objects.all().delete()
            answer = {}
        elif kind == "quit":
            break
        else:
            raise ValueError(kind)
        protocol.write(json.dumps(answer, default=str) + "\n")


# --------------------------------------------------------------------------- parent


def verify_received(requests: list[Any], succeeded: dict[str, str]) -> list[str]:
    """Problems with what the receiver got: one POST per delivered row, signed with its webhook's secret."""
    sys.path.insert(0, str(ROOT))
    from tribune.webhooks.signing import verify_signature

    problems = []
    if len(requests) != len(succeeded):
        problems.append(f"receiver got {len(requests)} POSTs for {len(succeeded)} delivered rows")
    seen = set()
    for request in requests:
        headers = request.headers
        delivery = headers.get("X-Tribune-Delivery", "")
        seen.add(delivery)
        secret = succeeded.get(delivery)
        if secret is None or not verify_signature(
            secret=secret,
            timestamp=headers.get("X-Tribune-Timestamp", ""),
            body=request.body,
            signature=headers.get("X-Tribune-Signature", ""),
        ):
            problems.append(f"bad signature or unknown delivery {delivery}")
        if json.loads(request.body).get("id") != delivery:
            problems.append(f"payload id differs from X-Tribune-Delivery {delivery}")
    if seen != set(succeeded):
        problems.append("the delivery ids received differ from the rows marked delivered")
    return problems


def receiver() -> Any:
    """The tests' HTTP receiver on 127.0.0.1 (a thread in this process), answering 200."""
    sys.path.insert(0, str(ROOT))
    from tribune.webhooks.tests.receiver import receiver as loopback

    return loopback()


def measure(args: argparse.Namespace) -> int:
    target = WebhookTarget(args.db, args.articles, Path(args.data_root).resolve(), pg_database=args.pg_name)
    ensure_database(target)
    rounds = args.rounds + args.rounds % 2  # even: the last block has webhooks, for the delivery pass
    block = max(1, args.publishes // rounds)
    samples: dict[str, list[float]] = {mode: [] for mode in MODES}
    enqueue: dict[str, list[float]] = {mode: [] for mode in MODES}
    parts: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
    queued: dict[str, int] = {mode: 0 for mode in MODES}
    queries: dict[str, dict[str, int]] = {}
    problems: list[str] = []
    load_before = os.getloadavg()
    started = time.monotonic()

    with receiver() as sink:
        worker = JsonWorker(__file__, env=target.env(), label=f"{target.db} {target.label}")
        try:
            setup = worker.ask(cmd="setup", hot=args.hot)

            def switch(mode: str) -> None:
                worker.ask(cmd="mode", hooks=args.hooks if mode == "ten" else 0, url=sink.url)

            def run(mode: str, n: int, budget: float, keep: bool) -> None:
                answer = worker.ask(cmd="run", n=n, budget=budget)
                expected = len(answer["ms"]) * (args.hooks if mode == "ten" else 0)
                if answer["queued"] != expected:
                    problems.append(f"{mode}: {answer['queued']} deliveries queued for {len(answer['ms'])} publishes")
                if mode == "ten" and answer["events"] != ["article.updated"]:
                    problems.append(f"events queued: {answer['events']}")
                if keep:
                    samples[mode] += answer["ms"]
                    enqueue[mode] += answer["enqueue_ms"]
                    parts[mode] += answer["enqueue_parts"]
                    queued[mode] += answer["queued"]

            print(
                f"\n[{target.db} {target.label}] {setup['live']:,} live articles; publishing the {setup['hot']} newest "
                f"in turn: {args.warmup} warm-up, then {rounds} rounds of {block} per mode",
                flush=True,
            )
            for mode in MODES:
                switch(mode)
                run(mode, args.warmup, args.budget / 4, keep=False)
                queries[mode] = worker.ask(cmd="queries", n=5)
            for index in range(rounds):
                for mode in ("ten", "none") if index % 2 == 0 else ("none", "ten"):
                    switch(mode)
                    run(mode, block, args.budget / rounds, keep=True)
                p = {mode: statistics.median(samples[mode]) for mode in MODES}
                print(
                    f"  round {index + 1}/{rounds}: p50 so far: none {p['none']:.1f} ms, ten {p['ten']:.1f} ms",
                    flush=True,
                )

            # The last block had webhooks: its rows are still pending. One delivery pass must send them.
            delivered = worker.ask(cmd="deliver")
            problems += verify_received(sink.requests, delivered["succeeded"])
            if not delivered["succeeded"] or delivered["other"]:
                problems.append(f"delivery pass: {delivered}")
            worker.ask(cmd="cleanup")
        finally:
            worker.close()
        received = len(sink.requests)

    if args.drop:
        drop(target)

    # ---- report
    stats = {mode: percentiles(samples[mode]) for mode in MODES}
    rows = []
    for key in ("p50", "p95", "p99"):
        none, ten = stats["none"][key], stats["ten"][key]
        ratio, difference = ten / none, ten - none
        ok = ratio <= THRESHOLD_RATIO or difference < THRESHOLD_MS
        rows.append({"percentile": key, "none": none, "ten": ten, "ratio": ratio, "difference": difference, "ok": ok})
    passed = all(row["ok"] for row in rows if row["percentile"] in JUDGED) and not problems
    load = os.getloadavg()
    out = [
        f"## Publishing with {args.hooks} webhooks vs none, {target.db}, {setup['live']:,} live articles "
        f"({datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, load avg {load_before[0]:.2f} before, "
        f"{load[0]:.2f} after, {time.monotonic() - started:.0f} s)",
        "",
        f"{stats['none']['n']} / {stats['ten']['n']} publishes (none / {args.hooks} webhooks) after {args.warmup} "
        f"warm-up each, in {rounds} alternating blocks; the {setup['hot']} newest articles in turn; ms per publish "
        "(load, save_revision, publish, commit, on_commit hooks). PASS: ratio <= "
        f"{THRESHOLD_RATIO:.2f} or difference < {THRESHOLD_MS:g} ms.",
        "",
        f"| | no webhooks | {args.hooks} webhooks | ratio | difference | PASS |",
        "| --- | ---: | ---: | ---: | ---: | :---: |",
    ]
    for row in rows:
        out.append(
            f"| {row['percentile']} | {row['none']:.1f} | {row['ten']:.1f} | {row['ratio']:.2f}x "
            f"| {row['difference']:+.1f} | {'PASS' if row['ok'] else '**NO**'} |"
        )
    enqueue_median = {mode: statistics.median(enqueue[mode]) if enqueue[mode] else 0.0 for mode in MODES}

    def breakdown(mode: str) -> str:
        words = sorted({word for sample in parts[mode] for word in sample})
        return ", ".join(
            f"{word} {statistics.median(sample.get(word, 0.0) for sample in parts[mode]):.2f}" for word in words
        )

    out += [
        "",
        f"- queries per publish: none {queries['none']['min']}–{queries['none']['max']}, "
        f"{args.hooks} webhooks {queries['ten']['min']}–{queries['ten']['max']}",
        f"- queueing (`deliveries_enqueue`: webhooks SELECT + INSERT, in the on_commit hook), median: "
        f"none {enqueue_median['none']:.2f} ms ({breakdown('none')}), {args.hooks} webhooks "
        f"{enqueue_median['ten']:.2f} ms ({breakdown('ten')}); medians per part, in ms",
        f"- deliveries queued during the timed blocks: {queued['ten']:,} with webhooks "
        f"({args.hooks} per publish), {queued['none']} without",
        f"- delivery pass after the timing: {delivered['attempted']} attempted of {delivered['pending_before']} "
        f"pending, {len(delivered['succeeded'])} delivered; the receiver got {received} signed POSTs",
        f"- checks: {'; '.join(problems) if problems else 'all passed'}",
        "",
        f"**{'PASS' if passed else 'NO'}** (judged on {' and '.join(JUDGED)})",
    ]
    report = "\n".join(out)
    print("\n" + report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    base = RESULTS / f"webhook_publish-{target.db}-{target.label}-{datetime.now():%Y%m%d-%H%M%S}"
    base.with_suffix(".md").write_text(report + "\n", encoding="utf-8")
    base.with_suffix(".json").write_text(
        json.dumps(
            {"rows": rows, "samples": samples, "enqueue_ms": enqueue, "enqueue_parts": parts, "queries": queries},
            indent=1,
        ),
        encoding="utf-8",
    )
    print(f"\nsaved {base}.md and .json")
    if problems:
        return 2
    return 1 if args.strict and not passed else 0


def drop(target: WebhookTarget) -> None:
    if target.db == "postgres":
        _psql(f'DROP DATABASE IF EXISTS "{target.pg_name}"')
        print(f"dropped {target.pg_name}")
    else:
        shutil.rmtree(target.data_dir, ignore_errors=True)
        print(f"removed {target.data_dir}")


def main() -> int:
    if "--worker" in sys.argv:
        worker_main()
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--articles", type=int, default=1_000, help="live articles in the bench database")
    parser.add_argument("--hooks", type=int, default=10, help="active webhooks in the measured mode")
    parser.add_argument("--publishes", type=int, default=800, help="measured publishes per mode")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured publishes per mode first")
    parser.add_argument("--rounds", type=int, default=8, help="blocks per mode, taking turns (made even)")
    parser.add_argument("--hot", type=int, default=50, help="publish the newest this many articles in turn")
    parser.add_argument("--budget", type=float, default=60, help="seconds per mode at most (fewer publishes)")
    parser.add_argument("--pg-name", default=PG_DATABASE, help="PostgreSQL database (built when needed)")
    parser.add_argument("--data-root", default=str(RESULTS / "db" / "webhooks"), help="where the SQLite db goes")
    parser.add_argument("--drop", action="store_true", help="drop the bench database afterwards")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the verdict is NO")
    args = parser.parse_args()
    return measure(args)


if __name__ == "__main__":
    sys.exit(main())
