"""`manage.py update_index`: Wagtail's own index (the admin's search), then ours from scratch."""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search import indexing


class Command(WagtailUpdateIndex):
    help = "Rebuild Wagtail's search index (used by the admin) and the site search index."

    def handle(self, **options):
        super().handle(**options)
        self.stdout.write("Site search index (Finnish, Swedish and English analysis):")

        def report(model, count):
            self.stdout.write(f"  {model._meta.verbose_name_plural}: {count} documents")

        indexing.rebuild(report=report)
        indexing.vacuum()
