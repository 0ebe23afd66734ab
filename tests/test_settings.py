"""The production settings, imported in a fresh interpreter with a given environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTED = {  # the README's production variables, with placeholder values
    "SECRET_KEY": "test-placeholder-" + "x" * 60,
    "ALLOWED_HOSTS": "himos.example.fi",
    "REDIS_URL": "redis://redis.example.fi:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://himos.example.fi",
}
SHOW = """
import json
from django.conf import settings
names = ["WAGTAILADMIN_BASE_URL", "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
         "SECURE_HSTS_PRELOAD", "AXES_IPWARE_META_PRECEDENCE_ORDER", "CONTENT_SECURITY_POLICY",
         "EMAIL_BACKEND", "KYLATORI_EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS",
         "EMAIL_USE_SSL", "EMAIL_HOST_USER", "DEFAULT_FROM_EMAIL"]
print(json.dumps({name: getattr(settings, name) for name in names}))
"""


def production_settings(**environment):
    """The settings production.py makes from `environment`, or the error it refuses with."""
    env = {key: value for key, value in os.environ.items() if key not in DOCUMENTED}
    env.update(environment, DJANGO_SETTINGS_MODULE="kylatori.settings.production")
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        return result.stderr.strip().splitlines()[-1]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("missing", ["SECRET_KEY", "WAGTAILADMIN_BASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_a_required_variable(missing):
    environment = {key: value for key, value in DOCUMENTED.items() if key != missing}
    error = production_settings(**environment)
    assert "ImproperlyConfigured" in error and missing in error


def test_production_trusts_no_forwarded_header_and_binds_no_subdomain_by_default():
    settings = production_settings(**DOCUMENTED)
    assert settings["WAGTAILADMIN_BASE_URL"] == "https://himos.example.fi"
    assert settings["SECURE_PROXY_SSL_HEADER"] is None
    assert settings["AXES_IPWARE_META_PRECEDENCE_ORDER"] == ["REMOTE_ADDR"]
    assert settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert settings["SECURE_HSTS_PRELOAD"] is False
    assert settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["upgrade-insecure-requests"] is True
    # Mail goes through e-mail's cleaning step (home.mail), then over SMTP.
    assert settings["EMAIL_BACKEND"] == "home.mail.EmailBackend"
    assert settings["KYLATORI_EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"


def test_production_proxy_headers_and_hsts_come_from_the_environment():
    settings = production_settings(
        **DOCUMENTED,
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
        AXES_IPWARE_META_PRECEDENCE_ORDER="HTTP_X_REAL_IP",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
        SECURE_HSTS_PRELOAD="true",
        AWS_STORAGE_BUCKET_NAME="kylatori-media",
        AWS_S3_CUSTOM_DOMAIN="media.example.fi",
    )
    assert settings["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert settings["AXES_IPWARE_META_PRECEDENCE_ORDER"] == ["HTTP_X_REAL_IP", "REMOTE_ADDR"]
    assert settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert settings["SECURE_HSTS_PRELOAD"] is True
    img_src = settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert img_src == ["'self'", "https://media.example.fi"]


def test_dev_settings_keep_a_local_admin_address():
    env = {key: value for key, value in os.environ.items() if key != "WAGTAILADMIN_BASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "kylatori.settings.dev"
    result = subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout)["WAGTAILADMIN_BASE_URL"] == "http://localhost:8000"


def test_production_keeps_postgresql_durable_commits():
    # The test settings turn synchronous_commit off on PostgreSQL, for speed; production must not.
    code = "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS'))"
    env = {key: value for key, value in os.environ.items() if key not in DOCUMENTED}
    env.update(
        DOCUMENTED,
        DJANGO_SETTINGS_MODULE="kylatori.settings.production",
        DATABASE_URL="postgres://kylatori:secret@db.example.fi:5432/kylatori",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "synchronous_commit" not in result.stdout


def test_mail_goes_to_the_configured_smtp_server():
    # Unset: a relay on the machine itself, plain SMTP.
    settings = production_settings(**DOCUMENTED)
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"]) == (
        "localhost",
        25,
        False,
    )
    settings = production_settings(
        **DOCUMENTED,
        EMAIL_HOST="smtp.example.fi",
        EMAIL_HOST_USER="kylatori",
        DEFAULT_FROM_EMAIL="Kylätori <noreply@himos.example.fi>",
    )
    assert settings["EMAIL_HOST"] == "smtp.example.fi" and settings["EMAIL_HOST_USER"] == "kylatori"
    # A remote server: STARTTLS on the submission port.
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"]) == (587, True)
    assert settings["DEFAULT_FROM_EMAIL"] == "Kylätori <noreply@himos.example.fi>"
    settings = production_settings(**DOCUMENTED, EMAIL_HOST="smtp.example.fi", EMAIL_USE_SSL="true")
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_SSL"], settings["EMAIL_USE_TLS"]) == (
        465,
        True,
        False,
    )
    error = production_settings(**DOCUMENTED, EMAIL_USE_TLS="true", EMAIL_USE_SSL="true")
    assert "ImproperlyConfigured" in error and "EMAIL_USE_SSL" in error
