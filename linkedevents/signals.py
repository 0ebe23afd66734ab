"""What the API shows beyond events: a change to a place, an organiser or a topic bumps the
calendar generation (events.services), which is part of every cached API answer's key.

Events, their pages' ancestors (villages, the region), view restrictions and Sites already bump
it (events.signals); entries used by an event too, but an entry no event uses is still a place
of /place/.
"""

import logging

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, published, unpublished

from directory.models import Association, Place
from events import services
from events.models import EventPage
from home.models import Topic

from .events import IMAGE_SPEC

logger = logging.getLogger(__name__)


@receiver(published)
@receiver(unpublished)
def entry_published(sender, instance, **kwargs):
    if isinstance(instance, Place | Association):
        services.bump_generation()


@receiver(page_published)
def event_image_rendition(sender, instance, **kwargs):
    """Make the API's size of an event's image when the event is published, so that a list of
    100 events never encodes 100 images: the API only reads stored renditions."""
    if isinstance(instance, EventPage) and instance.image_id:
        try:
            instance.image.get_rendition(IMAGE_SPEC)
        except Exception:  # a missing or broken file must not stop the publishing
            logger.exception("No %s rendition of image %s", IMAGE_SPEC, instance.image_id)


@receiver(post_delete, sender=Place)
@receiver(post_delete, sender=Association)
@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
def entry_or_topic_changed(sender, raw=False, **kwargs):
    if not raw:
        services.bump_generation()
