from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Villages and news")

    def ready(self):
        from . import dates, localize_dates, signals  # noqa: F401

        dates.use_in_admin()
        localize_dates.use_admin_language_dates()
