# Tribune: `make demo` runs the site with demo content, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PYTEST_ARGS ?=

NPM ?= npm

.PHONY: install install-node demo serve migrate test test-sqlite test-postgres lint typecheck format clean audit prod-check

$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements/dev.txt
	touch $@

# Front-end checkers for the tests and `make audit` (axe-core, vnu-jar, Lighthouse), exactly as locked.
# --ignore-scripts: no install script may download a browser or anything else.
node_modules/.installed: package.json package-lock.json
	$(NPM) ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Python only: all that `make demo` needs.
install: $(VENV)/.installed

install-node: node_modules/.installed

STATIC_SOURCES := $(shell find tribune -path '*/static/*' -type f 2>/dev/null)

# Collecting (hashing and compressing Wagtail's admin assets) takes a while: only redo it
# when a static file or the installed packages changed.
static/staticfiles.json: $(VENV)/.installed $(STATIC_SOURCES)
	$(MANAGE) collectstatic --noinput -v0
	touch $@

migrate: install static/staticfiles.json
	$(MANAGE) migrate --noinput -v0

demo: migrate
	$(MANAGE) tribune_load_demo
	$(MANAGE) tribune_serve

serve: migrate
	$(MANAGE) tribune_serve

# SQLite always; PostgreSQL too (required with CI=true, skipped with a reason elsewhere).
test: test-sqlite test-postgres

test-sqlite: install install-node
	$(PY) -m pytest -n auto $(PYTEST_ARGS)

test-postgres: install
	TRIBUNE_TEST_DB=postgres $(PY) -m pytest -n auto -m "not browser" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Lighthouse 12, mobile preset, on home, an article and a section of a throw-away demo site
# served by tribune_serve on a free port. AUDIT_ARGS: --runs N (median), --strict, --keep DIR.
AUDIT_ARGS ?=
audit: install install-node static/staticfiles.json
	$(PY) tools/audit.py $(AUDIT_ARGS)

typecheck: install
	$(VENV)/bin/mypy tribune config

# The production stack on this machine (PostgreSQL, Redis, two app servers, the scheduler, Debian's nginx)
# and a smoke test through it; everything is stopped and the database dropped afterwards. docs/deploy.md.
prod-check: install static/staticfiles.json
	tools/prod_check.sh

clean:
	rm -rf $(VENV) var static node_modules test-artifacts
