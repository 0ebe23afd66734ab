"""Entries go through wagtail-localize's translation cycle, as editors translate them."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from directory.models import Service
from tests.factories import TopicFactory

from .factories import ServiceFactory, add_exception, add_hours


def test_service_translates_with_wagtail_localize_keeping_villages_topics_and_hours(region):
    topic = TopicFactory(name="Kauppa", slug="kauppa")
    shop = ServiceFactory(
        name="Kyläkauppa", slug="kylakauppa", villages=[region.villages[0]], topics=[topic]
    )
    add_hours(shop, 0, "9:00", "16:00")
    add_exception(shop, "2030-12-24", note="Jouluaatto")
    shop.save_revision().publish()
    shop = Service.objects.get(pk=shop.pk)

    source, _ = TranslationSource.get_or_create_from_instance(shop)
    sv = Locale.objects.get(language_code="sv")
    for segment in source.stringsegment_set.select_related("string"):
        if segment.string.data == "Kyläkauppa":
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=sv,
                context=segment.context,
                data="Byabutiken",
            )
    translation, _created = source.create_or_update_translation(sv, fallback=True)
    translation = Service.objects.get(pk=translation.pk)

    assert translation.name == "Byabutiken"
    assert translation.slug == "kylakauppa"
    assert list(translation.villages.all()) == [region.villages[0]]
    assert list(translation.topics.all()) == [topic]
    assert [(h.weekday, h.opens.hour) for h in translation.weekly_hours.all()] == [(0, 9)]
    assert translation.hours_exceptions.count() == 1
