from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarSourcesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "calendarsources"
    verbose_name = _("calendar sources")

    def ready(self):
        from . import signals  # noqa: F401
