"""One person's data from the event submissions, for a GDPR request: by e-mail address.

    manage.py submitter_data export maija@example.fi   (JSON on standard output)
    manage.py submitter_data delete maija@example.fi   (prints what was deleted)

The address is matched whatever its case, in every village. Deleting removes each submission
(name, e-mail, phone, what was typed) and the drafts not published; published events stay,
without the person's data (docs/submissions.md).
"""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from submissions.privacy import delete_for, export_for


class Command(BaseCommand):
    help = "Export or delete one event submitter's data by e-mail address (GDPR requests)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "delete"])
        parser.add_argument("email")

    def handle(self, *args, action, email, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email!r}") from error
        if action == "export":
            data = {"email": email, "submissions": export_for(email)}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        counts = delete_for(email)
        self.stdout.write(
            "Deleted {submissions} submission(s) with {email}: {drafts} unpublished draft(s) "
            "deleted, {published} published event(s) kept without the submitter's "
            "details.".format(email=email, **counts)
        )
