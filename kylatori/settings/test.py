"""Tests: fast password hashing, in-memory media and cache, immediate background tasks."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="kylatori-test-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://localhost"
# Django's test set-up replaces EMAIL_BACKEND by its outbox; tests/conftest.py puts home.mail
# back in front of it.
KYLATORI_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

# On PostgreSQL the tests need no durability: without waiting for each commit's WAL flush the
# transactional tests (live server, processes), which commit and flush every table, run about a
# third faster. Test connections only; production keeps PostgreSQL's default (on).
DATABASE = DATABASES["default"]  # noqa: F405
if DATABASE["ENGINE"] == "django.db.backends.postgresql":
    DATABASE.setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
