"""A benchmark's worker process: the same script run with `--worker`, its own settings in its environment,
answering one JSON command per line. Each database gets one, so both sizes run side by side."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class JsonWorker:
    def __init__(self, script: str, *, env: dict[str, str], label: str):
        self.label = label
        self.process = subprocess.Popen(
            [sys.executable, script, "--worker"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def ask(self, **command: Any) -> Any:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"worker for {self.label} died (see stderr above)")
        return json.loads(line)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ask(cmd="quit")
        with contextlib.suppress(Exception):
            self.process.wait(timeout=10)
        if self.process.poll() is None:
            self.process.kill()
