"""Local development: DEBUG on, a fixed insecure key, e-mail to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
KYLATORI_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The admin's address in Wagtail's moderation mails: the port `make run PORT=8123` serves.
WAGTAILADMIN_BASE_URL = (
    WAGTAILADMIN_BASE_URL  # noqa: F405
    or f"http://localhost:{os.environ.get('PORT') or '8000'}"
)

# `HOST=0.0.0.0 make run` serves the other devices of the LAN, which reach the site by this
# machine's address (192.168.1.20, a .local name): no list can know it beforehand, so a server
# bound to every interface answers any host name. Bound to 127.0.0.1 (the default) it answers
# local names only, so that no web page can reach it through DNS rebinding. Dev settings only:
# production takes ALLOWED_HOSTS from its environment (README).
if os.environ.get("HOST") in ("0.0.0.0", "::"):
    ALLOWED_HOSTS = ["*"]

# The task worker that `make run` starts logs two lines for every task it runs: thousands after
# the demo is seeded (Wagtail indexes every page it saves), which push the logins off the
# screen. Here it prints only what goes wrong; production's logs keep every line.
LOGGING["handlers"]["console_problems"] = {"class": "logging.StreamHandler", "level": "WARNING"}  # noqa: F405
for _name in ("django_tasks", "django_tasks_db"):
    LOGGING["loggers"][_name] = {"handlers": ["console_problems"], "propagate": False}  # noqa: F405
