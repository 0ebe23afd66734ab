from django.core.management.base import BaseCommand

from home.models import HomePage, VillagePage
from home.roles import ensure_region_staff, ensure_village_editors, ensure_village_workflow


class Command(BaseCommand):
    help = (
        "Create the staff group and collection of every region, and the editor group, collection "
        "and moderation workflow of every village, where they are missing."
    )

    def handle(self, *args, **options):
        for home in HomePage.objects.order_by("path"):
            staff = ensure_region_staff(home)
            self.stdout.write(f"{home.title} [{home.locale.language_code}]: {staff.group.name}")
        for village in VillagePage.objects.order_by("path"):
            editors = ensure_village_editors(village)
            workflow = ensure_village_workflow(village)
            self.stdout.write(
                f"{village.title} [{village.locale.language_code}]: {editors.group.name}, "
                f"{workflow.name}"
            )
