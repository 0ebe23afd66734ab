from django.db.models.signals import post_save
from django.dispatch import receiver

from .editors import ensure_village_editors
from .models import VillagePage


@receiver(post_save, sender=VillagePage)
def give_new_village_its_editors(sender, instance, created, raw=False, **kwargs):
    # Every translation (or alias) of a village is a page of its own: each gets the permissions.
    if created and not raw:
        ensure_village_editors(instance)
