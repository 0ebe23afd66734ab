# Kylätori: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= kylatori.settings.dev

.PHONY: run test install migrate seed lint format messages bench

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(BIN)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

## Run the site with demo content on http://$(HOST):$(PORT)/ (HOST=0.0.0.0 PORT=8080 make run)
run: seed
	@echo "Kylätori: http://$(HOST):$(PORT)/  (Iitti region: http://iitti.localhost:$(PORT)/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## Run the tests (SQLite by default; DATABASE_URL=postgres://... for PostgreSQL)
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

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
	$(BIN)/python manage.py compiletranslations

bench: install
	$(BIN)/python bench/pages.py
