"""Event pages built the way editors make them: under a calendar, published (signals run)."""

import datetime

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tapahtumat"
    slug = "tapahtumat"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tapahtuma {n}")
    summary = "Tervetuloa kylätalolle."
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=3))
    start_time = datetime.time(18)
    end_time = datetime.time(20)
    place_name = "Kylätalo"
    street_address = "Kylätie 1"
    postal_code = "35400"
    address_locality = "Länkipohja"

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        # Through a revision, as the admin does, so that page_published runs.
        if create and extracted is not False:
            obj.save_revision().publish()
