"""The background sender: jobs run in order on one other thread, flush waits for them (or says it timed out),
a failing job is logged and the next one still runs, a full queue drops with an error instead of growing, and
a process that exits sends what it queued first."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

from tribune.accounts import mailer


def test_jobs_run_in_order_on_one_background_thread():
    seen: list[tuple[int, str]] = []
    for i in range(5):
        assert mailer.submit(lambda i=i: seen.append((i, threading.current_thread().name)))
    assert mailer.flush(timeout=10)
    assert [i for i, _ in seen] == [0, 1, 2, 3, 4]
    assert {name for _, name in seen} == {"tribune-mailer"}
    assert mailer.pending() == 0


def test_flush_says_when_it_timed_out():
    release = threading.Event()
    mailer.submit(lambda: release.wait(10))
    try:
        assert mailer.flush(timeout=0.2) is False
        assert mailer.pending() == 1
    finally:
        release.set()
    assert mailer.flush(timeout=10)


def test_a_failing_job_is_logged_and_the_next_still_runs(caplog):
    ran = threading.Event()

    def broken() -> None:
        raise RuntimeError("SMTP weg")

    with caplog.at_level(logging.ERROR, logger="tribune.accounts.mailer"):
        mailer.submit(broken)
        mailer.submit(ran.set)
        assert mailer.flush(timeout=10)
    assert ran.is_set()
    [record] = [r for r in caplog.records if r.name == "tribune.accounts.mailer"]
    assert record.message == "Background mail job failed"
    assert "SMTP weg" in str(record.exc_info[1])


def test_a_full_queue_drops_the_job_and_says_so(caplog):
    release, started = threading.Event(), threading.Event()
    ran: list[int] = []

    def blocker() -> None:
        started.set()
        release.wait(10)

    mailer.submit(blocker)
    assert started.wait(10)  # the worker holds the blocker, the queue itself is empty
    try:
        with caplog.at_level(logging.ERROR, logger="tribune.accounts.mailer"):
            accepted = [mailer.submit(lambda i=i: ran.append(i)) for i in range(mailer.MAX_QUEUED + 1)]
        assert accepted == [True] * mailer.MAX_QUEUED + [False]
        assert "a password-reset mail was dropped" in caplog.text
    finally:
        release.set()
    assert mailer.flush(timeout=30)
    assert ran == list(range(mailer.MAX_QUEUED))


def test_a_process_that_exits_sends_what_it_queued_first(tmp_path):
    """A real interpreter queues a slow job and ends at once: the exit hook waits for it (up to 10 seconds)."""
    done = tmp_path / "sent"
    script = (
        "import time\n"
        "from tribune.accounts import mailer\n"
        f"mailer.submit(lambda: (time.sleep(1), open({str(done)!r}, 'w').write('ja')))\n"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert done.read_text() == "ja"
