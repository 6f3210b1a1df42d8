"""One background thread per process that renders and sends the newsroom's password-reset mails.

Why: the reset page must answer a known and an unknown address in the same time, or its answer time says
whether an address has an account. Rendering and sending (an SMTP round trip, or a hanging server until
EMAIL_TIMEOUT) happened inside the request for known addresses only; now the request only queues a job of
plain data and the reader gets the same redirect at once. A job that fails is logged, never raised: the
reader's page does not depend on the mail.

Jobs must not touch the database: the worker has no request, no transaction of the request's, and on SQLite
a second connection writing beside the request's would only add lock waits. The request does the user look-up
(both paths do it) and hands over strings.

One thread, started on the first job (and again in a forked child, whose copy of the thread does not run);
the queue is bounded so a flood cannot grow memory without end (past it a job is dropped and logged; the
reset throttle keeps real traffic far below it). `flush(timeout)` waits until every queued job has finished
(tests, and an exit hook so a stopping app server sends what it accepted).
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
import time
from collections.abc import Callable

logger = logging.getLogger(__name__)

# Far above what the reset throttle lets through in one process; only a flood reaches it.
MAX_QUEUED = 1000
# At exit, how long a stopping process waits for queued mails (systemd's stop timeout is longer).
EXIT_FLUSH_SECONDS = 10.0

Job = Callable[[], None]

_lock = threading.Lock()
_done = threading.Condition(_lock)
_pending = 0  # jobs queued or running; guarded by _lock
_queue: queue.Queue[Job] = queue.Queue(maxsize=MAX_QUEUED)
_thread: threading.Thread | None = None
_thread_pid: int | None = None


def _run() -> None:
    global _pending
    while True:
        job = _queue.get()
        try:
            job()
        except Exception:
            # The job's own message names what failed; this is the net under it.
            logger.exception("Background mail job failed")
        finally:
            with _lock:
                _pending -= 1
                if _pending == 0:
                    _done.notify_all()


def _ensure_worker() -> None:
    """Start the thread, or start it again in a forked child. Called with _lock held."""
    global _thread, _thread_pid, _queue, _pending
    pid = os.getpid()
    if _thread is not None and _thread_pid == pid and _thread.is_alive():
        return
    if _thread_pid is not None and _thread_pid != pid:
        # A forked child inherits the parent's queue contents but not its thread: those jobs are the parent's.
        _queue = queue.Queue(maxsize=MAX_QUEUED)
        _pending = 0
    _thread = threading.Thread(target=_run, name="tribune-mailer", daemon=True)
    _thread_pid = pid
    _thread.start()


def submit(job: Job) -> bool:
    """Queue `job` for the worker thread; False (and an error logged) when the queue is full."""
    global _pending
    with _lock:
        _ensure_worker()
        try:
            _queue.put_nowait(job)
        except queue.Full:
            logger.error("Mail queue full (%d jobs): a password-reset mail was dropped", MAX_QUEUED)
            return False
        _pending += 1
    return True


def flush(timeout: float) -> bool:
    """Wait until every job queued so far has run; False when `timeout` seconds pass first."""
    deadline = time.monotonic() + timeout
    with _lock:
        while _pending:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not _done.wait(remaining):
                return _pending == 0
    return True


def pending() -> int:
    with _lock:
        return _pending


@atexit.register
def _flush_at_exit() -> None:
    if _thread is not None and _thread_pid == os.getpid() and not flush(EXIT_FLUSH_SECONDS):
        logger.error("Stopped with %d password-reset mails unsent", pending())
