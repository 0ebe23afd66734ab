"""The opening-hours editor's week templates (issue 11, item 5); the buttons themselves are
tested in the browser (tests/browser/test_opening_hours.py)."""

import json
import re

from directory.hours_admin import WEEK_TEMPLATES, template_rows
from tests.directory.factories import ServiceFactory
from tests.helpers import editors_group, member


def test_a_template_is_one_row_per_weekday_in_the_admins_time_format():
    _label, spans = WEEK_TEMPLATES[1]
    assert template_rows(spans) == [[day, "08.00", "16.00"] for day in range(5)] + [
        [5, "10.00", "14.00"]
    ]


def test_the_service_editor_offers_the_templates_in_finnish(client, region):
    village = region.villages[0]
    shop = ServiceFactory(villages=[village])
    client.force_login(member("toimittaja", editors_group(village)))
    html = client.get(f"/admin/snippets/directory/service/edit/{shop.pk}/").content.decode()
    assert "Aloita viikkopohjasta" in html
    assert '<option value="1">ma–pe 8–16, la 10–14</option>' in html
    assert 'data-copy-weekdays-label="Kopioi muille arkipäiville (ma–pe)"' in html
    templates = re.search(r'data-templates="([^"]*)"', html).group(1).replace("&quot;", '"')
    assert json.loads(templates)[0] == [[day, "09.00", "16.00"] for day in range(5)]
    assert "js/opening-hours-admin.js" in html
