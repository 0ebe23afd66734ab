from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Submission


@receiver(post_delete, sender=Submission)
def submission_deleted(sender, instance, **kwargs):
    # An expired (or otherwise deleted) submission takes its image file with it; deleting in
    # bulk (expire_submissions) sends this for each row too.
    if instance.image:
        instance.image.delete(save=False)
