"""Browser tests: Chromium driven by Playwright against pytest-django's live server.

Chromium comes from Debian (`apt-get install chromium`), not from Playwright's download, which
cannot reach its CDN from our CI network. Where it is missing the tests marked `browser` are
skipped, except in CI (CI=true), where a missing browser is a failure: a green build must mean
the pages were checked.
"""

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils.text import slugify

# Playwright's sync API runs an asyncio event loop in the test thread; Django refuses ORM calls
# from a thread with a running loop unless told that this is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium's own background connections are refused on our network and the
    # browser stalls.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LANGUAGES = ("fi", "sv", "en")
PASSWORD = "selain-salasana-123"  # every browser test's account signs in with it


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def chromium_missing_message():
    if Path(CHROMIUM_PATH).is_file() and os.access(CHROMIUM_PATH, os.X_OK):
        return None
    return (
        f"Chromium not found at {CHROMIUM_PATH}: browser tests skipped "
        "(apt-get install chromium, or set CHROMIUM_PATH)"
    )


def pytest_collection_modifyitems(config, items):
    message = chromium_missing_message()
    if message is None or in_ci():
        return  # in CI the `browser` fixture fails each test instead
    skip = pytest.mark.skip(reason=message)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


def keep_serialized_contents(start):
    """Call `start()`, which starts Playwright, and keep the test database's serialized rows.

    Playwright's sync API marks an asyncio loop as running in the main thread. From then on
    Django's connection handler (asgiref Local, thread-critical) keeps this thread's connections
    in a context variable, so ORM calls get new connection objects to the same test database.
    The rows serialized at database set-up for serialized rollback live on the old objects:
    copy them across, or every test after the first would start without the migrations' rows.
    """
    from django.db import connections

    before = {connection.alias: connection for connection in connections.all()}
    result = start()
    for alias, old in before.items():
        new = connections[alias]
        if hasattr(old, "_test_serialized_contents") and not hasattr(
            new, "_test_serialized_contents"
        ):
            new._test_serialized_contents = old._test_serialized_contents
    return result


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    message = chromium_missing_message()
    if message is not None:
        if in_ci():
            pytest.fail(f"CI=true but {message.replace('skipped', 'cannot run')}", pytrace=False)
        pytest.skip(message)

    from playwright.sync_api import sync_playwright

    with django_db_blocker.unblock():  # connections.all() only builds the wrappers
        playwright = keep_serialized_contents(sync_playwright().start)
    try:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
    finally:
        from django.db import connections

        with django_db_blocker.unblock():
            connections.close_all()  # the connections opened while Playwright ran
        playwright.stop()


# Reports every Content-Security-Policy violation, in every frame, to the console: Chromium logs
# most of them itself ("Refused to ... Content Security Policy"), this catches the rest.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => console.error(
    `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.documentURI}`
));
"""


def is_csp_violation(message):
    return "Content Security Policy" in message.text or message.text.startswith("CSP violation")


@pytest.fixture
def browser_page(browser, request):
    """A fresh tab (own cookies and storage) for each test, which fails on any CSP violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    tab = context.new_page()
    violations = []
    tab.on("console", lambda message: is_csp_violation(message) and violations.append(message.text))
    yield tab
    context.close()
    # Chromium has gone, but the live server may still be answering its last requests (Wagtail's
    # editing-session ping and release beacon write to the database): wait for them before the
    # test's database is emptied, which SQLite refuses while a thread holds a table locked.
    if "live_server" in request.fixturenames:
        server = request.getfixturevalue("live_server").thread.httpd
        for thread in list(getattr(server, "_threads", ())):
            thread.join(timeout=30)
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations), pytrace=False)


# Accounts and signing in -----------------------------------------------------------------------


def account(username, email, village=None, language="fi"):
    """An admin account with PASSWORD whose admin language is `language`: an editor of
    `village`, or without one a superuser."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    from home.models import VillageEditors

    users = get_user_model().objects
    if village is None:
        user = users.create_superuser(username, email, PASSWORD)
    else:
        user = users.create_user(username, email, PASSWORD)
        user.groups.add(VillageEditors.objects.get(village_key=village.translation_key).group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def sign_in(live_server, tab, username):
    """Sign in through the admin's login form (in any admin language)."""
    tab.goto(live_server.url + "/admin/login/")
    tab.locator("input[name=username]").fill(username)
    tab.locator("input[name=password]").fill(PASSWORD)
    tab.locator("form button[type=submit]").click()
    tab.wait_for_url(live_server.url + "/admin/")


def answer_wagtails_update_check(context):
    """The dashboard asks releases.wagtail.org for the latest version (allowed in connect-src).
    The test network has no way out, so the browser answers it: "this is the latest"."""
    latest = json.dumps({"version": "8.0.1", "url": "", "minorUrl": ""})
    context.route(
        "https://releases.wagtail.org/**",
        lambda route: route.fulfill(
            body=latest,
            content_type="application/json",
            headers={"Access-Control-Allow-Origin": "*"},
        ),
    )


# Sites -------------------------------------------------------------------------------------------


@dataclass
class TranslatedSite:
    """Each page type of a region in fi, sv and en: pages[name][language_code] -> Page."""

    pages: dict

    def url(self, live_server, name, code):
        return live_server.url + self.pages[name][code].get_url()


# Titles and slugs of the translations, by the Finnish page's slug.
TRANSLATIONS = {
    "localhost": {"sv": "Himos-regionen", "en": "Himos region"},
    "uutiset": {"sv": "Nyheter", "en": "News"},
    "saavutettavuus": {"sv": "Tillgänglighetsutlåtande", "en": "Accessibility statement"},
}


def translated_title(source, code):
    if source.slug in TRANSLATIONS:
        title = TRANSLATIONS[source.slug][code]
        return title, slugify(title)
    if ": uutinen " in source.title:
        village, number = source.title.split(": uutinen ")
        title = f"{village}: {dict(sv='nyhet', en='news item')[code]} {number}"
        return title, slugify(title)
    return source.title, source.slug  # villages keep their names


@pytest.fixture(scope="session")
def _locale_sync_ignores_raw_saves():
    """Let serialized rollback reload LocaleSynchronization rows.

    Serialized rollback re-creates the migrations' rows with raw saves, wagtail_localize's rows
    before wagtailcore's (INSTALLED_APPS order). wagtail_localize's post_save receiver ignores
    `raw` and synchronises the page tree at once, from a Locale not yet reloaded: DoesNotExist.
    Skip it for raw saves only (fixture loading), as Django recommends for such receivers.
    Session-scoped so that it is connected before the test database is set up for a test.
    """
    from django.db.models.signals import post_save
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    def sync_unless_raw(sender, instance, raw=False, **kwargs):
        if not raw:
            sync_trees_on_locale_sync_save(sender=sender, instance=instance, raw=raw, **kwargs)

    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(sync_unless_raw, sender=LocaleSynchronization, weak=False)
    yield
    post_save.disconnect(sync_unless_raw, sender=LocaleSynchronization)
    post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)


@pytest.fixture
def translated_site(
    _locale_sync_ignores_raw_saves, transactional_db, django_db_serialized_rollback, region
):
    """The `region` of tests/conftest.py with every page translated into Swedish and English.

    The live server reads the database from its own thread, so the data is committed
    (transactional_db). A transactional test ends by emptying every table; serialized rollback
    puts back what the migrations created (root page, locales, collections, groups) before each
    test.
    """
    from wagtail.models import Locale

    from home.models import NewsPage, StandardPage
    from home.translation import translate_page

    village = region.villages[0]
    fi_pages = {
        "home": region.home,
        "village": village,
        "news_index_region": region.news_index,
        "news_index_village": region.village_news_indexes[0],
        "news": NewsPage.objects.descendant_of(village).filter(locale__language_code="fi").first(),
        "standard": StandardPage.objects.filter(locale__language_code="fi").first(),
    }
    # Only these pages are translated: the second village stays an alias of the Finnish page
    # in sv and en (wagtail-localize's synchronised tree), as on a site being translated.
    pages = {name: {"fi": page} for name, page in fi_pages.items()}
    # Parents before children: translate_page copies missing parents (copy_parents=True).
    for name, source in sorted(fi_pages.items(), key=lambda item: item[1].path):
        for code in ("sv", "en"):
            title, slug = translated_title(source, code)
            translate_page(source.specific, code, title=title, slug=slug)
            translation = source.get_translation(Locale.objects.get(language_code=code))
            assert translation.alias_of_id is None and translation.live, (name, code)
            pages[name][code] = translation.specific
    return TranslatedSite(pages)


def open_page(tab, url):
    """Load `url`, check it answered 200 and that the site's stylesheet applied."""
    response = tab.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url} answered {response}"
    loaded = tab.evaluate(
        """() => [...document.styleSheets].some(
            (sheet) => sheet.href && sheet.href.includes("kylatori") && sheet.cssRules.length > 0
        )"""
    )
    assert loaded, f"{url}: css/kylatori.css did not load, so contrast and focus are not tested"
    return response
