# Set-up and everyday commands. Each target creates the virtual environment
# from pyproject.toml when it is missing or older than pyproject.toml.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PERIOD ?= 2026-Q2

.PHONY: report test bench example catalogs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,airflow]'
	touch $(STAMP)

## The main job: a full report of data/example for one period (HTML, PDF, summary.json).
report: $(STAMP)
	$(BIN)/planlib report data/example --period $(PERIOD) --pdf

## The whole test suite, notebooks and real-browser tests included.
test: $(STAMP)
	scripts/ensure_browser.sh
	$(BIN)/python -m pytest

## Speed and memory figures of loading and validating large plans.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

## Compile the translation catalogs (planlib/core/locale/*/LC_MESSAGES/planlib.po -> .mo) after editing them.
catalogs: $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -d planlib/core/locale -D planlib

## Regenerate the tables of data/example (fixed seed: same files every time).
example: $(STAMP)
	$(BIN)/python scripts/make_example.py

clean:
	rm -rf $(VENV) reports .pytest_cache
