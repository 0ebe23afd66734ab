from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from . import text
from .models import HomePage, VillagePage
from .roles import ensure_region_staff, ensure_village_workflow


@receiver(post_save, sender=HomePage)
def give_new_region_its_staff(sender, instance, created, raw=False, **kwargs):
    # Every translation (or alias) of a region's home is a page of its own: each gets the
    # permissions.
    if created and not raw:
        ensure_region_staff(instance)


@receiver(post_save, sender=VillagePage)
def give_new_village_its_editors(sender, instance, created, raw=False, **kwargs):
    # Likewise for a village: its editor group and collection, and its moderation workflow.
    if created and not raw:
        ensure_village_workflow(instance)


@receiver(pre_save, sender=get_image_model())
def clean_image_text(sender, instance, raw=False, **kwargs):
    # Wagtail's image model is not ours to give CleanTextMixin, and images are saved by its
    # upload, edit, multiple-upload and API views: its title and description (the default alt
    # text, the Linked Events image name) are cleaned as they are stored.
    if not raw:
        text.clean_model_text(instance)
