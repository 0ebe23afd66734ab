"""A moderated source's event approved: its translations follow, and it stays attached.

A moderated source's new or changed event is a revision of its Finnish page in the village's
workflow (calendarsources.sync.Writer). When a reviewer approves it, Wagtail publishes that
revision, and its aliases with it; the Swedish and English translations made from the source's
own texts (Linked Events') wait as the importer's revisions and are published here. The page's
digest becomes what the sync wrote, so the next sync does not take the approval for an editor's
change (an editor who changed the draft saved a revision of their own: that page is detached).
"""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def imported_event_published(sender, instance, revision=None, **kwargs):
    from events.models import EventPage

    from .models import ImportedEvent
    from .sync import page_digest

    # The importer's revisions have no user: an editor's own publish costs no query here.
    # The revision approved must be the one the sync submitted (ImportedEvent.revision_id).
    if not isinstance(instance, EventPage) or revision is None or revision.user_id is not None:
        return
    approved = ImportedEvent.objects.filter(page_id=instance.pk, revision_id=revision.pk)
    if not approved.update(page_digest=page_digest(instance), revision_id=None):
        return
    waiting = (
        EventPage.objects.filter(
            translation_key=instance.translation_key,
            alias_of__isnull=True,
            has_unpublished_changes=True,
        )
        .exclude(pk=instance.pk)
        .select_related("latest_revision")
    )
    for page in waiting:
        if page.latest_revision is not None and page.latest_revision.user_id is None:
            page.latest_revision.publish()
