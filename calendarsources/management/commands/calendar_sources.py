"""manage.py calendar_sources add|list|sync|remove: calendar sources from the command line.

    calendar_sources add --village lankipohja --url webcal://example.org/cal.ics \
        [--name N] [--organiser SLUG] [--place SLUG] [--topic SLUG ...] [--moderate|--publish]
    calendar_sources add --calendar PAGE_ID --url ...     (a region's or any calendar page)
    calendar_sources add --village V --linked-events --url https://api.hel.fi/linkedevents/v1/ \
        --filters "publisher=ahjo:00001&keyword=yso:p1235"   (a Linked Events query)
    calendar_sources list
    calendar_sources sync [ID ...] [--due]    (all sources, the given ones, or those due)
    calendar_sources remove ID                (imported pages stay, no longer synced)
    calendar_sources schedule                 (queue the hourly background syncs)
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from calendarsources.models import CalendarSource
from calendarsources.sync import sync_due, sync_source


class Command(BaseCommand):
    help = "Add, list, sync or remove calendar sources (ICS addresses, Linked Events queries)."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        add = commands.add_parser("add")
        where = add.add_mutually_exclusive_group(required=True)
        where.add_argument("--village", help="slug of the village whose calendar it feeds")
        where.add_argument("--calendar", type=int, help="id of the calendar page")
        add.add_argument("--url", required=True)
        add.add_argument(
            "--linked-events",
            dest="kind",
            action="store_const",
            const=CalendarSource.Kind.LINKED_EVENTS,
            default=CalendarSource.Kind.ICS,
            help="the address is a Linked Events API (for example https://api.hel.fi/linkedevents/v1/)",
        )
        add.add_argument(
            "--filters", default="", help="Linked Events filters: publisher=...&keyword=..."
        )
        add.add_argument("--name", default="")
        add.add_argument("--organiser", help="slug of an association in the directory")
        add.add_argument("--place", help="slug of the default place in the directory")
        add.add_argument("--topic", action="append", default=[], help="topic slug (repeatable)")
        mode = add.add_mutually_exclusive_group()
        mode.add_argument("--moderate", dest="publish", action="store_false")
        mode.add_argument("--publish", dest="publish", action="store_true", default=True)
        commands.add_parser("list")
        sync = commands.add_parser("sync")
        sync.add_argument("ids", nargs="*", type=int)
        sync.add_argument("--due", action="store_true", help="only the sources that are due")
        commands.add_parser("schedule")
        remove = commands.add_parser("remove")
        remove.add_argument("ids", nargs="+", type=int)

    def handle(self, *args, action, **options):
        getattr(self, f"do_{action}")(**options)

    def calendar_for(self, village, calendar):
        from events.models import EventIndexPage
        from home.models import VillagePage

        if calendar:
            page = EventIndexPage.objects.filter(pk=calendar).first()
            if page is None:
                raise CommandError(f"No calendar page {calendar}.")
            return page
        found = VillagePage.objects.filter(slug=village, locale=Locale.get_default()).first()
        if found is None:
            raise CommandError(f"No village {village!r}.")
        page = EventIndexPage.objects.child_of(found).first()
        if page is None:
            raise CommandError(f"The village {village!r} has no calendar page.")
        return page

    def entry(self, model, slug):
        if not slug:
            return None
        found = model.objects.filter(slug=slug, locale=Locale.get_default()).first()
        if found is None:
            raise CommandError(f"No {model._meta.verbose_name} {slug!r}.")
        return found

    def do_add(self, village, calendar, url, name, organiser, place, topic, publish, kind,
               filters, **_options):  # fmt: skip
        from directory.models import Association, Place
        from home.models import Topic

        page = self.calendar_for(village, calendar)
        source = CalendarSource(
            name=name or url,
            calendar=page,
            url=url,
            kind=kind,
            filters=filters,
            organiser=self.entry(Association, organiser),
            default_place=self.entry(Place, place),
            publish=publish,
        )
        topics = [self.entry(Topic, slug) for slug in topic]
        from calendarsources.linked import filters_error

        if filters_error(filters):
            raise CommandError(str(filters_error(filters)))
        try:
            source.full_clean()
        except ValidationError as error:
            messages = [m for ms in error.message_dict.values() for m in ms]
            raise CommandError("; ".join(messages)) from error
        source.save()
        source.topics.set(topics)
        self.stdout.write(f"Added source {source.pk}: {source.url} -> {page.url_path}")

    def do_list(self, **_options):
        for source in CalendarSource.objects.select_related("calendar"):
            state = source.last_error or (
                f"new {source.count_new}, updated {source.count_updated}, "
                f"removed {source.count_removed}, skipped {source.count_skipped}"
            )
            synced = source.last_synced_at.isoformat() if source.last_synced_at else "never"
            address = f"{source.url} [{source.filters}]" if source.filters else source.url
            self.stdout.write(
                f"{source.pk}\t{source.name}\t{address}\t{source.calendar.url_path}\t"
                f"{'publish' if source.publish else 'moderate'}\t{synced}\t{state}"
            )
            self.write_skipped(source)

    def write_skipped(self, source):
        """The last sync's skipped events, one `UID: reason` a line (at most sync.MAX_SKIPPED_SHOWN
        are kept), and how many more there were."""
        lines = source.skipped_details.splitlines()
        for line in lines:
            self.stdout.write(f"    skipped {line}")
        if source.count_skipped > len(lines):
            self.stdout.write(f"    ... and {source.count_skipped - len(lines)} more skipped")

    def do_sync(self, ids, due, **_options):
        if due:
            self.stdout.write(f"Synced {sync_due()} due sources.")
            return
        sources = CalendarSource.objects.select_related("calendar")
        if ids:
            sources = sources.filter(pk__in=ids)
        for source in sources:
            counts = sync_source(source)
            if counts is None:
                self.stderr.write(f"{source.pk} {source.name}: {source.last_error}")
            else:
                self.stdout.write(
                    f"{source.pk} {source.name}: new {counts.new}, updated {counts.updated}, "
                    f"removed {counts.removed}, skipped {source.count_skipped}"
                )
                self.write_skipped(source)

    def do_schedule(self, **_options):
        from calendarsources.tasks import schedule_due_sync

        result = schedule_due_sync()
        if result is None:
            self.stdout.write(
                "Background syncs are queued already (or the backend runs tasks now)."
            )
        else:
            self.stdout.write(f"Queued the background syncs ({result.id}).")

    def do_remove(self, ids, **_options):
        deleted = (
            CalendarSource.objects.filter(pk__in=ids)
            .delete()[1]
            .get("calendarsources.CalendarSource", 0)
        )
        self.stdout.write(f"Removed {deleted} sources.")
