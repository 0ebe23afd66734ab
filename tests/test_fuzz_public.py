"""Hostile query strings and form bodies on every public address: a page, a message or a 400,
never a 5xx.

The addresses are discovered, so one added later is fuzzed without anyone remembering to: every
URL pattern of Django's resolver outside the admin (the admin sweep, tests/test_admin_sweep.py,
covers that), in fi, sv and en, and every live page of a translated fixture site with each
RoutablePageMixin sub-route of its type. A pattern with parameters this file cannot fill fails
the test unless EXEMPT says why. The few admin addresses an anonymous visitor uses (login,
password reset) and the addresses no pattern names ("/", an unknown path) are listed by hand.

A fixed corpus (huge and negative integers, dates outside every calendar, 1000 repeated values,
hundreds of distinct values, control characters, NUL, SQL, unicode, very long strings, PHP-style
arrays, unknown names) goes with every parameter name any public view reads to one address of
each pattern, page type and sub-route; the other addresses (other languages, other pages of a
type) get the values that could break any view. The public forms (event submission and its
confirmation, password reset, logins, the password of a restricted page or document collection)
get the corpus as their POST body; search is a GET form. Hypothesis then tries a limited number
of random combinations on top.
"""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from tests.conftest import translate_tree
from tests.directory.factories import AssociationFactory, DirectoryPageFactory, PlaceFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import StandardPageFactory, TopicFactory
from tests.routes import all_routes

LANGUAGES = [code for code, _ in django_settings.LANGUAGES]
# Patterns left out, each with why. Keep this short.
EXEMPT = {}
# Admin addresses an anonymous visitor uses (the admin sweep tries the admin signed in).
PUBLIC_ADMIN = [
    "/admin/login/",
    "/admin/password_reset/",
    "/admin/password_reset/done/",
    "/admin/password_reset/complete/",
]
# Addresses no pattern names: the root (redirected to a language) and unknown paths (404).
UNNAMED = [
    "/", "/ei-ole-olemassa/", "/fi/ei-ole-olemassa/", "/sv/x/y/z/",
    "/linkedevents/v1/nothing/",  # the API's "not-found" pattern: its addresses are 404s
]  # fmt: skip

# Every parameter a public view reads, and a few it does not.
NAMES = [
    "page", "start", "end", "village", "topic", "free", "place", "organiser", "q", "kind",
    "type", "p", "next", "year", "month", "format", "unknown",
    # The Linked Events API's
    "page_size", "days", "keyword", "location", "publisher", "text", "include", "sort",
    "super_event", "super_event_type", "recurring", "last_modified_since",
]  # fmt: skip

HOSTILE = [
    "9" * 5000,  # beyond int()'s 4300 digits
    "-1",
    "1e308",
    "0001-01-01",
    "9999-12-31",
    "3000-01-01",
    "\x00",
    "\x01\x08\x1b[31m\r\n\t",
    "\u202e\u200b\ufeff\ud800",  # bidi override, invisible, a lone surrogate
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    "x" * 100_000,
    "lankipohja",  # a real slug, in the wrong place for most names
    "",
]
# Pages that read no parameter get the few values that could break any page.
SHORT = ["9" * 5000, "\x00", "\ud800", "x" * 100_000]


def query_string(pairs):
    return urlencode(
        [(name, value.encode("utf-8", "surrogatepass")) for name, value in pairs], doseq=False
    )


PARAMETER = re.compile(r"<(?:\w+:)?(?P<name>\w+)>")


def public_patterns():
    """(route, pattern) of every URL pattern outside the admin; a language prefix is "<lang>/"."""
    return [
        (route, p) for route, p in all_routes() if not route.startswith(("admin/", "django-admin/"))
    ]


def in_language(code, name, *args):
    with translation.override(code):
        return reverse(name, args=args)


class Site:
    """A translated region with one object of every kind a public address names."""

    def __init__(self, region):
        self.home, village = region.home, region.villages[0]
        self.topic = TopicFactory(name="Liikunta", slug="liikunta")
        self.calendars = [
            EventIndexPageFactory(parent=self.home),
            EventIndexPageFactory(parent=village),
        ]
        self.event = EventPageFactory(parent=self.calendars[1], title="Kyläkokous")
        self.event.topics.add(self.topic)
        self.directory = DirectoryPageFactory(parent=village)
        DirectoryPageFactory(parent=self.home, title="Palvelut", slug="palvelut")
        self.place = PlaceFactory(villages=[village], topics=[self.topic])
        AssociationFactory(villages=[village])
        self.village = village
        self.restricted = StandardPageFactory(parent=village, title="Historia", slug="historia")
        translate_tree(self.home)
        self.page_restriction = PageViewRestriction.objects.create(
            page=self.restricted, restriction_type=BaseViewRestriction.PASSWORD, password="salasana"
        )
        root = Collection.get_first_root_node()
        locked = root.add_child(name="Hallitus")
        self.collection_restriction = CollectionViewRestriction.objects.create(
            collection=locked, restriction_type=BaseViewRestriction.PASSWORD, password="salasana"
        )
        Document = get_document_model()
        self.documents = [
            Document.objects.create(
                title=name, collection=collection, file=ContentFile(b"kokous", name=f"{name}.txt")
            )
            for name, collection in (("esityslista", root), ("poytakirja", locked))
        ]
        self.pages = list(Page.objects.live().exclude(depth=1).order_by("path").specific())

    def calendar_keys(self):
        return {
            page.translation_key for page in self.pages if type(page).__name__ == "EventIndexPage"
        }

    def page_addresses(self):
        """(address, kind) of every live page and each sub-route of its type."""
        for page in self.pages:
            if not isinstance(page, RoutablePageMixin):
                yield page.url, (type(page), page.depth, "")
                continue
            for subpage in type(page).get_subpage_urls():
                route = str(subpage.pattern)
                names = PARAMETER.findall(route)
                for values in self.subpage_values(page, names):
                    if values is None:
                        pytest.fail(f"{type(page).__name__} {route}: fill {names} (or exempt it)")
                    yield page.url + page.reverse_subpage(subpage.name, kwargs=values), (
                        type(page), page.depth, route
                    )  # fmt: skip

    def subpage_values(self, page, names):
        today = datetime.date.today()
        if not names:
            return [{}]
        if names == ["year", "month"]:
            return [{"year": today.year, "month": today.month}]
        if names == ["type_slug", "slug"]:
            return [{"type_slug": self.place.type_slug, "slug": self.place.slug}]
        return [None]

    def fill(self, route, pattern):
        """Every address of `route`, or None when this file cannot fill its parameters."""
        name = pattern.name
        languages = LANGUAGES if route.startswith("<lang>/") else [None]
        if name == "wagtail_serve":
            return list(self.page_addresses())
        if not PARAMETER.search(route.removeprefix("<lang>/")) and "(" not in route:
            plain = route.replace("^", "").replace("$", "").replace("\\", "")
            return [("/" + plain.replace("<lang>", code or ""), (route, "")) for code in languages]
        by_name = {
            "wagtaildocs_serve": lambda: [d.url for d in self.documents],
            "wagtaildocs_authenticate_with_password": lambda: [
                reverse(name, args=[self.collection_restriction.pk])
            ],
            "event-detail": lambda: [
                reverse("linkedevents:" + name, args=[f"kylatori:{self.event.pk}"])
            ],
            "place-detail": lambda: [
                reverse("linkedevents:" + name, args=[f"kylatori:{self.place.pk}"])
            ],
            "keyword-detail": lambda: [
                reverse("linkedevents:" + name, args=[f"kylatori:{self.topic.pk}"])
            ],
            "organization-detail": lambda: [
                reverse("linkedevents:" + name, args=[f"kylatori:{self.village.pk}"])
            ],
            "language-detail": lambda: [reverse("linkedevents:" + name, args=["fi"])],
            "not-found": lambda: [],  # in UNNAMED: what it answers is a 404
            "calendar": lambda: [
                in_language(code, "events:calendar", key)
                for code in LANGUAGES
                for key in sorted(self.calendar_keys(), key=str)
            ],
            "event": lambda: [
                in_language(code, "events:event", self.event.translation_key) for code in LANGUAGES
            ],
            "page_feed": lambda: [
                page.url + "feed.ics"
                for page in self.pages
                if type(page).__name__ == "EventIndexPage"
            ],
            "wagtailcore_authenticate_with_password": lambda: [
                in_language(code, name, self.page_restriction.pk, self.restricted.pk)
                for code in LANGUAGES
            ],
        }
        if name not in by_name:
            return None
        return [(address, (route, "")) for address in by_name[name]()]

    def forms(self):
        """(address, field names) of every public form that is sent with POST."""
        page_password = [
            (in_language(code, "wagtailcore_authenticate_with_password", self.page_restriction.pk,
                         self.restricted.pk), ["password", "return_url"])
            for code in LANGUAGES
        ]  # fmt: skip
        document_password = reverse(
            "wagtaildocs_authenticate_with_password", args=[self.collection_restriction.pk]
        )
        from submissions.forms import SubmissionForm

        submission_fields = list(SubmissionForm.base_fields)
        submissions = [
            form
            for calendar in self.pages
            if type(calendar).__name__ == "EventIndexPage" and calendar.locale.language_code == "fi"
            for form in (
                (calendar.url + "submit/", submission_fields),
                (calendar.url + "submit/confirm/", ["token"]),
                (calendar.url + "submit/status/", ["token", "action", "message"]),
            )
        ]
        return [
            *submissions,
            ("/admin/password_reset/", ["email"]),
            ("/admin/login/", ["username", "password", "next"]),
            (in_language("fi", "wagtailcore_login"), ["username", "password", "next"]),
            (document_password, ["password", "return_url"]),
            *page_password,
        ]  # fmt: skip


@pytest.fixture
def site_routes(client, region):
    """{"full": addresses that get the whole corpus, "short": the rest, "forms": POST forms}."""
    site = Site(region)
    addresses, unfilled = {}, []
    for route, pattern in public_patterns():
        if route in EXEMPT:
            continue
        found = site.fill(route, pattern)
        if found is None:
            unfilled.append(route)
            continue
        for address, kind in found:
            addresses.setdefault(address, kind)
    assert not unfilled, f"fill these patterns' parameters (or exempt them): {unfilled}"
    full, short, seen = [], [], set()
    for address, kind in addresses.items():
        # One address of each pattern, page type and sub-route, not in sv or en, gets everything.
        if kind in seen or address.startswith(("/sv/", "/en/")):
            short.append(address)
        else:
            seen.add(kind)
            full.append(address)
    for address in addresses:
        status = client.get(address).status_code
        assert status in (200, 301, 302), (address, status)  # the addresses are real
    for address in PUBLIC_ADMIN:
        assert client.get(address).status_code == 200, address
    for address in UNNAMED:
        assert client.get(address).status_code in (302, 404), address
    cache.clear()
    return {
        "full": full,
        "short": short + PUBLIC_ADMIN + UNNAMED,
        "all": full + short + PUBLIC_ADMIN + UNNAMED,
        "forms": site.forms(),
        "month": next(a for a in full if "/month/" in a),
    }


def assert_no_server_error(client, url, data=None):
    response = client.get(url) if data is None else client.post(
        url, data, content_type="application/x-www-form-urlencoded"
    )  # fmt: skip
    assert response.status_code < 500, (url[:300], response.status_code)
    return response


def hostile_queries(names, corpus):
    if corpus is SHORT:  # one request: each name one of the values
        yield query_string((n, SHORT[i % len(SHORT)]) for i, n in enumerate(names))
        return
    for value in corpus:
        yield query_string((n, value) for n in names)
    if corpus is HOSTILE:
        yield query_string((name, "lankipohja") for name in names for _ in range(1000))
        yield query_string((name, f"arvo-{i}") for name in names for i in range(500))
        yield query_string((f"{name}[]", "1") for name in names) + "&page[x]=1&=&&=="


def test_hostile_values_on_every_public_address_and_form(client, site_routes):
    for route in site_routes["all"]:
        corpus = HOSTILE if route in site_routes["full"] else SHORT
        for query in hostile_queries(NAMES, corpus):
            assert_no_server_error(client, f"{route}?{query}")
    # The public forms' POST bodies.
    for address, fields in site_routes["forms"]:
        for body in hostile_queries(fields + ["csrfmiddlewaretoken", "unknown"], HOSTILE):
            cache.clear()  # the password reset and logins are throttled: reach the form each time
            assert_no_server_error(client, address, body)
    # The month view's path numbers.
    calendar = site_routes["month"].split("month/")[0]
    for year, month in [("0", "0"), ("1899", "12"), ("3000", "1"), ("2026", "13"),
                        ("9" * 5000, "1"), ("2026", "9" * 30), ("-1", "1")]:  # fmt: skip
        response = assert_no_server_error(client, f"{calendar}month/{year}/{month}/")
        assert response.status_code == 404

    # Random combinations on top, of addresses and forms.
    @settings(
        max_examples=60,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(data=st.data())
    def random_parameters(data):
        cache.clear()
        values = st.one_of(
            st.text(max_size=40),
            st.integers().map(str),
            st.dates().map(str),
            st.sampled_from(HOSTILE[:-3]),
        )
        if data.draw(st.integers(0, 4)) == 0:  # one in five: a form's POST body
            address, fields = data.draw(st.sampled_from(site_routes["forms"]))
            names = st.sampled_from(fields) | st.text(max_size=8)
        else:
            address, fields = data.draw(st.sampled_from(site_routes["full"])), None
            names = st.sampled_from(NAMES) | st.text(max_size=8)
        pairs = query_string(data.draw(st.lists(st.tuples(names, values), max_size=30)))
        if fields is None:
            assert_no_server_error(client, f"{address}?{pairs}")
        else:
            assert_no_server_error(client, address, pairs)

    random_parameters()
