from dataclasses import dataclass

import pytest
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from tests.factories import (
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    VillagePageFactory,
)


@pytest.fixture(scope="session", autouse=True)
def mail_through_the_cleaning_step(django_test_environment):
    """Django's test set-up sets EMAIL_BACKEND to its in-memory outbox; home.mail goes back in
    front of it (delivering to that outbox, KYLATORI_EMAIL_BACKEND), so that every test's mail
    takes the path production mail takes."""
    from django.conf import settings

    settings.EMAIL_BACKEND = "home.mail.EmailBackend"


@dataclass
class Region:
    home: object
    site: object
    news_index: object
    villages: list
    village_news_indexes: list


def build_region(title, hostname, villages=("Länkipohja", "Kuorevesi"), is_default=False, news=1):
    """A region as docs/design.md draws it: home, region news index, villages with their news."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title=title, slug=hostname.split(".")[0])
    site = Site.objects.create(
        hostname=hostname, port=80, root_page=home, site_name=title, is_default_site=is_default
    )
    news_index = NewsIndexPageFactory(parent=home)
    StandardPageFactory(parent=home, title="Saavutettavuusseloste", slug="saavutettavuus")
    village_pages, indexes = [], []
    for name in villages:
        village = VillagePageFactory(parent=home, title=name, slug=slugify(name))
        index = NewsIndexPageFactory(parent=village)
        for number in range(news):
            NewsPageFactory(parent=index, title=f"{name}: uutinen {number + 1}")
        village_pages.append(village)
        indexes.append(index)
    return Region(home, site, news_index, village_pages, indexes)


def build_default_region():
    # The default site from Wagtail's first migration is replaced, as seed_demo does.
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    return build_region("Himoksen seutu", "localhost", is_default=True)


@pytest.fixture
def region(db):
    return build_default_region()


@pytest.fixture
def second_region(region):
    return build_region("Iitin kylät", "iitti.localhost", villages=("Kausala", "Radansuu"))


def translate_tree(home, language_codes=("sv", "en")):
    """Translate every page of a region, parents first, titles marked with the language."""
    from wagtail.models import Page

    from home.translation import translate_page

    for page in Page.objects.descendant_of(home, inclusive=True).order_by("path").specific():
        for code in language_codes:
            translate_page(page, code, title=f"{page.title} [{code}]")


@pytest.fixture
def translated_region(region):
    translate_tree(region.home)
    return region


@pytest.fixture(scope="module")
def module_translated_region(django_db_setup, django_db_blocker):
    """`translated_region`, built once for all the tests of a module (translating the tree is
    most of their time), for tests that request `db` as well: each test's changes are rolled
    back to it (its transaction is a savepoint in the module's), and it is rolled back when the
    module's tests are done, as Django's TestCase.setUpTestData does. Not for transactional
    tests, which would commit and flush it."""
    with django_db_blocker.unblock(), transaction.atomic():
        region = build_default_region()
        translate_tree(region.home)
        yield region
        transaction.set_rollback(True)
