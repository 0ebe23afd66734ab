"""Index upkeep: every change that adds, removes or moves something searchable updates the index.

Pages: publish (translations are published too), unpublish, delete (the documents go with the
page: a foreign key), move, and a change of who may see them. Directory entries: publish,
unpublish, delete; and directory pages, since entries are shown under them.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from home import visibility

from . import indexing
from .models import SearchDocument


def is_directory_page(page):
    from directory.models import DirectoryPage

    return isinstance(page, DirectoryPage)


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    if is_directory_page(instance):
        # Only a directory page that no entry is shown under yet can change where they are
        # shown (addresses are made when results are shown, so a rename changes nothing here).
        if not SearchDocument.objects.filter(page=instance).exists():
            indexing.update_entries()
    else:
        indexing.update(instance)


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs):
    if is_directory_page(instance):
        indexing.update_entries()
    else:
        indexing.remove([instance.specific])


@receiver(post_page_move)
def page_was_moved(sender, instance, **kwargs):
    from directory.models import DirectoryPage
    from home.models import VillagePage

    # Its region and village, and those of everything below it, may have changed; entries
    # too, if a village or a directory page they are shown under moved with it.
    indexing.update_subtree(instance)
    moved = Page.objects.descendant_of(instance, inclusive=True)
    if moved.type(VillagePage, DirectoryPage).exists():
        indexing.update_entries()


def entry_deleted(sender, instance, **kwargs):
    indexing.remove([instance])


def directory_page_deleted(sender, instance, **kwargs):
    indexing.update_entries()


# Connected per model: a post_delete receiver for every sender would keep Django from deleting
# index rows in bulk (fast delete), which makes rebuilding the index many times slower.
for model in indexing.entry_kinds():
    post_delete.connect(entry_deleted, sender=model, dispatch_uid=f"search-{model.__name__}")
post_delete.connect(directory_page_deleted, sender="directory.DirectoryPage")


@receiver(published)
@receiver(unpublished)
def entry_published_or_unpublished(sender, instance, **kwargs):
    if type(instance) in indexing.entry_kinds():
        indexing.update(instance)


@receiver(post_save, sender="wagtailcore.PageViewRestriction")
@receiver(post_delete, sender="wagtailcore.PageViewRestriction")
def visibility_changed(sender, instance, **kwargs):
    try:
        page = instance.page
    except Page.DoesNotExist:  # the page itself is being deleted
        return
    # Its aliases show it, and real translations below them are as private (home.visibility).
    for section in visibility.sections_showing(page):
        indexing.update_subtree(section)
