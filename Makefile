# The two commands of the README, and their parts.
#   make up    install everything, start Neo4j, load the gazetteer and demo data, serve the API
#   make test  install everything, then run the whole test suite against a real Neo4j
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: up test install prerequisites browser-deps

up: install
	$(BIN)/revkg up

test: install browser-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: prerequisites $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

prerequisites:
	bash .ci/install-prerequisites.sh

browser-deps:
	@if [ -f .ci/setup-browser.sh ]; then bash .ci/setup-browser.sh; fi
