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

pytest: install
	$(BIN)/python -m pytest

test: lint check pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# --- Open data and Elasticsearch figures (issue 14, part "opendata") ---
.PHONY: bench-es
COUNT ?= 10000
bench-es: install
	$(BIN)/python scripts/bench_elasticsearch --count $(COUNT)
