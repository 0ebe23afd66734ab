from django.apps import apps
from django.core.management.base import BaseCommand

from events.services import extend_horizon, horizon_days


class Command(BaseCommand):
    help = (
        "Materialise repeating events without an end up to the horizon again, and delete the "
        "event submitters' data that is due (run daily)."
    )

    def handle(self, *args, **options):
        count = extend_horizon()
        self.stdout.write(f"{count} open-ended events materialised {horizon_days()} days ahead.")
        if apps.is_installed("submissions"):
            from submissions.privacy import daily

            done = daily()
            self.stdout.write(
                "Event submissions: {unconfirmed} unconfirmed deleted, contact details of "
                "{rejected} rejected erased, {after the event} deleted after the event.".format_map(
                    done
                )
            )
