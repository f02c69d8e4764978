# Set-up and everyday commands. Each target creates the virtual environment
# from pyproject.toml, pinned by constraints.txt, when it is missing or older than them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CONSTRAINTS := constraints.txt
PIP_QUIET := --quiet --disable-pip-version-check
PERIOD ?= 2026-Q2
JOBS ?= auto

.PHONY: report test test-fast bench bench-imports example catalogs lock clean

$(STAMP): pyproject.toml setup.py $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_QUIET) -c $(CONSTRAINTS) -e '.[test,airflow]'
	touch $(STAMP)

## The main job: a full report of data/example for one period (HTML, PDF, summary.json).
report: $(STAMP)
	$(BIN)/planlib report data/example --period $(PERIOD) --pdf

## The whole test suite, notebooks and real-browser tests included: every test file (and notebook) whole on one
## of all the cores, the 25 slowest listed; then the browser tests, one at a time.
test: $(STAMP)
	scripts/ensure_browser.sh
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile --durations=25 -m "not browser"
	$(BIN)/python -m pytest --durations=10 -m browser tests

## The unit tier alone, without its slow tests: no kernel, no browser, no server (about a minute and a half).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "unit and not slow" -n $(JOBS) --dist worksteal tests

## Speed and memory figures of loading and validating large plans.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_imports.py

## Speed and memory of import-actuals on a 1,000,000-row GA4 export and a 200,000-row Google Ads report.
bench-imports: $(STAMP)
	$(BIN)/python scripts/bench_imports.py

## Compile the translation catalogs (planlib/core/locale/*/LC_MESSAGES/planlib.po -> .mo) after editing them.
catalogs: $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -d planlib/core/locale -D planlib

## Regenerate the tables of data/example (fixed seed: same files every time).
example: $(STAMP)
	$(BIN)/python scripts/make_example.py

## Refresh constraints.txt from what the registry serves today (a library upgrade: run make test after it).
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install $(PIP_QUIET) -e '.[test,airflow]'
	{ sed -n '/^#/p' $(CONSTRAINTS); .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^planlib'; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) reports .pytest_cache build
