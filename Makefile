# The two commands of the README: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-test test-services lint bench clean

run: install ## set up, crawl the recorded sources offline, score, store, and serve on http://127.0.0.1:8000
	$(BIN)/jobsieve crawl --offline
	$(BIN)/jobsieve serve

test: install-test test-services ## install what the tests need and run the whole suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "jobsieve needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

test-services: ## PostgreSQL on 127.0.0.1 and Debian's Chromium, installed and started when missing
	scripts/ensure-postgres
	scripts/ensure-chromium

bench: install-test ## benchmarks (see bench/README.md)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/artifacts
