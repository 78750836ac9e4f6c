# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make run   — install, migrate, load the fictional demo, serve on http://127.0.0.1:$(PORT)
#   make test  — install test tools, lint, checks, the whole test suite
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The Wagtail site's address (page links, the API's html_url) follows it on each migrate.
run demo migrate: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test install lint check pytest migrate demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo
	$(MANAGE) build_open_data

run: demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=hub.settings.production ALLOWED_HOSTS=vigie.example \
		WAGTAILADMIN_BASE_URL=https://vigie.example EMAIL_HOST=mail.vigie.example \
		SECRET_KEY=check-deploy-only-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz \
		$(MANAGE) check --deploy --fail-level WARNING

# The suite runs in parallel, one worker per core (PYTEST_WORKERS=0: in this process alone).
# "--dist loadgroup" hands tests out in collection order, where pytest-django puts the tests that
# empty the database (transactional ones, the browser's) after all the others, on every worker;
# the tests of one xdist_group go to one worker together (the loaded demo's: one load, not two).
# PYTEST_ARGS adds options, e.g. PYTEST_ARGS="tests/search -k facet".
PYTEST_WORKERS ?= auto
PYTEST_ARGS ?=
pytest: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

test: lint check pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# --- Production server and load test (issue 14, part "serve") ---------------------------------
#   make serve [PORT=8000]  — check the environment, migrate, collectstatic, then gunicorn with
#                             hub.settings.production (README, "Production")
#   make loadtest [USERS=50 DURATION=60 WARMUP=30 COUNT=100000]  — locust against `make serve` on a
#                             synthetic hub of COUNT items while an editor publishes every 5 s
.PHONY: serve loadtest
USERS ?= 50
DURATION ?= 60
WARMUP ?= 30
COUNT ?= 100000

serve: install
	PORT=$(PORT) $(BIN)/python scripts/serve

loadtest: install
	$(BIN)/python scripts/loadtest --users $(USERS) --duration $(DURATION) --count $(COUNT) --warmup $(WARMUP)

# Pages: every kind of public page timed on a synthetic hub (bench_pages), COUNT items and a tenth.
.PHONY: bench-pages
bench-pages: install
	$(MANAGE) bench_pages --count $(COUNT)

# Elasticsearch figures: bench_search against osmem-server (an emulator), started and stopped
# by the script; e.g. make bench-es COUNT=10000.
.PHONY: bench-es
bench-es: install
	$(BIN)/python scripts/bench_elasticsearch --count $(COUNT)
