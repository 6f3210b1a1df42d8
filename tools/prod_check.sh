#!/usr/bin/env bash
# make prod-check: the production stack on this machine, then a smoke test through it.
#
#   PostgreSQL (database tribune_prodcheck, made afresh) + Redis (db 15, flushed)
#   + two app servers (tribune_serve, 1 worker each, scheduler off) + tribune_scheduler
#   + nginx from Debian with deploy/nginx/tribune.conf (only ports and folders changed)
#   -> tools/prod_smoke.py: pages, micro-cache, static files, a comment, publishing,
#      an app server killed mid-burst.
#
# Everything runs as the current user in a scratch folder; nothing is installed or
# changed system-wide. Every process started here is stopped, and the database dropped,
# on exit. Settings: PGUSER (root), PROD_CHECK_KEEP=1 keeps the scratch folder.
# Static files: STATIC_ROOT is the checkout's static/ (`make prod-check` collects it first).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PY:-$ROOT/.venv/bin/python}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-root}
DB=tribune_prodcheck
REDIS_HOST=127.0.0.1 REDIS_PORT=6379 REDIS_DB=15
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tribune-prodcheck.XXXXXX")
STARTED=$SECONDS
GROUPS_STARTED=()
STATUS=1

log() { printf '[%3ds] %s\n' "$((SECONDS - STARTED))" "$*"; }
fail() { log "FAIL: $*"; exit 1; }

stop_all() {
    # Each process was started as its own process group (setsid): stop the group, workers included.
    local pgid deadline
    for pgid in "${GROUPS_STARTED[@]}"; do kill -TERM -- "-$pgid" 2>/dev/null || true; done
    deadline=$((SECONDS + 10))
    for pgid in "${GROUPS_STARTED[@]}"; do
        while kill -0 -- "-$pgid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
        kill -KILL -- "-$pgid" 2>/dev/null && log "process group $pgid did not stop on SIGTERM: killed"
    done
    return 0
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_all
    dropdb --if-exists --force "$DB" 2>/dev/null || log "could not drop database $DB"
    redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" FLUSHDB >/dev/null 2>&1 || true
    if ((rc == 0 && STATUS == 0)) && [[ ${PROD_CHECK_KEEP:-0} != 1 ]]; then
        rm -rf "$WORK"
    else
        log "logs kept in $WORK (app1.log app2.log scheduler.log nginx/error.log setup.log)"
        for f in app1.log app2.log scheduler.log nginx/error.log; do
            [[ -s $WORK/$f ]] && { echo "--- tail $f"; tail -n 15 "$WORK/$f"; }
        done
    fi
    ((rc == 0)) && log "prod-check PASS in $((SECONDS - STARTED)) s" || log "prod-check FAIL (exit $rc) after $((SECONDS - STARTED)) s"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start() { # start NAME CMD...: in its own process group, output to WORK/NAME.log
    local name=$1
    shift
    setsid "$@" >"$WORK/$name.log" 2>&1 &
    GROUPS_STARTED+=("$!")
    eval "PID_${name}=$!"
    disown "$!" # killed on purpose by the smoke test: no "Killed" job message
}

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_http() { # wait_http URL SECONDS PID: until URL answers 200, the process is gone, or time is up
    local url=$1 deadline=$((SECONDS + $2)) pid=$3
    while ((SECONDS < deadline)); do
        kill -0 "$pid" 2>/dev/null || return 1
        [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url") == 200 ]] && return 0
        sleep 0.2
    done
    return 1
}

# --- what this machine must have ---
[[ -x $PY ]] || fail "no virtualenv at $PY (make install)"
[[ -x $NGINX ]] || fail "nginx is not installed (apt-get install nginx)"
command -v psql >/dev/null && command -v redis-cli >/dev/null || fail "psql and redis-cli are needed"
psql -d postgres -Atqc 'select 1' >/dev/null || fail "PostgreSQL at $PGHOST:$PGPORT (user $PGUSER) is not reachable"
[[ $(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] || fail "Redis at $REDIS_HOST:$REDIS_PORT is not reachable"

APP1_PORT=$(free_port) APP2_PORT=$(free_port) NGINX_PORT=$(free_port)
while [[ $APP2_PORT == "$APP1_PORT" ]]; do APP2_PORT=$(free_port); done
while [[ $NGINX_PORT == "$APP1_PORT" || $NGINX_PORT == "$APP2_PORT" ]]; do NGINX_PORT=$(free_port); done

# --- production settings, as /etc/tribune/env would give them ---
export DJANGO_SETTINGS_MODULE=config.settings.production
DJANGO_SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
export DJANGO_SECRET_KEY
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
export REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB"
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export TRIBUNE_DATA_DIR=$WORK/data
export TRIBUNE_SITE_URL=http://127.0.0.1:$NGINX_PORT
export TRIBUNE_TRUSTED_PROXIES=1
# Plain HTTP on loopback: no HTTPS to redirect to.
export TRIBUNE_SSL_REDIRECT=false
export TRIBUNE_SCHEDULER_INTERVAL=5
export PYTHONUNBUFFERED=1
log "scratch folder $WORK; app servers :$APP1_PORT :$APP2_PORT, nginx :$NGINX_PORT"

# --- database, cache, schema, static files, content ---
t=$SECONDS
dropdb --if-exists --force "$DB"
createdb "$DB"
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" FLUSHDB >/dev/null
"$PY" manage.py migrate --noinput -v0 >>"$WORK/setup.log" 2>&1 || fail "migrate (see $WORK/setup.log)"
log "database $DB created and migrated ($((SECONDS - t)) s)"
t=$SECONDS
if [[ ! -f static/staticfiles.json ]]; then
    "$PY" manage.py collectstatic --noinput -v0 >>"$WORK/setup.log" 2>&1 || fail "collectstatic"
    log "static files collected into $ROOT/static ($((SECONDS - t)) s)"
else
    log "static files already collected in $ROOT/static (make prod-check refreshes them when sources change)"
fi
t=$SECONDS
"$PY" manage.py tribune_load_demo >>"$WORK/setup.log" 2>&1 || fail "tribune_load_demo (see $WORK/setup.log)"
# The check posts one comment and expects it on the page right away: post-moderation, as many newsrooms run.
"$PY" manage.py shell -c '
from wagtail.models import Site
from tribune.engagement.models import CommentPolicy, ModerationMode
for site in Site.objects.all():
    policy = CommentPolicy.for_site(site)
    policy.moderation_mode = ModerationMode.POST
    policy.save()
' >>"$WORK/setup.log" 2>&1 || fail "setting post-moderation"
log "demo content loaded ($((SECONDS - t)) s): $(grep -m1 '^Loaded' "$WORK/setup.log" || true)"

# --- the stack ---
t=$SECONDS
TRIBUNE_BIND=127.0.0.1:$APP1_PORT TRIBUNE_WEB_WORKERS=1 TRIBUNE_SCHEDULER=false start app1 "$PY" manage.py tribune_serve
TRIBUNE_BIND=127.0.0.1:$APP2_PORT TRIBUNE_WEB_WORKERS=1 TRIBUNE_SCHEDULER=false start app2 "$PY" manage.py tribune_serve
start scheduler "$PY" manage.py tribune_scheduler
mkdir -p "$WORK/nginx"
"$PY" tools/nginx_conf.py --root "$WORK/nginx" --port "$NGINX_PORT" \
    --upstream "127.0.0.1:$APP1_PORT" --upstream "127.0.0.1:$APP2_PORT" \
    --static-dir "$ROOT/static" --media-dir "$TRIBUNE_DATA_DIR/media" >"$WORK/nginx/nginx.conf"
"$NGINX" -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2>>"$WORK/nginx/error.log" || fail "nginx -t refused the configuration"
start nginx "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
wait_http "http://127.0.0.1:$APP1_PORT/gezond/" 30 "$PID_app1" || fail "app server 1 did not become healthy"
wait_http "http://127.0.0.1:$APP2_PORT/gezond/" 30 "$PID_app2" || fail "app server 2 did not become healthy"
wait_http "http://127.0.0.1:$NGINX_PORT/gezond/" 10 "$PID_nginx" || fail "nginx did not answer"
kill -0 "$PID_scheduler" 2>/dev/null || fail "the scheduler exited"
log "stack up ($((SECONDS - t)) s): nginx, 2 app servers, scheduler"

# --- the smoke test ---
"$PY" tools/prod_smoke.py --base "http://127.0.0.1:$NGINX_PORT" \
    --app "http://127.0.0.1:$APP1_PORT" --app "http://127.0.0.1:$APP2_PORT" \
    --kill-group "$PID_app1" --scheduler-pid "$PID_scheduler" || fail "smoke test"
STATUS=0
