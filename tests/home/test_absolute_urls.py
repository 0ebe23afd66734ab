"""Every absolute address the site hands out works on the port it is served on.

The demo is served by a live server on a free port (not 80), its Sites on that port as
`seed_demo --port` leaves them; the test reads the absolute same-site addresses in the HTML
(hreflang, feed links, images), the RSS feed, the iCal feeds, the sitemap, robots.txt, the JSON-LD
and the Linked Events API's JSON of a sample of pages (one of each kind, in fi, sv and en, rather
than a crawl: it must not add minutes to CI), and fetches each one, with a fifth of the sitemap
and every link within the site on those pages (about 130 addresses in all).
That the addresses follow the Site rather than the request's Host is tests/home/test_sites.py's.
"""

import html
import io
import re
import urllib.request
from urllib.parse import urlsplit

from wagtail.models import Locale, Site

from directory.demo import seed_directory
from directory.pages import DirectoryPage
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
        return response.status, response.read().decode(errors="replace")  # an image: bytes


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
    sv, en = (Locale.objects.get(language_code=code) for code in ("sv", "en"))
    event = EventPage.objects.descendant_of(village).get(slug="kirpputori", locale=village.locale)
    calendar = event.get_parent()
    directory = DirectoryPage.objects.child_of(village).get()
    hall = f"paikka/{village.slug}-kylatalo/"
    base = f"http://localhost:{port}"
    # One page of each kind in each language, the feeds, the sitemap and the API's JSON.
    sample = {
        "home": region.home.url,
        "home en": region.home.get_translation(en).url,
        "village sv": village.get_translation(sv).url,
        "calendar": calendar.url,
        "calendar en": calendar.get_translation(en).url,
        "event": event.url,
        "event sv": event.get_translation(sv).url,
        "directory sv": directory.get_translation(sv).url,
        "hall": directory.url + hall,
        "hall en": directory.get_translation(en).url + hall,
        "association": f"{directory.url}yhdistys/{village.slug}-kylayhdistys/",
        "news": region.village_news_indexes[0].url,
        "news feed": f"{region.village_news_indexes[0].url}feed/",
        "calendar feed": stable_calendar_path(calendar),
        "event feed": stable_event_path(event.get_translation(sv)),
        "sitemap": "/sitemap.xml",
        "robots": "/robots.txt",
        "api": "/linkedevents/v1/event/?page_size=5&include=location",
        "api place": "/linkedevents/v1/place/?page_size=5",
    }
    plain = {"sitemap", "robots", "api", "api place"}
    found, kinds, paths = {}, set(), set()
    for name, path in sample.items():
        path = urlsplit(path)._replace(scheme="", netloc="").geturl()  # page.url may be absolute
        status, text = fetch(base + path)
        assert status == 200, (name, path)
        if name.endswith("feed"):
            text = unfold(text)
        elif name not in plain:
            # Links within the site are paths; only <link>s and the subscription addresses of
            # feeds (printed to be copied into a calendar app) are absolute.
            links = re.findall(r'<a [^>]*href="(https?://[^"]+)"', text)
            assert not [
                url
                for url in links
                if urlsplit(url).hostname in SITE_HOSTS and not is_feed(urlsplit(url).path)
            ], name
            paths.update(html.unescape(p) for p in re.findall(r'<a [^>]*href="(/[^"]*)"', text))
            for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text):
                if any(urlsplit(url).hostname in SITE_HOSTS for url in ABSOLUTE.findall(script)):
                    kinds.add("JSON-LD")  # its addresses are fetched below with the page's
        for url in ABSOLUTE.findall(html.unescape(text)):
            if urlsplit(url).hostname in SITE_HOSTS:
                found.setdefault(url.rstrip(".,;)"), name)
                kinds.add(name)

    wrong_port = {url: name for url, name in found.items() if urlsplit(url).port != port}
    assert not wrong_port
    # Every kind of surface has absolute addresses to check (the API's places, the news index
    # and an English entry may have none of their own).
    assert set(sample) - {"api place", "news", "hall en"} <= kinds, set(sample) - kinds
    assert "JSON-LD" in kinds
    # Every address found on the sampled pages, their links within the site (`make run`'s demo
    # in which every link works), and a sample of the sitemap's many pages.
    sitemap = sorted(url for url, name in found.items() if name == "sitemap")
    to_fetch = [url for url, name in found.items() if name != "sitemap"] + sitemap[::5]
    to_fetch += sorted({base + path for path in paths} - set(to_fetch))
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
