# The README's commands. `make run` serves the demo on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?=

.PHONY: install run worker test lint format messages bench backup restore clean

# Installs from the lock: every package at the version of constraints.txt, each file checked
# against the hashes in requirements.lock (pip --require-hashes).
$(VENV)/.installed: requirements.lock requirements.txt requirements-dev.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet --require-hashes -r requirements.lock
	touch $@

install: $(VENV)/.installed

# After changing requirements*.txt or constraints.txt: refresh requirements.lock (pip-tools in a
# venv of its own, so the app's environment stays as constraints.txt pins it).
LOCK_VENV := .venv-lock
.PHONY: lock
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || ($(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet pip-tools==7.6.2)
	$(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-header \
		--no-emit-index-url --no-emit-find-links --constraint constraints.txt --output-file requirements.lock.new requirements-dev.txt
	{ echo "# Every package with the hashes of its files on PyPI: make install installs from this file (pip --require-hashes)."; \
	  echo "# Generated from requirements-dev.txt and constraints.txt by: make lock  (pip-tools' pip-compile --generate-hashes)"; \
	  cat requirements.lock.new; } > requirements.lock && rm requirements.lock.new
	$(PYTHON) scripts/check-lock.py

run: install
	$(PY) manage.py compilemessages --ignore=.venv -v0 2>/dev/null || echo "msgfmt not found: using the committed .mo files"
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Starting the task worker (it prints the e-mails) and the development server; Ctrl+C stops both."
	export SITE_URL=$${SITE_URL:-http://$(HOST)} ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost,$(firstword $(subst :, ,$(HOST)))}; \
	$(PY) manage.py worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST)

# The task worker alone (delivers the queued e-mails; README "Deploying"). Several may run at once.
worker: install
	$(PY) manage.py worker

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The benchmark (README "Performance"): PostgreSQL, two sizes, gunicorn + locust; takes minutes.
# Override: BENCH_SIZES=500,5000 BENCH_DURATION=10 DATABASE_URL=postgres://... make bench
bench: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/zn_bench} $(PY) bench/run.py

messages: install
	$(PY) manage.py makemessages -l nl -l fr --ignore=.venv --ignore=staticfiles --ignore=node_modules \
		--ignore=artifacts --ignore=tests --no-obsolete --no-wrap --add-location=file
	$(PY) manage.py compilemessages --ignore=.venv --ignore=staticfiles --ignore=node_modules

# Back up / restore the database of DATABASE_URL (pg_dump -Fc / pg_restore, or a file copy on SQLite).
backup:
	scripts/backup.sh $(FILE)

restore:
	@test -n "$(FILE)" || (echo "usage: make restore FILE=backups/zorgnetwerk-....dump" && exit 2)
	scripts/restore.sh $(FILE)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# Production rehearsal of the mail queue (README "Deploying"): two workers race for 200 messages on
# PostgreSQL; every message must arrive exactly once. DATABASE_URL=postgres://... to choose the server.
.PHONY: rehearse-workers
rehearse-workers: install
	$(PY) scripts/rehearse-workers.py

# The PDF benchmark (README "Performance: PDFs"): WeasyPrint against headless Chromium, in a throw-away test database.
.PHONY: bench-pdf
bench-pdf: install
	$(PY) bench/pdf_bench.py

# Explore the forms with hostile input far more widely than CI (README "Security tests"): a new
# seed each run; every failure is saved in zorgnetwerk/tests/hypothesis-examples/, which CI replays.
# Override: FUZZ_EXAMPLES=1000 make fuzz
.PHONY: fuzz
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q zorgnetwerk/tests/test_hostile_input.py $(PYTEST_ARGS)
