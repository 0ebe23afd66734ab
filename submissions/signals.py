from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import task_rejected, workflow_approved

from . import moderation
from .models import Submission


@receiver(post_delete, sender=Submission)
def submission_deleted(sender, instance, **kwargs):
    # An expired (or otherwise deleted) submission takes its image file with it; deleting in
    # bulk (expire_submissions) sends this for each row too.
    if instance.image:
        instance.image.delete(save=False)


# The submitter hears what the editors decided, once the decision is committed.


@receiver(workflow_approved)
def submission_approved(sender, instance, **kwargs):
    transaction.on_commit(lambda: moderation.tell_approved(instance))


@receiver(task_rejected)
def submission_sent_back(sender, instance, **kwargs):
    transaction.on_commit(lambda: moderation.tell_rejected(instance))
