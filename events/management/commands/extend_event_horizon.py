from django.core.management.base import BaseCommand

from events.services import extend_horizon, horizon_days


class Command(BaseCommand):
    help = "Materialise repeating events without an end up to the horizon again (run daily)."

    def handle(self, *args, **options):
        count = extend_horizon()
        self.stdout.write(f"{count} open-ended events materialised {horizon_days()} days ahead.")
