"""The site history report (issue 11, what was found 7): a village column, an editing session's
autosaves as one edit, and only what lies in the user's scope."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.log_actions import LogContext

from tests.directory.factories import ServiceFactory
from tests.helpers import editors_group, member, rows, staff_group

REPORT = reverse("wagtailadmin_reports:site_history")


def report_rows(client, **params):
    response = client.get(REPORT, params)
    assert response.status_code == 200
    return rows(response.content.decode())


def autosave(page, user, title, times):
    """An editing session: a save, then autosaves overwriting the same revision, each in its
    own request (LogContext: Wagtail's middleware gives each request one)."""
    page.title = title
    with LogContext(user=user):
        revision = page.save_revision(user=user, log_action=True)
    for number in range(times):
        page.title = f"{title} {number}"
        with LogContext(user=user):
            revision = page.save_revision(user=user, log_action=True, overwrite_revision=revision)
    return revision


@pytest.fixture
def editor(region):
    return member("toimittaja", editors_group(region.villages[0]))


def test_report_names_the_village_and_shows_a_session_of_autosaves_once(client, region, editor):
    own_news = region.village_news_indexes[0].get_children().first().specific
    other_news = region.village_news_indexes[1].get_children().first().specific
    autosave(own_news, editor, "Joulumyyjäiset", times=4)
    colleague = member("kuorevesi", editors_group(region.villages[1]))
    autosave(other_news, colleague, "Kuoreveden juttu", times=1)
    shop = ServiceFactory(name="Kyläkauppa", villages=[region.villages[0]])
    shop.save_revision(user=editor, log_action=True)

    client.force_login(editor)
    shown = report_rows(client)
    edits = [row for row in shown if row.startswith("Joulumyyjäiset")]
    assert len(edits) == 1, shown  # not one row per autosave
    assert "Länkipohja" in edits[0]
    (shop_row,) = [row for row in shown if row.startswith("Kyläkauppa")]
    assert "Länkipohja" in shop_row
    assert not any("Kuoreveden juttu" in row or "Kuorevesi" in row for row in shown)

    client.force_login(member("seutu", staff_group(region)))
    shown = report_rows(client)
    (other,) = [row for row in shown if row.startswith("Kuoreveden juttu")]
    assert "Kuorevesi" in other


def test_a_bulk_action_keeps_a_row_per_page(client, region, editor):
    # One request (one uuid) publishing two pages: two rows, though the action is the same.
    first, second = (index.get_children().first().specific for index in region.village_news_indexes)
    staff = member("seutu", staff_group(region))
    with LogContext(user=staff):
        for page in (first, second):
            page.save_revision(user=staff).publish(user=staff)
    client.force_login(staff)
    published = [row for row in report_rows(client, action="wagtail.publish")]
    assert sum(first.title in row for row in published) == 1
    assert sum(second.title in row for row in published) == 1


def test_report_queries_do_not_grow_with_page_entries(
    client, region, editor, django_assert_max_num_queries
):
    # The village column costs the same for 3 rows as for 18. (Each directory entry's row costs
    # one query for its edit link, the permission check of home.roles.can_use_entry that
    # Wagtail's AdminURLFinder asks per row: the same three entries at both sizes here.)
    news = region.village_news_indexes[0].get_children().first().specific
    for _ in range(3):
        ServiceFactory(villages=[region.villages[0]]).save_revision(user=editor, log_action=True)

    def edit(start, number):
        for count in range(start, start + number):
            autosave(news, editor, f"Muokkaus {count}", times=1)

    client.force_login(editor)
    edit(0, 3)
    client.get(REPORT)
    with CaptureQueriesContext(connection) as small:
        assert client.get(REPORT).status_code == 200
    edit(3, 15)
    with CaptureQueriesContext(connection) as large:
        sessions = [row for row in report_rows(client) if row.startswith("Muokkaus")]
    assert len(sessions) == 18  # one row per editing session, not per autosave
    assert len(large) == len(small)
    with django_assert_max_num_queries(65):
        client.get(REPORT)


def test_the_downloads_have_the_village_column(client, region, editor):
    # The CSV and the XLSX say which village each entry belongs to, as the listing does; in the
    # admin's language, and only the user's villages.
    own_news = region.village_news_indexes[0].get_children().first().specific
    other_news = region.village_news_indexes[1].get_children().first().specific
    autosave(own_news, editor, "Joulumyyjäiset", times=2)
    autosave(other_news, member("kuorevesi", editors_group(region.villages[1])), "Muu", times=0)
    ServiceFactory(name="Kyläkauppa", villages=[region.villages[0]]).save_revision(
        user=editor, log_action=True
    )
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    heading, body = lines[0], lines[1:]
    assert heading[:3] == ["ID", "Nimi", "Kylä"]
    (edit,) = [line for line in body if line[1].startswith("Joulumyyjäiset")]  # autosaves once
    assert edit[2] == "Länkipohja"
    assert [line[2] for line in body if line[1] == "Kyläkauppa"] == ["Länkipohja"]
    assert not any("Kuorevesi" in line or line[1] == "Muu" for line in body)

    response = client.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert cells[0][:3] == ["ID", "Nimi", "Kylä"]
    assert ["Länkipohja"] == list({row[2] for row in cells[1:] if row[1] == "Kyläkauppa"})
