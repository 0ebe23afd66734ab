"""What the API shows beyond events: a change to a place, an organiser or a topic bumps the
calendar generation (events.services), which is part of every cached API answer's key.

Events, their pages' ancestors (villages, the region), view restrictions and Sites already bump
it (events.signals); entries used by an event too, but an entry no event uses is still a place
of /place/.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from directory.models import Association, Place
from events import services
from home.models import Topic


@receiver(published)
@receiver(unpublished)
def entry_published(sender, instance, **kwargs):
    if isinstance(instance, Place | Association):
        services.bump_generation()


@receiver(post_delete, sender=Place)
@receiver(post_delete, sender=Association)
@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
def entry_or_topic_changed(sender, raw=False, **kwargs):
    if not raw:
        services.bump_generation()
