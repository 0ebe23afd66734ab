"""Directory entries built as editors make them: Finnish source, villages, topics, hours."""

from datetime import time

import factory
import wagtail_factories
from wagtail.models import Locale

from directory.models import (
    Association,
    DirectoryPage,
    Place,
    PlaceHoursException,
    PlaceWeeklyHours,
    Service,
    ServiceHoursException,
    ServiceWeeklyHours,
)


class DirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Hakemisto"
    slug = "hakemisto"
    show_in_menus = True

    class Meta:
        model = DirectoryPage


class EntryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kohde {n}")
    slug = factory.Sequence(lambda n: f"kohde-{n}")
    description = "Kylän yhteinen asia."
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    @factory.post_generation
    def villages(self, create, extracted, **kwargs):
        if extracted:
            self.villages.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            if create:
                self.save()


class AssociationFactory(EntryFactory):
    name = factory.Sequence(lambda n: f"Kyläyhdistys {n}")
    slug = factory.Sequence(lambda n: f"kylayhdistys-{n}")
    email = "hallitus@example.fi"

    class Meta:
        model = Association
        skip_postgeneration_save = True


class ServiceFactory(EntryFactory):
    name = factory.Sequence(lambda n: f"Kyläkauppa {n}")
    slug = factory.Sequence(lambda n: f"kylakauppa-{n}")
    kind = Service.Kind.SHOP
    telephone = "03 123 4567"
    street_address = "Kyläntie 1"
    postal_code = "35400"
    address_locality = "Länkipohja"
    latitude = "61.737300"
    longitude = "24.813500"

    class Meta:
        model = Service
        skip_postgeneration_save = True


class PlaceFactory(EntryFactory):
    name = factory.Sequence(lambda n: f"Kylätalo {n}")
    slug = factory.Sequence(lambda n: f"kylatalo-{n}")
    street_address = "Seuratie 2"
    postal_code = "35400"
    address_locality = "Länkipohja"
    latitude = "61.738000"
    longitude = "24.812000"
    accessibility = "Esteetön sisäänkäynti."

    class Meta:
        model = Place
        skip_postgeneration_save = True


def _time(value):
    if isinstance(value, time):
        return value
    hour, minute = value.split(":")
    return time(int(hour), int(minute))


def add_hours(entry, weekday, opens, closes):
    model = ServiceWeeklyHours if isinstance(entry, Service) else PlaceWeeklyHours
    return model.objects.create(
        parent=entry, weekday=weekday, opens=_time(opens), closes=_time(closes)
    )


def add_exception(entry, start, end=None, closed=True, opens=None, closes=None, note=""):
    model = ServiceHoursException if isinstance(entry, Service) else PlaceHoursException
    return model.objects.create(
        parent=entry,
        start_date=start,
        end_date=end,
        closed=closed,
        opens=_time(opens) if opens else None,
        closes=_time(closes) if closes else None,
        note=note,
    )


def translate_entry(entry, language_code, **fields):
    """The entry's translation in `language_code` (villages, topics and hours copied), live."""
    locale = Locale.objects.get(language_code=language_code)
    translation = entry.copy_for_translation(locale)
    translation.live = True
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def bulk_entries(count, villages, start=0, topics=()):
    """`count` live Finnish entries spread over the three types and `villages`, made in bulk.

    For query-count tests and benchmarks: a few INSERTs instead of thousands of saves. Services
    and places get weekday hours; every entry gets the `topics`.
    """
    locale = Locale.get_default()
    made = {Association: [], Service: [], Place: []}
    models = list(made)
    for number in range(start, start + count):
        model = models[number % 3]
        made[model].append(
            model(
                # Numbered first, so that every page of the listing mixes the three types.
                name=f"Kohde {number:05d} ({['seura', 'palvelu', 'paikka'][number % 3]})",
                slug=f"kohde-{number}",
                description="Kylän yhteinen asia.",
                locale=locale,
                live=True,
                email="info@example.fi",
            )
        )
    for model, objects in made.items():
        model.objects.bulk_create(objects)
        objects[:] = list(model.objects.filter(slug__in=[o.slug for o in objects]))
        through = model.villages.through
        field = f"{model._meta.model_name}_id"
        through.objects.bulk_create(
            through(**{field: obj.pk, "villagepage_id": villages[i % len(villages)].pk})
            for i, obj in enumerate(objects)
        )
        if topics:
            topic_through = model.topics.through
            topic_through.objects.bulk_create(
                topic_through(**{field: obj.pk, "topic_id": topic.pk})
                for obj in objects
                for topic in topics
            )
        if model is not Association:
            hours = ServiceWeeklyHours if model is Service else PlaceWeeklyHours
            hours.objects.bulk_create(
                hours(parent_id=obj.pk, weekday=day, opens=time(9), closes=time(16), sort_order=day)
                for obj in objects
                for day in range(5)
            )
    return made
