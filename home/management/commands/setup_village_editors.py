from django.core.management.base import BaseCommand

from home.editors import ensure_village_editors
from home.models import VillagePage


class Command(BaseCommand):
    help = "Create the editor group and media collection of every village that lacks them."

    def handle(self, *args, **options):
        for village in VillagePage.objects.order_by("path"):
            editors = ensure_village_editors(village)
            self.stdout.write(
                f"{village.title} [{village.locale.language_code}]: {editors.group.name}"
            )
