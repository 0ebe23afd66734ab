from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from . import services
from .models import EventIndexPage, EventPage


@receiver(page_published)
def event_or_ancestor_published(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        services.refresh_published(instance)
    elif instance.numchild or isinstance(instance, EventIndexPage):
        # A renamed region, village or calendar changes the address of the events below it,
        # and of the calendars' …/feed.ics.
        services.refresh_addresses(instance)
        services.bump_generation()


@receiver(post_save, sender=EventPage)
def event_alias_created(sender, instance, created, raw=False, **kwargs):
    # wagtail-localize makes a live alias of a new page in every other language (the stand-in
    # until it is translated); Wagtail sends no page_published for it.
    if created and not raw and instance.alias_of_id and instance.live:
        services.refresh_event(instance, source=instance.alias_of.specific)
        services.bump_generation()


@receiver(post_save, sender=Site)
def site_address_changed(sender, instance, created, raw=False, **kwargs):
    # The iCal entries are written at publish time with the Site's address (`make run
    # PORT=8123` moves the demo's Sites, an administrator may rename a host).
    if not created and not raw:
        services.refresh_site(instance)


@receiver(page_unpublished)
def event_unpublished(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        services.withdraw(instance)
    else:
        # An unpublished calendar (or an ancestor of one) must leave the cached feeds too.
        services.bump_generation()


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    services.refresh_addresses(instance)
    services.bump_generation()


@receiver(post_delete, sender=EventPage)
@receiver(post_delete, sender=EventIndexPage)
def event_deleted(sender, instance, **kwargs):
    # Occurrences and the feed entry go with the page (CASCADE); cached feeds must follow. The
    # event's list rows may have been another page's (a translation's): written again.
    if isinstance(instance, EventPage):
        services.refresh_rows([instance.translation_key])
    services.bump_generation()


@receiver(published)
@receiver(unpublished)
def directory_entry_published(sender, instance, **kwargs):
    """A renamed place or organiser changes LOCATION and ORGANIZER of the events that use it;
    an unpublished one leaves them (events.schedule.Location, EventPage.organiser_info)."""
    from directory.models import Association, Place

    if isinstance(instance, Place | Association):
        services.refresh_entries_using(instance)


@receiver(post_save, sender="wagtailcore.PageViewRestriction")
@receiver(post_delete, sender="wagtailcore.PageViewRestriction")
def view_restriction_changed(sender, **kwargs):
    # A page made private (or public again) changes which events every feed may show.
    services.bump_generation()
