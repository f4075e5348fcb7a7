# Everything a developer or CI runs. Needs only Python 3.11+ (and Debian packages for the
# MySQL and browser targets, which .ci/run installs).
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python devhost/manage.py
# The devhost's stand-in for edx-platform's checkout (its settings' REPO_ROOT).
DEVHOST_PLATFORM = $${DEVHOST_VAR_DIR:-devhost/var}/edx-platform
HOST ?= 127.0.0.1
PORT ?= 8000
MYSQL_URL ?= mysql://root@127.0.0.1:3306/cadre_training
REDIS_URL ?= redis://127.0.0.1:6379/0
LOCALE_PACKAGES := cadre_common question_bank credit_plugin survey_plugin xblocks course_exports devhost
PIP_COMPILE := $(BIN)/pip-compile -q --allow-unsafe --no-emit-index-url --no-emit-find-links --strip-extras

.PHONY: help demo reset-demo test test-fast test-mysql test-worker worker consumers test-browser quality bench upgrade extract_translations \
        compile_translations clean install-mysql

help: ## list the targets
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-22s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements/pip.txt

$(INSTALLED): $(BIN)/python requirements/dev.txt setup.py
	$(BIN)/pip install -q -r requirements/dev.txt
	$(BIN)/pip install -q --no-deps -e . -e tutor-contrib-cadre-training
	touch $@

$(VENV)/.installed-mysql: $(INSTALLED) requirements/mysql.txt
	$(BIN)/pip install -q -r requirements/mysql.txt
	touch $@

install-mysql: $(VENV)/.installed-mysql ## install the MySQL driver (needs default-libmysqlclient-dev, pkg-config)

demo: export DEVHOST_HOST = $(HOST)
demo: export DEVHOST_PORT = $(PORT)
demo: $(INSTALLED) ## install into .venv, migrate, seed demo data and serve the devhost on http://127.0.0.1:8000 (HOST=, PORT= to change)
	$(MANAGE) migrate --run-syncdb --verbosity 0
	$(MANAGE) seed_demo
	# The blocks' catalogs as an LMS image build leaves them with the Tutor plugin (decision 0014).
	rm -rf $(DEVHOST_PLATFORM)/conf/plugins-locale $(DEVHOST_PLATFORM)/lms/static/js/xblock.v1-i18n
	$(BIN)/python -m xblocks.atlas_catalogs $(DEVHOST_PLATFORM)/conf/plugins-locale/xblock.v1
	$(MANAGE) compile_xblock_translations
	@echo ""
	@echo "  Open http://$(HOST):$(PORT)/ and log in with a login above."
	@echo "  Pages: /  (home: the demo course's units and every page)   /lms-bridge/   /admin/"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

reset-demo: $(INSTALLED) ## erase the devhost's data and files and seed the demo again, keeping .venv (then `make demo`)
	$(MANAGE) migrate --run-syncdb --verbosity 0
	$(MANAGE) flush --no-input
	cd $${DEVHOST_VAR_DIR:-devhost/var} && rm -rf media emails djpyfs data cadre-private celerybeat-schedule
	$(MANAGE) seed_demo

test: $(INSTALLED) ## run the whole test suite (SQLite) except the browser and real-worker tests
	$(BIN)/pytest -m "not browser and not worker"

test-fast: $(INSTALLED) ## the inner loop: the suite without the browser and the slow tests (wheel, Tutor, font)
	$(BIN)/pytest -m "not browser and not slow and not worker"

test-mysql: $(VENV)/.installed-mysql ## run the same suite on MySQL/MariaDB (DATABASE_URL, default $(MYSQL_URL))
	DATABASE_URL=$${DATABASE_URL:-$(MYSQL_URL)} $(BIN)/pytest -m "not browser and not worker"

test-worker: $(INSTALLED) ## run the plugins' tasks on a real Celery worker (needs Redis on 127.0.0.1:6379)
	$(BIN)/pytest -m worker

# A real Celery worker (and its beat) for the devhost, as the LMS runs them; start the devhost with the
# same DEVHOST_BROKER_URL so that its tasks go to this worker instead of running in the request.
worker: $(INSTALLED) ## run a Celery worker with beat for the devhost on Redis (DEVHOST_BROKER_URL)
	DEVHOST_BROKER_URL=$${DEVHOST_BROKER_URL:-$(REDIS_URL)} $(BIN)/celery -A devhost.celery_app worker \
	  --beat --schedule $${DEVHOST_VAR_DIR:-devhost/var}/celerybeat-schedule --loglevel INFO

# The ledger's intake over the Open edX event bus: the platform's consume_events, one process per topic
# the LMS publishes the ledger's events to, in one consumer group per deployment. Start the devhost with
# the same DEVHOST_EVENT_BUS_URL so that it publishes them (and records nothing in the request).
consumers: $(INSTALLED) ## consume the LMS's events from the Redis event bus for the ledger (DEVHOST_EVENT_BUS_URL)
	export DEVHOST_EVENT_BUS_URL=$${DEVHOST_EVENT_BUS_URL:-$(REDIS_URL)}; \
	for topic in learning-badges-lifecycle learning-certificate-lifecycle; do \
	  $(MANAGE) consume_events -t $$topic -g cadre-training \
	    --extra "{\"check_backlog\": true, \"consumer_name\": \"$$(hostname)-$$$$-$$topic\"}" & \
	done; wait

test-browser: $(INSTALLED) ## run the browser tests in headless Chromium (/usr/bin/chromium)
	$(BIN)/pytest -m browser

quality: $(INSTALLED) ## lint, layer contracts and missing migrations
	$(BIN)/tox -e quality

# Benchmarks run in a virtualenv of their own: the peers they measure (problem-builder,
# openedx-ledger) are XBlocks and apps the test suite's devhost must not load.
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed: requirements/test.txt requirements/bench.txt requirements/mysql.txt setup.py
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -q -r requirements/pip.txt
	# xblock-problem-builder still imports pkg_resources, which setuptools 81 dropped.
	$(BENCH_VENV)/bin/pip install -q -r requirements/test.txt -r requirements/mysql.txt -r requirements/bench.txt
	$(BENCH_VENV)/bin/pip install -q "setuptools<81"
	$(BENCH_VENV)/bin/pip install -q --no-deps -e .
	touch $@

bench: $(BENCH_VENV)/.installed ## run every benchmark in bench/ (SQLite and MariaDB) and rewrite bench/RESULTS.md
	BENCH_MYSQL_URL=$${BENCH_MYSQL_URL:-$(MYSQL_URL)_bench} $(BENCH_VENV)/bin/python bench/run.py $(BENCH)

upgrade: $(INSTALLED) ## re-pin requirements/*.txt from requirements/*.in
	for name in pip base devhost test quality dev mysql bench; do \
	  $(PIP_COMPILE) --upgrade -o requirements/$$name.txt requirements/$$name.in || exit 1; done

extract_translations: $(INSTALLED) ## refresh the .po catalogs from the code (needs GNU gettext)
	for package in $(LOCALE_PACKAGES); do \
	  (cd $$package && for domain in django djangojs; do \
	    $(CURDIR)/$(BIN)/django-admin makemessages -l zh_CN -l en -d $$domain --no-obsolete \
	      --ignore 'conf/*' --ignore 'var/*' --ignore 'translations/*' || exit 1; done) || exit 1; done
	# The creation date changes on every run and makes every branch's catalogs conflict.
	find $(LOCALE_PACKAGES) -path '*/conf/locale/*/LC_MESSAGES/*.po' -exec sed -i '/^"POT-Creation-Date: /d' {} +

compile_translations: $(INSTALLED) ## compile the .po catalogs to .mo, and the XBlocks' bundled translations/ (pure Python)
	$(BIN)/python -m devhost.i18n compile $(LOCALE_PACKAGES)

clean: ## remove the virtualenv, the devhost's data and test output
	rm -rf $(VENV) devhost/var test-output .pytest_cache
