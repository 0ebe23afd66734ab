"""Every absolute address the site hands out works on the port it is served on.

The demo is served by a live server on a free port (not 80), its Sites on that port as
`seed_demo --port` leaves them; the test reads the absolute same-site addresses in the HTML
(hreflang, feed links), the RSS feed, the iCal feeds, the sitemap, robots.txt and the JSON-LD of
a sample of pages, and fetches each one.
"""

import html
import io
import re
import urllib.request
from urllib.parse import urlsplit

from wagtail.models import Locale, Site

from directory.demo import seed_directory
from events.demo import seed_events
from events.models import EventPage
from events.views import stable_calendar_path, stable_event_path
from tests.browser.conftest import _locale_sync_ignores_raw_saves  # noqa: F401 (a fixture)
from tests.conftest import translate_tree

ABSOLUTE = re.compile(r"""(?:https?|webcal)://[^\s"'<>\\]+""")
SITE_HOSTS = {"localhost", "iitti.localhost"}


def unfold(text):
    """iCal folds long lines: a line break followed by one space continues the line."""
    return text.replace("\r\n ", "").replace("\n ", "")


def is_feed(path):
    return path.endswith(".ics") or path.endswith("/feed/")


def fetch(url):
    url = re.sub("^webcal://", "http://", url)
    with urllib.request.urlopen(url, timeout=30) as response:  # follows redirects
        return response.status, response.read().decode()


def test_every_absolute_address_answers_on_the_served_port(
    _locale_sync_ignores_raw_saves,  # noqa: F811
    transactional_db,
    django_db_serialized_rollback,
    live_server,
    region,
):
    translate_tree(region.home)
    seed_directory(region.home, region.villages, io.StringIO())
    seed_events(region.home, region.villages, io.StringIO())
    port = urlsplit(live_server.url).port
    assert port != 80
    for site in Site.objects.all():  # as `seed_demo --port` does for `make run PORT=...`
        site.port = port
        site.save(update_fields=["port"])  # (saving clears Wagtail's cache of site roots)

    village = region.villages[0]
    event = EventPage.objects.descendant_of(village).get(slug="kirpputori", locale=village.locale)
    calendar = event.get_parent()
    base = f"http://localhost:{port}"
    sample = {
        "home": region.home.url,
        "village sv": village.get_translation(Locale.objects.get(language_code="sv")).url,
        "event": event.url,
        "hall": f"{village.url}hakemisto/paikka/{village.slug}-kylatalo/",
        "association": f"{village.url}hakemisto/yhdistys/{village.slug}-kylayhdistys/",
        "news feed": f"{region.village_news_indexes[0].url}feed/",
        "calendar feed": stable_calendar_path(calendar),
        "event feed": stable_event_path(event),
        "sitemap": "/sitemap.xml",
        "robots": "/robots.txt",
    }
    found, kinds = {}, set()
    for name, path in sample.items():
        path = urlsplit(path).path  # page.url is absolute when the site has several Sites
        status, text = fetch(base + path)
        assert status == 200, (name, path)
        if name.endswith("feed"):
            text = unfold(text)
        if name not in ("sitemap", "robots", "news feed", "calendar feed", "event feed"):
            # Links within the site are paths; only <link>s and the subscription addresses of
            # feeds (printed to be copied into a calendar app) are absolute.
            links = re.findall(r'<a [^>]*href="(https?://[^"]+)"', text)
            assert not [
                url
                for url in links
                if urlsplit(url).hostname in SITE_HOSTS and not is_feed(urlsplit(url).path)
            ], name
        for url in ABSOLUTE.findall(html.unescape(text)):
            if urlsplit(url).hostname in SITE_HOSTS:
                found.setdefault(url.rstrip(".,;)"), name)
                kinds.add(name)

    wrong_port = {url: name for url, name in found.items() if urlsplit(url).port != port}
    assert not wrong_port
    assert {"home", "event", "news feed", "event feed", "sitemap", "robots"} <= kinds, kinds
    # Every address found on the sampled pages, and a sample of the sitemap's many pages.
    sitemap = sorted(url for url, name in found.items() if name == "sitemap")
    to_fetch = [url for url, name in found.items() if name != "sitemap"] + sitemap[::5]
    failed = {}
    for url in to_fetch:
        try:
            status, _ = fetch(url)
        except OSError as error:
            failed[url] = str(error)
        else:
            if status != 200:
                failed[url] = status
    assert not failed, failed
