# The setup contract: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := corpus/peru-congress-vacancy.txt

.PHONY: run test lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/mtcheck check --color always --exit-zero $(DEMO)
	$(BIN)/mtcheck fix --diff --color always $(DEMO) || true

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check mtcheck tests
	$(BIN)/ruff format --check mtcheck tests

format: $(VENV)/.installed-dev
	$(BIN)/ruff format mtcheck tests
	$(BIN)/ruff check --fix mtcheck tests

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
