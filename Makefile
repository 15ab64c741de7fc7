# The two commands in the README: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install install-dev messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Serve crex with demo data on http://127.0.0.1:8000 (SQLite in ./var, nothing else needed).
run: install
	$(BIN)/crex migrate --noinput
	$(BIN)/crex demo
	$(BIN)/crex serve --host $(HOST) --port $(PORT)

## Run the whole test suite (set DATABASE_URL to run it on PostgreSQL).
test: install-dev
	$(BIN)/pytest -n auto

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/crex makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Extract translatable text into the .po files (needs GNU gettext).
messages: install-dev
	cd src/crex && ../../$(BIN)/crex makemessages -l de -l fr --no-obsolete --ignore 'static/*' --ignore 'demo/*'

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
