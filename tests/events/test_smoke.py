import datetime

import icalendar

from events.models import EventOccurrence
from tests.events.factories import EventPageFactory


def test_weekly_event_materialises_and_feeds(client, calendars):
    index = calendars.village_calendars[0]
    start = datetime.date.today() + datetime.timedelta(days=1)
    event = EventPageFactory(
        parent=index,
        title="Kuoro",
        start_date=start,
        frequency="WEEKLY",
        repeat_count=5,
    )
    assert EventOccurrence.objects.filter(event=event).count() == 5
    response = client.get(index.url + "ical/")
    assert response.status_code == 200, response.content[:500]
    cal = icalendar.Calendar.from_ical(response.content)
    print(response.content.decode())
    assert len(cal.walk("VEVENT")) == 1
    assert client.get(index.url).status_code == 200
    assert client.get(event.url).status_code == 200
    assert client.get(index.url + "month/2026/11/").status_code == 200
    assert client.get(index.url + "archive/").status_code == 200
