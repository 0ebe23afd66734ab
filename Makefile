# Kylätori: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The site runs with the dev settings unless DJANGO_SETTINGS_MODULE says otherwise; the tests
# always use kylatori.settings.test (pytest-django would otherwise take the variable's value).
SETTINGS ?= $(or $(DJANGO_SETTINGS_MODULE),kylatori.settings.dev)
MANAGE := DJANGO_SETTINGS_MODULE=$(SETTINGS) $(BIN)/python manage.py

.PHONY: run test install migrate seed lint format messages bench

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(BIN)/.installed

migrate: install
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo --port $(PORT)

## Run the site with demo content on http://$(HOST):$(PORT)/ (HOST=0.0.0.0 PORT=8080 make run)
run: seed
	@echo "Kylätori: http://$(HOST):$(PORT)/  (Iitti region: http://iitti.localhost:$(PORT)/)"
	$(MANAGE) calendar_sources schedule
	@# The task worker (calendar source syncs) beside the server, stopped with it.
	PORT=$(PORT) $(MANAGE) db_worker & trap 'kill $$!' EXIT INT TERM; HOST=$(HOST) PORT=$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

## Run the tests (SQLite by default; DATABASE_URL=postgres://... for PostgreSQL)
test: install
	DJANGO_SETTINGS_MODULE=kylatori.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

## Compile locale/*/LC_MESSAGES/django.po to .mo without GNU gettext
messages: install
	$(MANAGE) compiletranslations

bench: install
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/directory.py
	$(BIN)/python bench/feeds.py
	$(BIN)/python bench/search_quality.py
	$(BIN)/python bench/search_speed.py
