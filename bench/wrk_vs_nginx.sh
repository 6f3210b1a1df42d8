#!/usr/bin/env bash
# Tribune's production app server against nginx serving the same HTML as static files.
#
#   bench/wrk_vs_nginx.sh                 # the 1k PostgreSQL bench database (see bench/README.md)
#   BENCH_DB=sqlite-1k bench/wrk_vs_nginx.sh
#   BENCH_DB=demo bench/wrk_vs_nginx.sh   # the `make demo` database in var/
#
# Starts `manage.py tribune_serve` (granian, default worker count: one per core) on a
# free loopback port, saves the HTML of home and one article, serves those two files
# with Debian's nginx (non-daemon, own config in a temp dir, worker_processes auto) on
# another loopback port, and runs wrk (2 threads, 16 connections, 3 s warm-up, then
# 10 s) against each page on each server. Prints requests/s, p50 and p99, and the
# ratio Tribune/nginx. wrk runs on the same 2 cores as the servers, for both alike.
#
# Environment: BENCH_DB (postgres-1k | sqlite-1k | demo), WRK_THREADS (2),
# WRK_CONNECTIONS (16), WRK_DURATION (10s), WRK_WARMUP (3s).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="$ROOT/.venv/bin/python"
BENCH_DB="${BENCH_DB:-postgres-1k}"
THREADS="${WRK_THREADS:-2}"
CONNECTIONS="${WRK_CONNECTIONS:-16}"
DURATION="${WRK_DURATION:-10s}"
WARMUP="${WRK_WARMUP:-3s}"

WORK="$(mktemp -d /tmp/tribune-wrk.XXXXXX)"
chmod 755 "$WORK"  # nginx workers run as nobody
TRIBUNE_PID=""
NGINX_PID=""

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    local job
    for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done  # a running wrk
    for pid in "$TRIBUNE_PID" "$NGINX_PID"; do
        if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        fi
    done
    for pid in "$TRIBUNE_PID" "$NGINX_PID"; do
        [[ -z "$pid" ]] && continue
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL -- "-$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT INT TERM
trap 'echo "wrk_vs_nginx.sh: failed at line $LINENO" >&2' ERR

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_http() {  # url, seconds
    local deadline=$((SECONDS + $2))
    until curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; do
        if ((SECONDS > deadline)); then
            echo "no answer from $1 within $2 s" >&2
            return 1
        fi
        sleep 0.3
    done
}

# ---- Tribune
case "$BENCH_DB" in
    postgres-1k)
        export DATABASE_URL="postgres://root@127.0.0.1:5432/tribune_bench_1k"
        export TRIBUNE_DATA_DIR="$ROOT/bench/results/db/postgres-1k"
        if ! psql -X -q -t -A "$DATABASE_URL" -c "SELECT 1 FROM newsroom_article LIMIT 1" >/dev/null 2>&1; then
            echo "no tribune_bench_1k database: run .venv/bin/python bench/reader_pages.py --db postgres --articles 1000 --build-only" >&2
            exit 2
        fi
        ;;
    sqlite-1k)
        export DATABASE_URL=""
        export TRIBUNE_DATA_DIR="$ROOT/bench/results/db/sqlite-1k"
        if [[ ! -f "$TRIBUNE_DATA_DIR/tribune.sqlite3" ]]; then
            echo "no SQLite 1k database: run .venv/bin/python bench/reader_pages.py --db sqlite --articles 1000 --build-only" >&2
            exit 2
        fi
        ;;
    demo)
        export DATABASE_URL=""
        export TRIBUNE_DATA_DIR="$ROOT/var"
        [[ -f "$TRIBUNE_DATA_DIR/tribune.sqlite3" ]] || { echo "no demo database: run make demo once" >&2; exit 2; }
        ;;
    *)
        echo "BENCH_DB must be postgres-1k, sqlite-1k or demo" >&2
        exit 2
        ;;
esac

TRIBUNE_PORT="$(free_port)"
export DJANGO_SETTINGS_MODULE=config.settings.production
export DJANGO_SECRET_KEY="bench-only-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
export TRIBUNE_BIND="127.0.0.1:$TRIBUNE_PORT"
export REDIS_URL=""
unset TRIBUNE_WEB_WORKERS  # default: one worker per core
cd "$ROOT"
setsid "$PY" manage.py tribune_serve >"$WORK/tribune.log" 2>&1 &
TRIBUNE_PID=$!
wait_http "http://127.0.0.1:$TRIBUNE_PORT/" 60 || { cat "$WORK/tribune.log" >&2; exit 1; }
echo "Tribune ($BENCH_DB, $(nproc) cores): $(head -n1 "$WORK/tribune.log")"

# ---- the same HTML as static files
mkdir -p "$WORK/www"
curl -fsS --max-time 10 -o "$WORK/www/index.html" "http://127.0.0.1:$TRIBUNE_PORT/"
# sed, not head: head would close the pipe early and pipefail would end the script.
ARTICLE_PATH="$(grep -oE 'href="/[-a-z0-9]+/[-a-z0-9]+-[0-9]+/"' "$WORK/www/index.html" | sed -n '1s/^href="\(.*\)"$/\1/p')"
[[ -n "$ARTICLE_PATH" ]] || { echo "no article link on the home page" >&2; exit 1; }
curl -fsS --max-time 10 -o "$WORK/www/article.html" "http://127.0.0.1:$TRIBUNE_PORT$ARTICLE_PATH"
chmod -R a+rX "$WORK/www"
echo "saved / ($(wc -c <"$WORK/www/index.html") bytes) and $ARTICLE_PATH ($(wc -c <"$WORK/www/article.html") bytes)"

# ---- nginx
NGINX_PORT="$(free_port)"
cat >"$WORK/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/tmp-body;
    proxy_temp_path $WORK/tmp-proxy;
    fastcgi_temp_path $WORK/tmp-fastcgi;
    uwsgi_temp_path $WORK/tmp-uwsgi;
    scgi_temp_path $WORK/tmp-scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location = / { try_files /index.html =404; }
        location = /article/ { try_files /article.html =404; }
    }
}
EOF
setsid nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" &
NGINX_PID=$!
wait_http "http://127.0.0.1:$NGINX_PORT/" 10 || { cat "$WORK/nginx-error.log" >&2; exit 1; }
cmp -s <(curl -fsS "http://127.0.0.1:$NGINX_PORT/article/") "$WORK/www/article.html" || {
    echo "nginx does not serve the saved article" >&2
    exit 1
}
echo "nginx $(nginx -v 2>&1 | cut -d/ -f2) on 127.0.0.1:$NGINX_PORT"

# ---- wrk
to_ms() {  # "812.00us" | "1.23ms" | "1.02s" -> milliseconds
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
        printf "%.2f", n
    }'
}

declare -A RPS P50 P99 ERRS
run_wrk() {  # key url
    local key=$1 url=$2 out
    # In the background with `wait`, so Ctrl-C or a TERM reaches the trap at once.
    timeout 30 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null &
    wait $!
    timeout 60 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" >"$WORK/wrk-$key.txt" &
    wait $!
    out="$(cat "$WORK/wrk-$key.txt")"
    RPS[$key]="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
    P50[$key]="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
    P99[$key]="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
    ERRS[$key]="$(awk '/Non-2xx|Socket errors/ {$1 = $1; printf "%s; ", $0}' <<<"$out")"
    printf '  %-16s %10s req/s  p50 %8s ms  p99 %8s ms  %s\n' "$key" "${RPS[$key]}" "${P50[$key]}" "${P99[$key]}" \
        "${ERRS[$key]}"
}

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up), $(date '+%Y-%m-%d %H:%M'), load avg $(cut -d' ' -f1 /proc/loadavg)"
run_wrk tribune-home "http://127.0.0.1:$TRIBUNE_PORT/"
run_wrk nginx-home "http://127.0.0.1:$NGINX_PORT/"
run_wrk tribune-article "http://127.0.0.1:$TRIBUNE_PORT$ARTICLE_PATH"
run_wrk nginx-article "http://127.0.0.1:$NGINX_PORT/article/"

echo
echo "| page | Tribune req/s | p50 ms | p99 ms | nginx req/s | p50 ms | p99 ms | Tribune/nginx req/s | p50 ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for page in home article; do
    t="tribune-$page" n="nginx-$page"
    awk -v page="$page" -v tr="${RPS[$t]}" -v t50="${P50[$t]}" -v t99="${P99[$t]}" \
        -v nr="${RPS[$n]}" -v n50="${P50[$n]}" -v n99="${P99[$n]}" 'BEGIN {
        printf "| %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.4f (1/%.0f) | %.0fx |\n",
            page, tr, t50, t99, nr, n50, n99, tr / nr, nr / tr, t50 / n50
    }'
done
