"""Builds the demo site through the models, the way editors' work goes through them.

Every step first looks its object up (pages by slug under their parent, images by title, users by
username, groups by name, topics by slug) and creates only what is missing, so a second run
changes nothing. Finnish pages are built first, then translated into Swedish and English with
home.translation.translate_page where content.py has their texts; wagtail-localize finally gives
every page still untranslated an alias in sv and en, as it does for pages made in the admin.
"""

import io
import secrets
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, Locale, Page, Site
from wagtail.users.models import UserProfile
from wagtail_localize.synctree import PageIndex, synchronize_tree

from directory.demo import seed_directory
from events.demo import seed_events
from home.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
    Topic,
    VillageEditors,
    VillagePage,
)
from home.roles import ensure_region_staff
from home.translation import translate_page

from . import content, facts
from .images import get_or_create_image

SOURCE_LANGUAGE = "fi"
TRANSLATION_LANGUAGES = ("sv", "en")
WELCOME_PAGE_TITLE = "Welcome to your new Wagtail site!"  # from Wagtail's first migration

USER_EMAIL_DOMAIN = "kylatori.example"
EDITOR_USERNAME = "toimittaja-{slug}"
DEFAULT_PORT = 8000  # manage.py runserver's

ENGLISH_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def stream(blocks):
    """StreamField data (see home/blocks.py) from the compact block tuples of content.py."""
    data = []
    for kind, *args in blocks:
        if kind in ("h2", "h3"):
            data.append({"type": "heading", "value": {"text": args[0], "level": kind}})
        elif kind == "p":
            data.append({"type": "paragraph", "value": f"<p>{args[0]}</p>"})
        elif kind == "ul":
            items = "".join(f"<li>{item}</li>" for item in args[0])
            data.append({"type": "paragraph", "value": f"<ul>{items}</ul>"})
        elif kind == "quote":
            quote, attribution = args
            data.append({"type": "quote", "value": {"quote": quote, "attribution": attribution}})
        else:
            raise ValueError(f"Unknown demo block {kind!r}")
    return data


def image_alt(image, label, language):
    season, scene = image
    return content.IMAGE_ALT[language].format(
        season=content.IMAGE_SEASONS[season][language],
        scene=content.IMAGE_SCENES[scene][language],
        label=label,
    )


def format_date(day, language):
    if language == "en":
        return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day}.{day.month}.{day.year}"


def page_fields(texts):
    """Model field values from one language's texts ("slug" is handled by the caller)."""
    return {
        name: stream(value) if name == "body" else value
        for name, value in texts.items()
        if name != "slug"
    }


def by_language(texts, **values):
    """`texts` (a dict per language of format strings) with `values` filled in."""
    return {
        code: {name: text.format(**values) for name, text in fields.items()}
        for code, fields in texts.items()
    }


class Tally:
    """What a run created and what was already there, per kind of object."""

    def __init__(self):
        self.created = Counter()
        self.existing = Counter()

    def add(self, kind, created):
        (self.created if created else self.existing)[kind] += 1

    def lines(self):
        kinds = list(dict.fromkeys([*self.created, *self.existing]))
        return [
            f"{kind}: {self.created[kind]} created, {self.existing[kind]} already there"
            for kind in kinds
        ]


@dataclass
class Login:
    role: str
    username: str
    password: str | None


@dataclass
class Village:
    spec: dict
    page: VillagePage
    created: bool


@dataclass
class Region:
    spec: dict
    home: HomePage
    collection: Collection
    statement: StandardPage = None
    privacy: StandardPage = None
    villages: list = field(default_factory=list)
    site: Site = None


class DemoBuilder:
    """Builds (or finds) the demo content. `passwords` maps usernames to stored passwords; the
    passwords of users created now are added to it."""

    def __init__(self, passwords, today=None, stdout=None, port=DEFAULT_PORT):
        self.passwords = passwords
        self.stdout = stdout or io.StringIO()
        self.today = today or timezone.localdate()
        self.port = port
        self.tally = Tally()
        self.notes = []
        self.logins = []
        self.locales = {
            code: Locale.objects.get(language_code=code)
            for code in (SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES)
        }
        self.source_locale = self.locales[SOURCE_LANGUAGE]
        # (page, {language: texts}, image, label) in tree order, parents before children.
        self.pending_translations = []
        self.created_pages = set()

    def build(self):
        self.remove_welcome_page()
        topics = self.build_topics()
        self.regions = [self.build_region(spec, topics) for spec in content.REGIONS]
        self.translate()
        for region in self.regions:
            self.build_site(region)
            # The directory and the calendar belong to their apps, which know how to fill them
            # (events need the site: their feeds carry absolute URLs).
            villages = [village.page for village in region.villages]
            seed_directory(region.home, villages, self.stdout)
            seed_events(region.home, villages, self.stdout)
        self.add_aliases()
        self.build_users()
        return self.regions

    # Pages --------------------------------------------------------------------------------------

    def remove_welcome_page(self):
        """Wagtail's placeholder front page and the default Site pointing at it, if untouched."""
        welcome = Page.objects.filter(
            depth=2,
            title=WELCOME_PAGE_TITLE,
            content_type=ContentType.objects.get_for_model(Page),
        ).first()
        if welcome is None or welcome.get_children_count():
            return
        sites, _ = Site.objects.filter(root_page=welcome).delete()
        welcome.delete()
        self.notes.append(
            "Removed Wagtail's welcome page" + (" and the default site." if sites else ".")
        )

    def page(self, parent, model, texts, *, image=None, label=None, **fields):
        """The Finnish child of `parent` made from `texts["fi"]`, created and published if missing.

        Swedish and English `texts` are queued for translate(). `image` is the (season, scene) of
        a picture drawn with `label` on it; `fields` are the page's language-independent fields.
        """
        source = texts[SOURCE_LANGUAGE]
        slug = source.get("slug") or slugify(source["title"])
        page = parent.get_children().filter(slug=slug, locale=self.source_locale).first()
        created = page is None
        if created:
            topics = fields.pop("topics", [])
            page = model(slug=slug, locale=self.source_locale, **page_fields(source), **fields)
            # add_child saves the page without a revision; the village page's editor group and
            # collection exist after it (signals.py), so its picture can go to that collection.
            parent.add_child(instance=page)
            if topics:
                page.topics.set(topics)
            if image:
                page.image = self.image(page, image, label)
                page.image_alt = image_alt(image, label, SOURCE_LANGUAGE)
            page.save_revision().publish()
            self.created_pages.add(page.pk)
        else:
            page = page.specific
            if image and page.image_id:
                self.tally.add("images", False)
        self.tally.add("pages (fi)", created)
        translations = {code: texts[code] for code in TRANSLATION_LANGUAGES if code in texts}
        if translations:
            self.pending_translations.append((page, translations, image, label))
        return page

    def build_region(self, spec, topics):
        name = spec[SOURCE_LANGUAGE]["title"]
        home = self.page(
            Page.get_first_root_node(), HomePage, spec, image=spec["image"], label=name
        )
        region = Region(spec, home, ensure_region_staff(home).collection)
        self.page(home, NewsIndexPage, content.REGION_NEWS_INDEX, show_in_menus=True)
        for village_spec in spec["villages"]:
            region.villages.append(self.build_village(home, village_spec, topics))
        names = {code: spec[code]["title"] for code in self.locales}
        prepared = {code: format_date(self.today, code) for code in self.locales}
        email = spec["contact_email"]
        region.statement = self.page(
            home, StandardPage, content.accessibility_statement(names, email, prepared)
        )
        region.privacy = self.page(
            home, StandardPage, content.privacy_notice(names, spec["controller"], email)
        )
        return region

    def build_village(self, home, spec, topics):
        name = spec["name"]
        texts = {code: spec[code] for code in self.locales if code in spec}
        texts[SOURCE_LANGUAGE] = {"title": name, **texts[SOURCE_LANGUAGE]}
        village = self.page(
            home, VillagePage, texts, image=spec["image"], label=name, show_in_menus=True
        )
        index_texts = by_language(content.VILLAGE_NEWS_INDEX, name=name, genitive=spec["genitive"])
        news_index = self.page(village, NewsIndexPage, index_texts, show_in_menus=True)
        for news in spec["news"]:
            self.page(
                news_index,
                NewsPage,
                news,
                image=news["image"],
                label=name,
                date=facts.news_date(name, news, self.today),
                topics=[topics[slug] for slug in news["topics"]],
            )
        for standard in spec.get("pages", []):
            self.page(
                village,
                StandardPage,
                standard,
                image=standard.get("image"),
                label=name,
                show_in_menus=True,
            )
        return Village(spec, village, created=village.pk in self.created_pages)

    def add_aliases(self):
        """Give every Finnish page without a translation an alias in sv and en, as wagtail-localize
        does for pages made in the admin (LocaleSynchronization, home migration 0002).

        Runs after translate(): translate_page would turn an alias into a translation just as
        well, but making the alias first costs another save of every page, and the alias's change
        of slug leaves a redirect behind for an address nobody has used.
        """
        # One index of the tree serves every locale: it lists real pages only, not aliases.
        page_index = PageIndex.from_database().sort_by_tree_position()
        for code in TRANSLATION_LANGUAGES:
            synchronize_tree(self.source_locale, self.locales[code], page_index=page_index)

    def translate(self):
        for page, translations, image, label in self.pending_translations:
            for code, texts in translations.items():
                existing = page.get_translation_or_none(self.locales[code])
                missing = existing is None or existing.alias_of_id is not None
                if missing:
                    fields = page_fields(texts)
                    if "title" in texts:
                        fields["slug"] = texts.get("slug") or slugify(texts["title"])
                    if image:
                        fields["image_alt"] = image_alt(image, label, code)
                    translate_page(page, code, **fields)
                self.tally.add("page translations (sv, en)", missing)

    # Media, topics, sites -----------------------------------------------------------------------

    def collection_for(self, page):
        """The village's own collection, or the region's above the villages (home.roles)."""
        village = VillagePage.objects.ancestor_of(page, inclusive=True).first()
        if village is not None:
            return VillageEditors.objects.get(village_key=village.translation_key).collection
        home = page if page.depth == 2 else page.get_ancestors().get(depth=2)
        return ensure_region_staff(home.specific).collection

    def image(self, page, image, label):
        season, scene = image
        title = label if page.title == label else f"{label}: {page.title}"
        picture, created = get_or_create_image(
            title,
            label,
            description=image_alt(image, label, SOURCE_LANGUAGE),
            collection=self.collection_for(page),
            season=season,
            scene=scene,
        )
        self.tally.add("images", created)
        return picture

    def build_topics(self):
        topics = {}
        for spec in content.TOPICS:
            topic = Topic.objects.filter(slug=spec["slug"], locale=self.source_locale).first()
            if topic is None:
                topic = Topic.objects.create(
                    name=spec[SOURCE_LANGUAGE], slug=spec["slug"], locale=self.source_locale
                )
                self.tally.add("topics (fi, sv, en)", True)
            else:
                self.tally.add("topics (fi, sv, en)", False)
            for code in TRANSLATION_LANGUAGES:
                missing = not topic.has_translation(self.locales[code])
                if missing:
                    translation = topic.copy_for_translation(self.locales[code])
                    translation.name = spec[code]  # the slug stays the same in every language
                    translation.save()
                self.tally.add("topics (fi, sv, en)", missing)
            topics[spec["slug"]] = topic
        return topics

    def build_site(self, region):
        """The region's Site, on the port the demo is served on: Wagtail writes every absolute
        URL (feeds, sitemap, hreflang, iCal) with the Site's port, so a Site left at port 80
        while `make run` serves 8000 would hand out links that fail to connect."""
        spec = region.spec
        sites = Site.objects.filter(hostname=spec["hostname"])
        site = sites.filter(root_page=region.home).first() or sites.filter(port=self.port).first()
        created = site is None
        if created:
            site = Site.objects.create(
                hostname=spec["hostname"],
                port=self.port,
                root_page=region.home,
                site_name=region.home.title,
                is_default_site=spec["default_site"]
                and not Site.objects.filter(is_default_site=True).exists(),
            )
        elif site.root_page_id != region.home.pk:
            self.notes.append(
                f"{site.hostname}:{site.port} already serves {site.root_page.title!r}; "
                f"left as it is, so {region.home.title!r} has no site."
            )
            return
        elif site.port != self.port:
            if sites.filter(port=self.port).exists():
                self.notes.append(
                    f"{site.hostname}:{self.port} is another site; {site.hostname}:{site.port} "
                    f"left as it is."
                )
            else:  # served on another port than last time
                site.port = self.port
                site.save(update_fields=["port"])
        self.tally.add("sites", created)
        region.site = site
        # Fill in what is empty; never overwrite what an administrator has chosen since.
        settings = SiteSettings.for_site(site)
        wanted = {
            "accessibility_statement_id": region.statement.pk,
            "privacy_notice_id": region.privacy.pk,
            "contact_email": spec["contact_email"],
        }
        missing = {name: value for name, value in wanted.items() if not getattr(settings, name)}
        if missing:
            for name, value in missing.items():
                setattr(settings, name, value)
            settings.save()

    # Users and groups ---------------------------------------------------------------------------

    def build_users(self):
        self.user("admin", "Admin", superuser=True, first_name="Ylläpitäjä")
        for region in self.regions:
            staff = dict(region.spec["staff"])
            self.user(
                staff.pop("username"),
                f"Regional staff, {region.home.title}",
                groups=[self.region_staff_group(region)],
                **staff,
            )
            for village in region.villages:
                editors = VillageEditors.objects.select_related("group").get(
                    village_key=village.page.translation_key
                )
                self.tally.add("groups", village.created)
                self.user(
                    EDITOR_USERNAME.format(slug=village.page.slug),
                    f"Editor, {village.page.title}",
                    groups=[editors.group],
                    first_name=village.spec["genitive"],
                    last_name="toimittaja",
                )

    def region_staff_group(self, region):
        """The region's staff group, made with its home page (home.roles): exactly the matrix of
        docs/roles.md, nothing added here."""
        staff = ensure_region_staff(region.home)
        self.tally.add("groups", region.home.pk in self.created_pages)
        return staff.group

    def user(self, username, role, *, groups=(), superuser=False, **names):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            # A password kept from an earlier run (of another database) stays valid.
            password = self.passwords.get(username) or secrets.token_urlsafe(9)
            self.passwords[username] = password
            create = User.objects.create_superuser if superuser else User.objects.create_user
            user = create(username, f"{username}@{USER_EMAIL_DOMAIN}", password, **names)
        user.groups.add(*groups)
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:  # Finnish admin, unless the user has chosen since
            profile.preferred_language = "fi"
            profile.save(update_fields=["preferred_language"])
        self.tally.add("users", created)
        self.logins.append(Login(role, username, self.passwords.get(username)))
        return user
