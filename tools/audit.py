"""`make audit`: Lighthouse 12 (mobile) on a demo-like Tribune, per reader page type.

Builds a throw-away SQLite site (the demo newsroom when its fixture exists, otherwise
300 generated articles), serves it with `manage.py tribune_serve` (granian, as in
production) on a free loopback port, runs Lighthouse with Debian's Chromium on the
home page, an article and a section page, and prints per page the four category
scores, LCP, the bytes transferred before images and the JavaScript bytes, and per run
the LCP, its element and Lighthouse's split of it (TTFB, load delay, load time, render
delay).

    .venv/bin/python tools/audit.py [--runs 3] [--keep DIR] [--strict] [--json FILE]

Targets (see the issue): 100 in every category, LCP under 1.0 s on every run, under
50 KB before images, under 8 KB of JavaScript. Scores and bytes are the median run's
(by performance score); the LCP target is checked on the worst run. --strict exits 1
when a target is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
sys.path.insert(0, str(ROOT))  # run as a script from the project root
from tribune.tests.chromium import CHROMIUM as DEFAULT_CHROMIUM  # noqa: E402
from tribune.tests.chromium import CHROMIUM_FLAGS  # noqa: E402

DEMO_FIXTURE = ROOT / "tribune" / "newsroom" / "demo" / "demo_newsroom.json"
CHROMIUM = os.environ.get("CHROME_PATH", str(DEFAULT_CHROMIUM))
CHROME_FLAGS = ["--headless=new", *CHROMIUM_FLAGS]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"score": 100, "lcp_ms": 1000, "before_images_kb": 50, "js_kb": 8}


@dataclass
class Result:
    page: str
    url: str
    scores: dict[str, int]
    lcp_ms: float
    before_images: int
    js: int
    total: int
    failing: list[str]
    lcp_element: str = ""
    lcp_phases: dict[str, float] = field(default_factory=dict)
    lcp_worst_ms: float = 0.0  # the slowest of all runs of this page (set by main)

    def misses(self) -> list[str]:
        missed = [f"{name} {score}" for name, score in self.scores.items() if score < TARGETS["score"]]
        if max(self.lcp_ms, self.lcp_worst_ms) >= TARGETS["lcp_ms"]:
            missed.append(f"LCP {max(self.lcp_ms, self.lcp_worst_ms):.0f} ms (worst run)")
        if self.before_images >= TARGETS["before_images_kb"] * 1024:
            missed.append(f"{self.before_images / 1024:.1f} KB before images")
        if self.js >= TARGETS["js_kb"] * 1024:
            missed.append(f"{self.js / 1024:.1f} KB JS")
        return missed


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def manage(*args: str, env: dict[str, str]) -> None:
    with open(Path(env["TRIBUNE_DATA_DIR"]) / "audit-setup.log", "a", encoding="utf-8") as log:
        command = [PYTHON, "manage.py", *args]
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=log, stderr=log, timeout=1800)


def prepare_site(data_dir: Path, env: dict[str, str]) -> str:
    marker = data_dir / "audit-content.txt"
    if marker.exists():
        return marker.read_text(encoding="utf-8")
    manage("migrate", "--noinput", "-v0", env=env)
    if DEMO_FIXTURE.exists():
        print("audit: loading the demo newsroom ...", flush=True)
        manage("tribune_load_demo", env=env)
        content = "demo newsroom"
    else:
        print("audit: no demo fixture yet; generating 300 articles ...", flush=True)
        manage("tribune_generate_articles", "300", env=env)
        content = "300 generated articles"
    marker.write_text(content, encoding="utf-8")
    return content


@contextlib.contextmanager
def serve(env: dict[str, str], port: int):
    process = subprocess.Popen(
        [PYTHON, "manage.py", "tribune_serve"],
        cwd=ROOT,
        env=env | {"TRIBUNE_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError):
                status, _ = get(port, "/")
                if status == 200:
                    break
            if process.poll() is not None:
                raise RuntimeError("tribune_serve exited before answering")
            if time.monotonic() > deadline:
                raise RuntimeError("tribune_serve did not answer within 60 s")
            time.sleep(0.3)
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=10)


def get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def pick_pages(port: int) -> dict[str, str]:
    """Home, the newest article in "Meest recent", the first section in the navigation."""
    _, html = get(port, "/")
    article = re.search(r'class="recent__link" href="(/[-a-z0-9]+/[-a-z0-9]+-[0-9]+/)"', html)
    section = re.search(r'class="[^"]*site-nav__list[^"]*">\s*<li><a href="(/[-a-z0-9]+/)"', html)
    if not article or not section:
        raise RuntimeError("could not find an article and a section link on the home page")
    return {"home": "/", "article": article.group(1), "section": section.group(1)}


def lighthouse(url: str, out: Path, attempts: int = 3) -> dict:
    """One Lighthouse run; Chromium occasionally fails to start or loses its target: try again."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--quiet",
    ]
    for attempt in range(1, attempts + 1):
        try:
            result = subprocess.run(
                command,
                cwd=ROOT,
                env=os.environ | {"CHROME_PATH": CHROMIUM},
                capture_output=True,
                text=True,
                timeout=180,
                check=False,
            )
        except subprocess.TimeoutExpired:
            problem = "timed out after 180 s"
        else:
            if result.returncode == 0:
                report = json.loads(out.read_text(encoding="utf-8"))
                if not report.get("runtimeError"):
                    return report
                problem = str(report["runtimeError"])
            else:
                problem = (result.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"audit: Lighthouse attempt {attempt} on {url} failed: {problem}", file=sys.stderr, flush=True)
    raise RuntimeError(f"Lighthouse failed {attempts} times on {url}")


def lcp_element(audits: dict) -> tuple[str, dict[str, float]]:
    """The largest-contentful-paint element (CSS selector) and Lighthouse's phases of its timing."""
    selector, phases = "", {}
    for part in audits.get("largest-contentful-paint-element", {}).get("details", {}).get("items", []):
        for item in part.get("items", []):
            if isinstance(item.get("node"), dict):
                selector = item["node"].get("selector", "")
            if "phase" in item:
                phases[item["phase"]] = round(item.get("timing", 0))
    return selector, phases


def summarise(page: str, url: str, report: dict) -> Result:
    audits = report["audits"]
    element, phases = lcp_element(audits)
    requests = audits["network-requests"]["details"]["items"]
    failing = [
        f"{audit_id} ({audit.get('score')})"
        for category in report["categories"].values()
        for ref in category["auditRefs"]
        if ref.get("weight", 0) > 0 or category["id"] != "performance"
        for audit_id in [ref["id"]]
        for audit in [audits[audit_id]]
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") != "informative"
    ]
    return Result(
        page=page,
        url=url,
        scores={name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES},
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        before_images=sum(r.get("transferSize", 0) for r in requests if r.get("resourceType") != "Image"),
        js=sum(r.get("transferSize", 0) for r in requests if r.get("resourceType") == "Script"),
        total=sum(r.get("transferSize", 0) for r in requests),
        failing=sorted(set(failing)),
        lcp_element=element,
        lcp_phases=phases,
    )


def median_result(results: list[Result]) -> Result:
    """The run with the median performance score (Lighthouse varies from run to run)."""
    ordered = sorted(results, key=lambda r: (r.scores["performance"], -r.lcp_ms))
    return ordered[len(ordered) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is reported")
    parser.add_argument("--keep", type=Path, help="reuse (or create) the audit site in this folder")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", type=Path, help="also write the summaries as JSON to this file")
    args = parser.parse_args()

    if not LIGHTHOUSE.exists():
        print(f"audit: {LIGHTHOUSE} is missing: run `make install`", file=sys.stderr)
        return 2
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        print(f"audit: Chromium not found at {CHROMIUM}", file=sys.stderr)
        return 2

    with contextlib.ExitStack() as stack:
        if args.keep:
            data_dir = args.keep.resolve()
            data_dir.mkdir(parents=True, exist_ok=True)
        else:
            data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tribune-audit-")))
        port = free_port()
        env = {
            key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_DEBUG"}
        } | {
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "TRIBUNE_DATA_DIR": str(data_dir),
            "TRIBUNE_SITE_URL": f"http://127.0.0.1:{port}",
            "TRIBUNE_SCHEDULER": "false",
            "TRIBUNE_WEB_WORKERS": "1",
        }
        content = prepare_site(data_dir, env)
        stack.enter_context(serve(env, port))
        pages = pick_pages(port)
        for path in pages.values():  # warm caches and renditions: measure the steady state
            get(port, path)
        results = []
        for page, path in pages.items():
            url = f"http://127.0.0.1:{port}{path}"
            runs = [
                summarise(page, url, lighthouse(url, data_dir / f"lighthouse-{page}-{run}.json"))
                for run in range(args.runs)
            ]
            median = median_result(runs)
            median.lcp_worst_ms = max(r.lcp_ms for r in runs)
            results.append(median)
            print(f"audit: {page}: LCP per run {[round(r.lcp_ms) for r in runs]} ms", flush=True)
            for number, run in enumerate(runs, 1):
                phases = ", ".join(f"{name} {ms:.0f}" for name, ms in run.lcp_phases.items())
                print(f"audit:   run {number}: {run.lcp_ms:.0f} ms, {run.lcp_element or '?'} ({phases})", flush=True)

    print(f"\nLighthouse {lighthouse_version()} (mobile preset), {content}, Chromium at {CHROMIUM}")
    header = f"{'page':<8} {'perf':>4} {'a11y':>4} {'best':>4} {'seo':>4} {'LCP':>8} {'worst':>8} {'before img':>11}"
    header += f" {'JS':>7} {'total':>9}"
    print(header)
    print("-" * len(header))
    for r in results:
        s = r.scores
        print(
            f"{r.page:<8} {s['performance']:>4} {s['accessibility']:>4} {s['best-practices']:>4} {s['seo']:>4} "
            f"{r.lcp_ms / 1000:>6.2f} s {r.lcp_worst_ms / 1000:>6.2f} s {r.before_images / 1024:>8.1f} KB "
            f"{r.js / 1024:>4.1f} KB "
            f"{r.total / 1024:>6.1f} KB"
        )
    missed = {r.page: r.misses() for r in results if r.misses()}
    print()
    for r in results:
        if r.failing:
            print(f"{r.page}: audits below 1: {', '.join(r.failing)}")
    if missed:
        print("Targets missed: " + "; ".join(f"{page}: {', '.join(m)}" for page, m in missed.items()))
    else:
        print("All targets met: 100/100/100/100, LCP < 1.0 s on every run, < 50 KB before images, < 8 KB JS.")
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=2), encoding="utf-8")
    return 1 if missed and args.strict else 0


def lighthouse_version() -> str:
    package = json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
