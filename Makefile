# The setup contract: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The corpus keeps articles annotated ([[wrong -> right | category]]); the demo
# runs on the raw machine-translated text exported from one of them.
DEMO := build/corpus/mt/peru-congress-vacancy.txt

.PHONY: run test lint format bench bench-dask clean

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
	$(BIN)/python -m mtcheck.corpus export corpus build/corpus > /dev/null
	$(BIN)/mtcheck check --color always --exit-zero $(DEMO)
	$(BIN)/mtcheck fix --diff --color always --exit-zero $(DEMO)

# One test process a core, each taking whole files (their fixtures and clusters stay
# together): the suite takes 3 min on two cores instead of 5 to 8.
test: $(VENV)/.installed-dev
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -n auto --dist loadfile

bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/bench.py

# mtcheck on a local Dask cluster against the plain CLI (docs/scale.md has the figures).
bench-dask: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dask]'
	$(BIN)/python bench/dask_bench.py

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check mtcheck tests
	$(BIN)/ruff format --check mtcheck tests

format: $(VENV)/.installed-dev
	$(BIN)/ruff format mtcheck tests
	$(BIN)/ruff check --fix mtcheck tests

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
