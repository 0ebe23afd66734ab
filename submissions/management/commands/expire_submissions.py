"""Delete the event submissions left unconfirmed for KYLATORI_SUBMISSION_CONFIRM_WITHIN (48 h).

Run it daily (or hourly) beside extend_event_horizon; docs/submissions.md.
"""

from django.core.management.base import BaseCommand

from submissions.moderation import delete_expired


class Command(BaseCommand):
    help = "Delete event submissions whose e-mail address was not confirmed in time."

    def handle(self, *args, **options):
        count = delete_expired()
        self.stdout.write(f"Deleted {count} unconfirmed submission(s).")
