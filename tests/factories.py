"""Factories that build the page tree the way editors do: pages under their parents."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.bulk import add_child_pages_in_bulk  # noqa: F401  (tests and benchmarks use it here)
from home.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    Topic,
    VillagePage,
)


def publish(obj):
    """Publish a page or snippet through a revision, as the admin does (signals run); reloaded."""
    obj.save_revision().publish()
    return type(obj).objects.get(pk=obj.pk)


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Aihe {n}")
    slug = factory.Sequence(lambda n: f"aihe-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seutu {n}")
    intro = "Kylien yhteinen tori."

    class Meta:
        model = HomePage


class VillagePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kylä {n}")
    intro = "Elävä kylä järven rannalla."
    show_in_menus = True

    class Meta:
        model = VillagePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Uutiset"
    slug = "uutiset"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Uutinen {n}")
    lead = "Kylällä tapahtuu."

    class Meta:
        model = NewsPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sivu {n}")
    intro = "Tietoa kylästä."

    class Meta:
        model = StandardPage
