"""Editors translate through wagtail-localize: our page types must go through its whole cycle."""

from wagtail.blocks import StreamValue
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.models import NewsPage
from home.translation import translate_page
from tests.factories import NewsPageFactory, TopicFactory


def test_news_page_translates_through_wagtail_localize(
    client, region, django_capture_on_commit_callbacks
):
    translate_page(region.home, "sv", title="Himos-regionen")
    topic = TopicFactory(name="Kulttuuri", slug="kulttuuri")
    swedish_topic = topic.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish_topic.name = "Kultur"
    swedish_topic.save()
    news = NewsPageFactory(
        parent=region.village_news_indexes[0],
        title="Kesäteatteri",
        lead="Ensi-ilta lauantaina.",
        body=[("paragraph", "<p>Tervetuloa katsomaan!</p>")],
    )
    news.topics.add(topic)
    news.save_revision().publish()

    source, _ = TranslationSource.get_or_create_from_instance(news)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="sv")
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"SV {entry.msgid}"
    translation.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)

    swedish = NewsPage.objects.get(translation_key=news.translation_key, locale__language_code="sv")
    assert swedish.live and swedish.alias_of_id is None
    assert swedish.title == "SV Kesäteatteri"
    assert swedish.lead == "SV Ensi-ilta lauantaina."
    assert isinstance(swedish.body, StreamValue)
    html = client.get(swedish.url).content.decode()
    assert "<h1>SV Kesäteatteri</h1>" in html
    assert "SV Tervetuloa katsomaan!" in html
    assert "Kultur" in html  # the topic shown in the page's language
