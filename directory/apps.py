from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from home.roles import VillagePermissionPolicy

        from . import signals
        from .models import ENTRY_MODELS

        # Registered before any admin code can create Wagtail's fallback policy for the models.
        for model in ENTRY_MODELS.values():
            register_permission_policy(model, VillagePermissionPolicy(model))
        post_migrate.connect(signals.grant_existing_village_editors, sender=self)
