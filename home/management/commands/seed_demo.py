"""`manage.py seed_demo`: two regions of villages with news, pages, images and users to try out.

Everything is built through the models (home/demo/builder.py), from the texts in
home/demo/content.py. Running it again changes nothing and prints the same logins: generated
passwords are kept in a file (by default .demo-credentials.json in the project folder, ignored by
git), which is why the command refuses to run outside DEBUG unless forced.
"""

import json
import logging
import os
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from home.demo.builder import DemoBuilder

# As served by `manage.py runserver` (`make run` passes its PORT in the environment).
ADMIN_URL = "http://127.0.0.1:{port}/admin/"
SITE_URL = "http://{hostname}:{port}/fi/"
QUIET_LOGGERS = ["wagtail", "django_tasks", "modelsearch"]


class Command(BaseCommand):
    help = (
        "Create demo content: two regions with villages, news in Finnish, Swedish and English, "
        "images, editor groups and users. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even when DEBUG is off. The demo creates users whose passwords are printed "
            "and stored in a file: never use it on a public site.",
        )
        parser.add_argument(
            "--credentials-file",
            type=Path,
            help="File that keeps the generated passwords "
            "(default: .demo-credentials.json in the project folder).",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT") or 8000),
            help="The port the site will be served on: the demo's Sites get it, so absolute "
            "addresses (feeds, sitemap, hreflang) work. Run again with another port to move "
            "them (default: $PORT or 8000).",
        )

    def handle(self, *args, force=False, credentials_file=None, port=8000, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates users with known passwords, so it runs only with DEBUG on "
                "(development settings). Pass --force to run it anyway, never on a public site."
            )
        path = credentials_file or Path(settings.BASE_DIR) / ".demo-credentials.json"
        passwords = read_passwords(path)
        stored = dict(passwords)
        # A fresh page's translation gets its own slug right after it is copied; no one has seen
        # the copied address, so Wagtail need not keep a redirect from it.
        with (
            override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False),
            quiet_loggers(QUIET_LOGGERS if options["verbosity"] < 2 else []),
            transaction.atomic(),
        ):
            builder = DemoBuilder(passwords, stdout=self.stdout, port=port)
            regions = builder.build()
        if passwords != stored:
            write_passwords(path, passwords)

        write = self.stdout.write
        write("Demo content")
        for line in [*builder.notes, *builder.tally.lines()]:
            write(f"  {line}")
        write("Sites")
        for region in regions:
            if region.site is not None:
                site_url = SITE_URL.format(hostname=region.site.hostname, port=port)
                write(f"  {region.home.title}: {site_url}")
        write(f"Logins (passwords kept in {path})")
        for login in builder.logins:
            password = (
                f"password {login.password}"
                if login.password
                else f"password unknown (set one: manage.py changepassword {login.username})"
            )
            admin_url = ADMIN_URL.format(port=port)
            write(f"  {login.role}: {admin_url} user {login.username} {password}")


@contextmanager
def quiet_loggers(names):
    """Hide the INFO lines of every page saved and task run (some thousand) while building."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def read_passwords(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError as error:
        raise CommandError(f"{path} is not valid JSON ({error}); fix or remove it.") from error


def write_passwords(path, passwords):
    """Write the passwords readable by the owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        json.dump(passwords, file, indent=2, sort_keys=True, ensure_ascii=False)
        file.write("\n")
