"""Tribune's article page against nginx serving a saved copy of it: uncached, from Tribune's own cache, and behind
the shipped nginx configuration. One run, one table, ratios against the ceiling measured in the same run.

    .venv/bin/python bench/delivery.py                       # PostgreSQL, 1,000 articles
    .venv/bin/python bench/delivery.py --articles 1000000    # plus the uncached figures at 1,000 for the ratio
    .venv/bin/python bench/delivery.py --db sqlite

What runs (all on loopback, all on this machine's cores, wrk included):
- **ceiling**: Debian's nginx serving the saved article HTML, plain and with `gzip_static` (pre-compressed);
- **uncached**: `manage.py tribune_serve` (granian, one worker per core) with TRIBUNE_PAGE_CACHE=false;
- **own cache**: the same server with Tribune's page cache on (the app server alone);
- **nginx**: the shipped `deploy/nginx/tribune.conf` in front of the own-cache server.

wrk: 2 threads, 16 and 64 connections, a warm-up, then `--duration` seconds each, `Accept-Encoding: gzip` for
every Tribune mode and the gzip ceiling (what a browser sends; Tribune answers gzip or br, the ceiling file is
gzip). The databases are the ones bench/reader_pages.py builds (see bench/README.md).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reader_pages import Target, ensure_database  # noqa: E402

from tools.nginx_conf import render_config  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
RESULTS = ROOT / "bench" / "results"

# The targets, as fractions of the ceiling's requests per second.
TARGETS = {"uncached": 1 / 150, "own cache": 0.15, "nginx": 0.8}
CACHED_P99_MS = 50.0
SCALE_RATIO = 1.5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_http(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as response:
            response.read()
            return
        time.sleep(0.2)
    raise TimeoutError(f"no answer from {url} within {seconds} s")


@dataclass
class Servers:
    work: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, argv: list[str], *, env: dict[str, str] | None = None, log: str) -> subprocess.Popen[bytes]:
        out = open(self.work / log, "wb")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)


def tribune_env(target: Target, *, port: int, page_cache: bool) -> dict[str, str]:
    env = target.env()
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=f"bench-only-{secrets.token_hex(16)}",
        TRIBUNE_BIND=f"127.0.0.1:{port}",
        TRIBUNE_PAGE_CACHE="true" if page_cache else "false",
        TRIBUNE_SCHEDULER="false",
        # Plain HTTP on loopback: production's redirect to HTTPS would answer every request with a 301.
        TRIBUNE_SSL_REDIRECT="false",
        REDIS_URL="",
    )
    env.pop("TRIBUNE_WEB_WORKERS", None)  # one worker per core, as in production
    return env


@contextlib.contextmanager
def tribune(servers: Servers, target: Target, *, page_cache: bool) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    env = tribune_env(target, port=port, page_cache=page_cache)
    label = f"tribune-{target.db}-{target.label}-{'cached' if page_cache else 'uncached'}"
    process = servers.start([PYTHON, "manage.py", "tribune_serve"], env=env, log=f"{label}.log")
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/robots.txt", 90)
    yield url, process


def article_path(base: str) -> str:
    with urllib.request.urlopen(base + "/", timeout=30) as response:
        html = response.read().decode()
    match = re.search(r'href="(/[-a-z0-9]+/[-a-z0-9]+-[0-9]+/)"', html)
    if not match:
        raise RuntimeError("no article link on the home page")
    return match.group(1)


def static_nginx(servers: Servers, work: Path, html: bytes) -> str:
    www = work / "www"
    www.mkdir()
    (www / "article.html").write_bytes(html)
    (www / "article.html.gz").write_bytes(gzip.compress(html, compresslevel=9))
    port = free_port()
    conf = f"""
daemon off;
worker_processes auto;
pid {work}/static-nginx.pid;
error_log {work}/static-nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    default_type text/html;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {work}/sbody;
    proxy_temp_path {work}/sproxy;
    server {{
        listen 127.0.0.1:{port};
        root {www};
        gzip_static on;
        location = /article/ {{ try_files /article.html =404; }}
    }}
}}
"""
    (work / "static-nginx.conf").write_text(conf)
    servers.start([NGINX, "-p", str(work), "-c", str(work / "static-nginx.conf")], log="static-nginx.log")
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/article/", 10)
    return url


def shipped_nginx(servers: Servers, work: Path, upstream: str) -> str:
    root = work / "shipped"
    (root / "site" / "static").mkdir(parents=True)
    port = free_port()
    conf = render_config(
        (ROOT / "deploy" / "nginx" / "tribune.conf").read_text(), upstreams=[upstream], port=port, root=root
    )
    conf = conf.replace("worker_processes 1;", "worker_processes auto;").replace(
        "worker_connections 256;", "worker_connections 4096;"
    )
    (root / "nginx.conf").write_text(conf)
    servers.start([NGINX, "-p", str(root), "-c", str(root / "nginx.conf")], log="shipped-nginx.log")
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/robots.txt", 10)
    return url


# --------------------------------------------------------------------------- wrk


def _ms(text: str) -> float:
    value = float(re.sub(r"[a-z]+$", "", text))
    unit = re.search(r"[a-z]+$", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit.group(0) if unit else "ms"]


def wrk(
    url: str,
    *,
    connections: int,
    duration: int,
    warmup: int,
    threads: int,
    headers: dict[str, str],
    app: subprocess.Popen[bytes] | None = None,
) -> dict:
    """wrk's figures; with `app`, also the CPU seconds the app server and PostgreSQL spent in the measured run."""
    args = [WRK, f"-t{threads}", f"-c{connections}"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    subprocess.run([*args, f"-d{warmup}s", url], capture_output=True, timeout=warmup + 30, check=True)
    before = cpu_seconds(app) if app else None
    out = subprocess.run(
        [*args, f"-d{duration}s", "--latency", url], capture_output=True, text=True, timeout=duration + 60, check=True
    ).stdout
    after = cpu_seconds(app) if app else None
    percentile = {m.group(1): _ms(m.group(2)) for m in re.finditer(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M)}
    rps = float(re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(g) for g in match.groups())
    result = {"rps": rps, "p50": percentile.get("50"), "p99": percentile.get("99"), "errors": errors, "raw": out}
    if before and after:
        requests = int(re.search(r"^\s+(\d+) requests in", out, re.M).group(1))  # type: ignore[union-attr]
        result["cpu_ms_per_request"] = {key: (after[key] - before[key]) * 1000 / requests for key in before}
    return result


def cpu_seconds(app: subprocess.Popen[bytes]) -> dict[str, float]:
    """User + system CPU seconds so far of the app server's processes and of every PostgreSQL process."""
    tick = os.sysconf("SC_CLK_TCK")
    totals = {"app server": 0.0, "PostgreSQL": 0.0}
    app_pids = {app.pid, *_descendants(app.pid)}
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError, ValueError):
            name, rest = (entry / "stat").read_text().split(" (", 1)[1].rsplit(")", 1)
            fields = rest.split()
            key = "app server" if int(entry.name) in app_pids else "PostgreSQL" if name == "postgres" else None
            if key:
                totals[key] += (int(fields[11]) + int(fields[12])) / tick
    return totals


def size_of(url: str, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return len(response.read())


def peak_rss_mb(process: subprocess.Popen[bytes]) -> dict[int, float]:
    """Peak resident memory (VmHWM) of the app server's processes, by pid."""
    peaks = {}
    for pid in [process.pid, *_descendants(process.pid)]:
        with contextlib.suppress(OSError):
            status = Path(f"/proc/{pid}/status").read_text()
            if match := re.search(r"^VmHWM:\s+(\d+) kB", status, re.M):
                peaks[pid] = int(match.group(1)) / 1024
    return peaks


def _descendants(pid: int) -> list[int]:
    found = []
    for child in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            fields = (child / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(child.name))
                found.extend(_descendants(int(child.name)))
    return found


# --------------------------------------------------------------------------- the run


def run(args: argparse.Namespace) -> int:
    data_root = RESULTS / "db"
    target = Target(args.db, args.articles, data_root)
    baseline = Target(args.db, args.baseline, data_root) if args.articles != args.baseline else None
    for each in filter(None, [target, baseline]):
        ensure_database(each)
    work = Path(tempfile.mkdtemp(prefix="tribune-delivery-"))
    os.chmod(work, 0o755)
    servers = Servers(work)
    load_before = os.getloadavg()[0]
    results: dict[tuple[str, int], dict] = {}
    gz = {"Accept-Encoding": "gzip"}
    measure = dict(duration=args.duration, warmup=args.warmup, threads=args.threads)
    try:
        with (
            tribune(servers, target, page_cache=False) as (uncached, uncached_process),
            tribune(servers, target, page_cache=True) as (cached, cached_process),
        ):
            path = article_path(uncached)
            with urllib.request.urlopen(uncached + path, timeout=30) as response:
                html = response.read()
            ceiling = static_nginx(servers, work, html)
            proxied = shipped_nginx(servers, work, cached.removeprefix("http://"))
            modes = {
                "ceiling (plain)": (ceiling + "/article/", {}),
                "ceiling (gzip_static)": (ceiling + "/article/", gz),
                "uncached": (uncached + path, gz),
                "own cache": (cached + path, gz),
                "nginx": (proxied + path, gz),
            }
            sizes = {mode: size_of(url, headers) for mode, (url, headers) in modes.items()}
            print(f"article {path}: {len(html):,} bytes plain; sizes sent: {sizes}", flush=True)
            for connections in args.connections:
                for mode, (url, headers) in modes.items():
                    app = uncached_process if mode == "uncached" else None
                    result = wrk(url, connections=connections, headers=headers, app=app, **measure)
                    results[(mode, connections)] = result
                    print(
                        f"  {mode:24} c={connections:<3} {result['rps']:>10,.0f} req/s  p50 {result['p50']:7.2f} ms"
                        f"  p99 {result['p99']:7.2f} ms  errors {result['errors']}",
                        flush=True,
                    )
            rss = {"uncached": peak_rss_mb(uncached_process), "own cache": peak_rss_mb(cached_process)}
        if baseline is not None:
            with tribune(servers, baseline, page_cache=False) as (base_url, _):
                base_path = article_path(base_url)
                for connections in args.connections:
                    result = wrk(base_url + base_path, connections=connections, headers=gz, **measure)
                    results[(f"uncached at {baseline.label}", connections)] = result
                    print(
                        f"  uncached at {baseline.label:12} c={connections:<3} {result['rps']:>10,.0f} req/s",
                        flush=True,
                    )
    finally:
        servers.stop()
    report = render(args, target, baseline, results, rss, sizes, load_before)
    print(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"delivery-{args.db}-{target.label}-{stamp}.md").write_text(report)
    (RESULTS / f"delivery-{args.db}-{target.label}-{stamp}.json").write_text(
        json.dumps({f"{m}|{c}": r for (m, c), r in results.items()}, indent=1)
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0


def render(
    args: argparse.Namespace,
    target: Target,
    baseline: Target | None,
    results: dict[tuple[str, int], dict],
    rss: dict[str, dict[int, float]],
    sizes: dict[str, int],
    load_before: float,
) -> str:
    lines = [
        f"# Delivery: {args.db}, {target.articles:,} articles ({time.strftime('%Y-%m-%d %H:%M')},"
        f" {os.cpu_count()} cores, load {load_before:.1f} before, {os.getloadavg()[0]:.1f} after)",
        "",
        f"wrk -t{args.threads}, {args.warmup} s warm-up, {args.duration} s measured. Ratios are against the"
        " gzip_static ceiling at the same connection count (the encoding Tribune sends).",
        "",
        "| mode | conns | bytes | req/s | p50 ms | p99 ms | errors | ratio | target | |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    verdicts = []
    for connections in args.connections:
        ceiling = results[("ceiling (gzip_static)", connections)]["rps"]
        for (mode, conns), result in results.items():
            if conns != connections:
                continue
            ratio = result["rps"] / ceiling
            target_ratio = TARGETS.get(mode.split(" at ")[0] if mode.startswith("uncached") else mode)
            ok = ""
            if target_ratio is not None and mode in TARGETS:
                passed = ratio >= target_ratio and result["errors"] == 0
                if mode != "uncached":
                    passed = passed and result["p99"] < CACHED_P99_MS
                ok = "PASS" if passed else "NO"
                verdicts.append(passed)
            lines.append(
                f"| {mode} | {conns} | {sizes.get(mode.split(' at ')[0], 0):,} | {result['rps']:,.0f} |"
                f" {result['p50']:.2f} | {result['p99']:.2f} | {result['errors']} | {ratio:.4f} (1/{1 / ratio:,.0f}) |"
                f" {'' if target_ratio is None else f'{target_ratio:.4f}'} | {ok} |"
            )
    if baseline is not None:
        lines += [
            "",
            f"Uncached at {target.label} vs {baseline.label} (requests/s; the target is a ratio under {SCALE_RATIO}):",
        ]
        for connections in args.connections:
            big = results[("uncached", connections)]["rps"]
            small = results[(f"uncached at {baseline.label}", connections)]["rps"]
            passed = small / big < SCALE_RATIO
            verdicts.append(passed)
            lines.append(
                f"- c={connections}: {big:,.0f} vs {small:,.0f} req/s, {small / big:.2f}x slower at {target.label}"
                f" {'PASS' if passed else 'NO'}"
            )
    lines += ["", "CPU per uncached request (user + system time over the measured run / requests served):"]
    for connections in args.connections:
        result = results[("uncached", connections)]
        offered = (os.cpu_count() or 1) * 1000 / result["rps"]
        lines.append(
            f"- c={connections}: "
            + ", ".join(f"{key} {ms:.2f} ms" for key, ms in result.get("cpu_ms_per_request", {}).items())
            + f" (all cores at this rate: {offered:.2f} ms per request)"
        )
    lines += ["", "Peak RSS of the app server's processes (VmHWM, MB; granian's main process and its workers):"]
    for mode, peaks in rss.items():
        lines.append(f"- {mode}: " + ", ".join(f"{mb:.0f}" for mb in sorted(peaks.values())))
    lines += ["", f"All targets met: {'yes' if all(verdicts) else 'no'}"]
    return "\n".join(lines) + "\n"


def missing_tools() -> str:
    """Why the load tools cannot run here ("" when they can)."""
    absent = [tool for tool in (NGINX, WRK) if not Path(tool).exists()]
    return f"{', '.join(absent)} missing: apt-get install nginx wrk" if absent else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--baseline", type=int, default=1000, help="the uncached comparison size (default 1,000)")
    parser.add_argument("--connections", type=int, nargs="+", default=[16, 64])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=3)
    if missing := missing_tools():
        print(missing, file=sys.stderr)
        return 2
    return run(parser.parse_args())


if __name__ == "__main__":
    raise SystemExit(main())
