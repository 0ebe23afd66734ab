"""A new user's first run: `make run` on the LAN, its log, the favicon."""

import os
import runpy
import subprocess
import sys
from pathlib import Path

from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parents[2]


def dev_settings(monkeypatch, **environ):
    for name in ("HOST", "PORT", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_module("kylatori.settings.dev")


def test_dev_server_on_all_interfaces_answers_other_devices_of_the_lan(monkeypatch):
    # `HOST=0.0.0.0 make run`: a phone asks for http://192.168.1.20:8080/.
    assert dev_settings(monkeypatch, HOST="0.0.0.0")["ALLOWED_HOSTS"] == ["*"]
    # The default 127.0.0.1 answers local names only (no DNS rebinding from a web page).
    local = dev_settings(monkeypatch)["ALLOWED_HOSTS"]
    assert "*" not in local and ".localhost" in local


def test_moderation_mails_link_to_the_port_being_served(monkeypatch):
    # `make run PORT=8123` passes its port on: Wagtail's mails link to the admin there.
    assert (
        dev_settings(monkeypatch, PORT="8123")["WAGTAILADMIN_BASE_URL"] == "http://localhost:8123"
    )
    assert dev_settings(monkeypatch)["WAGTAILADMIN_BASE_URL"] == "http://localhost:8000"
    makefile = (ROOT / "Makefile").read_text()
    assert "PORT=$(PORT) $(MANAGE) db_worker" in makefile
    assert "PORT=$(PORT) $(MANAGE) runserver" in makefile


def test_a_log_line_is_printed_once():
    code = (
        "import logging, django; django.setup(); "
        "logging.getLogger('django.utils.autoreload').info('Watching for file changes')"
    )
    environ = {**os.environ, "DJANGO_SETTINGS_MODULE": "kylatori.settings.dev"}
    environ.pop("LOG_LEVEL", None)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Watching for file changes") == 1, result.stderr


def test_favicon_and_touch_icon(client, region):
    response = client.get("/favicon.ico", HTTP_HOST="localhost")
    assert response.status_code == 302 and response["Location"].endswith("favicon.ico")
    assert finders.find("img/favicon.ico") and finders.find("img/apple-touch-icon.png")
    html = client.get(region.home.url, HTTP_HOST="localhost").content.decode()
    assert 'rel="icon" href="/static/img/favicon.svg"' in html
    assert 'rel="apple-touch-icon" href="/static/img/apple-touch-icon.png"' in html


def test_favicon_redirects_under_debug_too(client, region, settings):
    """`make run` serves with DEBUG, where urls.py also adds the media file patterns."""
    import importlib

    from django.urls import clear_url_caches

    import kylatori.urls

    settings.DEBUG = True
    try:
        importlib.reload(kylatori.urls)
        clear_url_caches()
        response = client.get("/favicon.ico", HTTP_HOST="localhost")
        assert response.status_code == 302 and response["Location"].endswith("favicon.ico")
    finally:
        settings.DEBUG = False
        importlib.reload(kylatori.urls)
        clear_url_caches()
