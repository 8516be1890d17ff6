# Practicum. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# The first Python 3.13 or 3.12 that really runs: PATH, then pyenv's versions.
PYTHON := $(shell \
  for c in python3.13 python3.12 \
    $$(ls -d $$(pyenv root 2>/dev/null)/versions/3.13*/bin/python3.13 2>/dev/null) \
    $$(ls -d $$(pyenv root 2>/dev/null)/versions/3.12*/bin/python3.12 2>/dev/null) \
    /usr/local/bin/python3.13 /usr/bin/python3.13 /usr/bin/python3.12 python3; do \
    if $$c -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
      echo $$c; break; fi; done)

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

.PHONY: python
python:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Practicum needs Python 3.12 or newer (3.13 preferred), and none was found."; \
	  echo "Install one (e.g. 'pyenv install 3.13' or your system's python3.13 package) and run make again."; \
	  exit 1; fi

# requirements-dev.txt is the whole lock (runtime + tools), every file hashed;
# pip refuses anything whose hash is not in it. Production installs requirements.txt.
$(BIN)/.installed: requirements.txt requirements-dev.txt | python
	@if [ ! -x $(BIN)/python ]; then echo "Creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); fi
	@$(BIN)/python -m pip install --quiet --upgrade pip 2>/dev/null || true
	set -o pipefail; $(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt 2>&1 | { grep -v "is ignored: it is neither" || true; }
	@$(BIN)/python -c "import django, wagtail, allauth" 
	@touch $@

.PHONY: install
install: $(BIN)/.installed ## Create the virtualenv and install the locked requirements (with hashes)

# The lock covers Python 3.12 and newer on every platform (--universal). An
# existing pin is kept unless its .in line asks otherwise; `make lock
# UPGRADE=1` (or LOCK_ARGS="--upgrade-package NAME") takes newer releases.
LOCK := $(BIN)/uv pip compile --quiet --universal --python-version 3.12 \
  --generate-hashes --custom-compile-command "make lock" \
  $(if $(UPGRADE),--upgrade) $(LOCK_ARGS)

.PHONY: lock
lock: install ## Compile requirements*.in into the hashed requirements*.txt (edit the .in files, then run this)
	$(LOCK) requirements.in -o requirements.txt
	$(LOCK) requirements-dev.in -o requirements-dev.txt

.PHONY: migrate
migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

.PHONY: seed
seed: migrate ## Load the demo academy (idempotent)
	$(BIN)/python manage.py seed_demo

.PHONY: run
run: seed ## Set up, migrate, load the demo and serve on 127.0.0.1:$(PORT)
	@echo "Practicum is at http://127.0.0.1:$(PORT)/  (instructor@, learner@ and assistant@example.com, password practicum-demo)"
	PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

STRIPE_EVENTS := checkout.session.completed,checkout.session.async_payment_succeeded,checkout.session.async_payment_failed,checkout.session.expired,charge.refunded,charge.dispute.created,charge.dispute.closed

.PHONY: stripe-listen
stripe-listen: ## Forward Stripe test-mode webhooks to make run (needs the Stripe CLI)
	@command -v stripe >/dev/null || { echo "The Stripe CLI is not installed: see https://docs.stripe.com/stripe-cli, then run 'stripe login'."; exit 1; }
	@echo "Put the signing secret it prints (whsec_...) in STRIPE_WEBHOOK_SECRET, with STRIPE_SECRET_KEY=sk_test_..., for make run."
	stripe listen --forward-to 127.0.0.1:$(PORT)/payments/stripe/webhook/ --events $(STRIPE_EVENTS)

.PHONY: test
test: install ## Run the whole test suite (SQLite unless DATABASE_URL is set)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

.PHONY: lint
lint: install ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

.PHONY: typecheck
typecheck: install ## mypy with django-stubs on the typed modules ([tool.mypy] in pyproject.toml)
	$(BIN)/mypy

.PHONY: format
format: install ## Format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

.PHONY: check
check: install ## Lint, type checks, Django checks, migrations check and the tests
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(MAKE) test

.PHONY: mutate
mutate: install ## Mutation testing of the money and access rules ([tool.mutmut]; slow, not part of make test)
	$(BIN)/mutmut run $(MUTATE_ARGS) || true
	$(BIN)/mutmut results

.PHONY: bench-insight
bench-insight: install ## Time the dashboard and reports on the demo and the scale school (bench/README.md)
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python bench/insight.py $(BENCH_ARGS)

# The database to build the throwaway one beside (<name>_bench); Redis database
# BENCH_REDIS_URL (default redis://127.0.0.1:6379/9) is flushed before each run.
BENCH_DATABASE_URL := $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/practicum)

.PHONY: bench
bench: install ## Seed a throwaway PostgreSQL database and print the page benchmark (in process and over loopback)
	@case " $(BENCH_ARGS) " in *" --skip-loopback "*) ;; *) \
	  command -v wrk >/dev/null || { \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	      echo "installing wrk (the HTTP load tool)"; \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || \
	        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || exit 1; \
	    else \
	      echo "make bench loads the site with wrk, which is not installed: run 'sudo apt-get install wrk'"; \
	      echo "(or your system's wrk package), or pass BENCH_ARGS=--skip-loopback for the in-process figures only."; \
	      exit 1; \
	    fi; };; esac
	DATABASE_URL=$(BENCH_DATABASE_URL) DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python bench/speed.py $(BENCH_ARGS)

# Backups (docs/OPERATIONS.md, Backups). Not tied to `install`: a server runs
# them with the virtualenv it has. The database URLs are read from the
# environment by the commands, never put on a command line make echoes.
.PHONY: backup
backup: ## Dump the database (pg_dump) and copy the media into backups/<UTC time>/ (or BACKUP=DIR; SKIP_MEDIA=yes)
	$(BIN)/python manage.py backup $(if $(BACKUP),--to "$(BACKUP)") $(if $(SKIP_MEDIA),--skip-media)

.PHONY: restore
restore: ## Restore BACKUP=backups/<time> into TARGET_DATABASE_URL (pg_restore), then its media
	@if [ -z "$(BACKUP)" ]; then \
	  echo "Say which backup: BACKUP=backups/<UTC time> TARGET_DATABASE_URL=postgres://... make restore"; \
	  echo "(REPLACE=yes to restore over a database that has tables, SKIP_MEDIA=yes for the database only)"; \
	  exit 1; fi
	$(BIN)/python manage.py restore --from "$(BACKUP)" $(if $(REPLACE),--replace) $(if $(SKIP_MEDIA),--skip-media)

.PHONY: clean
clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles .test-media
