# The two commands of the README, and their parts.
#   make up    install everything, start Neo4j, load the gazetteer and demo data, serve the API
#   make test  install everything, then run the whole test suite against a real Neo4j
#   make reliability  the long reliability runs (20-kill loops, 10-minute soak, long fuzz and schemathesis)
#   make lint  ruff (lint), mypy, and ruff's format check; CI runs it before the tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: up test lint reliability install prerequisites browser-deps

up: install
	$(BIN)/revkg up

test: install browser-deps
	$(BIN)/python -m pytest -m "not long" $(PYTEST_ARGS)

# The format check comes last, so a lint or type error is reported even while formatting is pending.
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/ruff format --check .

# RELIABILITY.md's figures for these come from this run's printed output (-s).
reliability: install
	$(BIN)/python -m pytest tests/reliability -m long -s $(PYTEST_ARGS)

install: prerequisites $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dev]'
	touch $@

prerequisites:
	bash .ci/install-prerequisites.sh

browser-deps:
	@if [ -f .ci/setup-browser.sh ]; then bash .ci/setup-browser.sh; fi
