"""Places, keywords, organizations and languages as Linked Events has them.

- A place is a directory Place of the region's public villages, in every language it is
  published in (a draft translation is left out, a draft source with it: home.references).
- A keyword is a topic (the shared taxonomy: the same keywords on every region's host).
- An organization is the region, a village, or an association that organises a public event
  of the region: who publishes the events. An event's `publisher` is the association that runs
  it (also its `provider`, by name, as Linked Events has it), or else its village or the region.
- The languages are those of the site: fi, sv and en.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from wagtail.models import Page

from directory.listing import collation_key
from directory.models import Association, Place
from home.models import Topic, VillagePage
from home.site_urls import absolute_url

from . import ids, translations

CONTEXT = "http://schema.org"
LANGUAGE_NAMES = {
    "fi": {"fi": "suomi", "sv": "finska", "en": "Finnish"},
    "sv": {"fi": "ruotsi", "sv": "svenska", "en": "Swedish"},
    "en": {"fi": "englanti", "sv": "engelska", "en": "English"},
}


def iso(moment):
    from .events import iso as write

    return write(moment)


def org_paths(region, organizations):
    """The tree paths (every language) of the villages and the region among `organizations`
    ((prefix, number) pairs, ids.parse_organization)."""
    numbers = {number for prefix, number in organizations if prefix == ids.DATA_SOURCE}
    keys = set(ids.keys_of(Page, numbers).values_list("translation_key", flat=True))
    return [page.path for page in region.organization_pages if page.translation_key in keys]


def listed_associations(organizations):
    """The translation keys of the live associations among `organizations` (as org_paths)."""
    numbers = {number for prefix, number in organizations if prefix == ids.ASSOCIATION}
    keys = ids.keys_of(Association, numbers)
    return Association.objects.filter(live=True, translation_key__in=keys).values("translation_key")


class DirectoryWriter:
    """Loads and writes what events refer to, and the place, keyword and organization lists."""

    def __init__(self, region):
        self.region = region
        self.request = region.request
        self.place_groups = {}
        self.place_numbers = {}
        self.associations = {}
        self.topic_groups = {}
        self.topic_numbers = {}
        self.organizations = None
        self.association_groups = {}
        self.url_bases = {}

    def url(self, name, number, prefix=ids.DATA_SOURCE):
        """The absolute address of object `number` of endpoint `name`. A page of 100 events
        holds some 400 of them: the endpoint's address is reversed once, the id appended."""
        base = self.url_bases.get(name)
        if base is None:
            path = reverse(f"linkedevents:{name}-detail", args=[ids.format(0)])
            base = absolute_url(self.request, path).removesuffix(f"{ids.format(0)}/")
            self.url_bases[name] = base
        return f"{base}{prefix}:{number}/"

    # Places -------------------------------------------------------------------------------

    def load_places(self, keys=None, embed=True):
        """Load the region's live place rows (of `keys`, or all), and, to `embed` them, what
        their addresses need: their villages and the directory pages."""
        if keys is not None and not keys:
            return
        rows = self.region.places().select_related("locale")
        if keys is not None:
            rows = rows.filter(translation_key__in=keys)
        if embed:
            rows = rows.prefetch_related("villages")
        for row in rows.order_by("pk"):
            self.place_groups.setdefault(row.translation_key, []).append(row)
        self.place_numbers = ids.group_numbers(Place, set(self.place_groups))
        if embed and self.place_groups:
            self.load_organizations()
            self.directories = {}
            for page in self.region.directory_pages():
                parent = page.path[: -page.steplen]
                self.directories[parent, page.locale.language_code] = page

    def place_for(self, key):
        """The place an event refers to (by its translation key), written out, or None when the
        public may not see it."""
        if key not in self.place_groups:
            return None
        return self.place(key)

    def place(self, key):
        rows = self.place_groups[key]
        number = self.place_numbers[key]
        source = translations.source(rows)

        def multilingual(get):
            return translations.multilingual(rows, get)

        position = None
        if source.latitude is not None and source.longitude is not None:
            position = {
                "type": "Point",
                "coordinates": [float(source.longitude), float(source.latitude)],
            }
        data = {
            "id": ids.format(number),
            "@id": self.url("place", number),
            "@context": CONTEXT,
            "@type": "Place",
            "data_source": ids.DATA_SOURCE,
            "publisher": None,
            "name": multilingual(lambda row: row.name),
            "description": multilingual(lambda row: row.description),
            "street_address": multilingual(lambda row: row.street_address),
            "address_locality": multilingual(lambda row: row.address_locality),
            "info_url": None,
            "postal_code": source.postal_code or None,
            "address_country": "FI",
            "telephone": multilingual(lambda row: row.telephone),
            "email": source.email or None,
            "position": position,
            "images": [],
            "deleted": False,
            "created_time": iso(min(filter(None, (row.first_published_at for row in rows)),
                                    default=None)),
            "last_modified_time": iso(max(filter(None, (row.last_published_at for row in rows)),
                                          default=None)),
        }  # fmt: skip
        if hasattr(self, "directories"):
            villages = list(source.villages.all())
            if villages:
                data["publisher"] = self.organization_id(villages[0].translation_key)
            data["info_url"] = multilingual(lambda row: self.entry_url(row, villages))
        return data

    def entry_url(self, row, villages):
        """The entry's page in its language: below its village's directory, or the region's."""
        code = row.locale.language_code
        candidates = [
            self.village_paths.get((village.translation_key, code)) for village in villages
        ]
        candidates += [home.path for home in self.region.homes]
        for parent in candidates:
            directory = self.directories.get((parent, code))
            if directory is not None:
                suffix = directory.reverse_subpage("entry", args=(row.type_slug, row.slug))
                return directory.get_full_url(self.request) + suffix
        return None

    # Organisers (an event's provider) -------------------------------------------------------

    def load_associations(self, keys):
        if not keys:
            return
        for row in Association.objects.filter(translation_key__in=keys).only(
            "pk", "translation_key", "locale_id", "live", "name"
        ):
            self.associations[row.translation_key, row.locale_id] = row
            self.associations[row.pk] = row

    def provider_name(self, page):
        """The organiser as the event page shows it (EventPage.organiser_info, in bulk). `page`:
        an event page's row (events.page_rows), with its organiser's translation key."""
        if page.organiser_id:
            localized = self.associations.get((page.organiser_key, page.locale_id))
            shown = localized or self.associations.get(page.organiser_id)
            if shown is not None and shown.live:
                return shown.name
        return page.organiser_name

    # Keywords -----------------------------------------------------------------------------

    def load_topics(self, keys=None):
        if keys is not None and not keys:
            return
        rows = Topic.objects.select_related("locale").order_by("pk")
        if keys is not None:
            rows = rows.filter(translation_key__in=keys)
        for row in rows:
            self.topic_groups.setdefault(row.translation_key, []).append(row)
        self.topic_numbers = {key: rows[0].pk for key, rows in self.topic_groups.items()}

    def has_keyword(self, key):
        return key in self.topic_groups

    def keyword_ref(self, key, embed):
        """The keyword of the topic with translation key `key`, or with `embed` its address."""
        if embed:
            return self.keyword(key)
        return {"@id": self.url("keyword", self.topic_numbers[key])}

    def keyword(self, key):
        rows = self.topic_groups[key]
        number = self.topic_numbers[key]
        names = {row.locale.language_code: row.name for row in rows if row.name}
        return {
            "id": ids.format(number),
            "@id": self.url("keyword", number),
            "@context": CONTEXT,
            "@type": "Keyword",
            "data_source": ids.DATA_SOURCE,
            "publisher": None,
            "name": names or None,
            "origin_id": rows[0].slug,
            "aggregate": False,
            "deprecated": False,
            "alt_labels": [],
            "images": [],
            "created_time": None,
            "last_modified_time": None,
        }

    # Organizations ------------------------------------------------------------------------

    def load_organizations(self):
        if self.organizations is not None:
            return
        pages = self.region.organization_pages
        self.organizations = {}
        self.village_paths = {}
        for page in sorted(pages, key=lambda page: page.pk):
            self.organizations.setdefault(page.translation_key, []).append(page)
            self.village_paths[page.translation_key, page.locale.language_code] = page.path
        self.organization_numbers = ids.group_numbers(Page, set(self.organizations))
        # The associations that organise a public event of the region (in any language).
        # (By the organiser's row, not a join to it: the join costs more to build than to run.)
        organiser_rows = self.region.events.filter(organiser_id__isnull=False)
        organisers = Association.objects.filter(pk__in=organiser_rows.values("organiser_id"))
        rows = (
            Association.objects.filter(
                translation_key__in=organisers.values("translation_key"), live=True
            )
            .select_related("locale")
            .prefetch_related(Prefetch("villages", VillagePage.objects.only("translation_key")))
            .only("pk", "translation_key", "locale", "name", "first_published_at",
                  "last_published_at")
            .order_by("pk")
        )  # fmt: skip
        for row in rows:
            self.association_groups.setdefault(row.translation_key, []).append(row)
        self.organization_numbers |= ids.group_numbers(Association, set(self.association_groups))

    def organization_ref(self, key):
        """(prefix, number) of an organization: ids.parse_organization of its id."""
        prefix = ids.ASSOCIATION if key in self.association_groups else ids.DATA_SOURCE
        return prefix, self.organization_numbers[key]

    def organization_id(self, key):
        if key not in self.organization_numbers:
            return None
        return "{}:{}".format(*self.organization_ref(key))

    def organization_url(self, key):
        prefix, number = self.organization_ref(key)
        return self.url("organization", number, prefix)

    def organization_name(self, key):
        if key in self.association_groups:
            return translations.source(self.association_groups[key]).name
        return translations.source(self.organizations[key]).title

    def publisher_of(self, page):
        """The association that runs the event, or else the village an event page lies in, or
        the region for a region-level event. `page`: an event page's row (events.page_rows)."""
        self.load_organizations()
        if page.organiser_key in self.association_groups:
            return self.organization_id(page.organiser_key)
        found = None
        for pages in self.organizations.values():
            for candidate in pages:
                if page.path.startswith(candidate.path) and (
                    found is None or candidate.depth > found.depth
                ):
                    found = candidate
        return self.organization_id(found.translation_key) if found else None

    def association(self, key):
        rows = self.association_groups[key]
        _prefix, number = self.organization_ref(key)
        villages = [v for v in translations.source(rows).villages.all() if v.translation_key
                    in self.organizations]  # fmt: skip
        return {
            "id": self.organization_id(key),
            "@id": self.organization_url(key),
            "@context": CONTEXT,
            "@type": "Organization",
            "data_source": ids.DATA_SOURCE,
            "origin_id": str(number),
            "classification": "association",
            "name": self.organization_name(key),
            "founding_date": None,
            "dissolution_date": None,
            "parent_organization": (
                self.organization_url(villages[0].translation_key) if villages else None
            ),
            "sub_organizations": [],
            "affiliated_organizations": [],
            "replaced_by": None,
            "is_affiliated": False,
            "created_time": iso(min(filter(None, (r.first_published_at for r in rows)),
                                    default=None)),
            "last_modified_time": iso(max(filter(None, (r.last_published_at for r in rows)),
                                          default=None)),
        }  # fmt: skip

    def organization(self, key):
        if key in self.association_groups:
            return self.association(key)
        pages = self.organizations[key]
        number = self.organization_numbers[key]
        source_ids = {page.pk for page in pages}
        texts = [page for page in pages if page.alias_of_id not in source_ids] or pages
        source = translations.source(texts)
        is_region = source.depth == 2
        region_key = self.region.homes[0].translation_key
        data = {
            "id": ids.format(number),
            "@id": self.url("organization", number),
            "@context": CONTEXT,
            "@type": "Organization",
            "data_source": ids.DATA_SOURCE,
            "origin_id": str(number),
            "classification": "region" if is_region else "village",
            "name": source.title,
            "founding_date": None,
            "dissolution_date": None,
            "parent_organization": None,
            "sub_organizations": [],
            "affiliated_organizations": [],
            "replaced_by": None,
            "is_affiliated": False,
            "created_time": iso(min(filter(None, (p.first_published_at for p in pages)),
                                    default=None)),
            "last_modified_time": iso(max(filter(None, (p.last_published_at for p in pages)),
                                          default=None)),
        }  # fmt: skip
        if is_region:
            data["sub_organizations"] = sorted(
                self.url("organization", self.organization_numbers[other])
                for other, group in self.organizations.items()
                if other != key and group[0].depth > 2
            )
        else:
            data["sub_organizations"] = sorted(
                self.organization_url(other)
                for other, rows in self.association_groups.items()
                if key in {v.translation_key for v in translations.source(rows).villages.all()}
            )
            if region_key in self.organization_numbers:
                data["parent_organization"] = self.url(
                    "organization", self.organization_numbers[region_key]
                )
        return data


# The lists --------------------------------------------------------------------------------


def sorted_by(items, sort, keys):
    """`items` sorted by `sort` ("name", "-name", ...) with `keys` {name: function}."""
    sort = sort or "name"
    name = sort.lstrip("-")
    return sorted(items, key=keys[name], reverse=sort.startswith("-"))


def matching(groups, text, name):
    """The keys of groups (key -> the object's translations) whose name in some language
    contains text, case-insensitively; every key when there is no text."""
    if not text:
        return list(groups)
    text = text.casefold()
    return [
        key for key, rows in groups.items()
        if any(text in (name(row) or "").casefold() for row in rows)
    ]  # fmt: skip


def places(region, data):
    """(writer, translation keys of the places to list, in order)."""
    writer = DirectoryWriter(region)
    writer.load_places()
    keys = matching(writer.place_groups, data.get("text"), lambda row: row.name)

    def first(key):
        return translations.source(writer.place_groups[key])

    order = {
        "id": lambda key: writer.place_numbers[key],
        "name": lambda key: collation_key(first(key).name),
        "street_address": lambda key: collation_key(first(key).street_address),
        "postal_code": lambda key: first(key).postal_code,
    }
    return writer, sorted_by(keys, data.get("sort"), order)


def keywords(region, data):
    writer = DirectoryWriter(region)
    writer.load_topics()
    keys = matching(writer.topic_groups, data.get("text"), lambda row: row.name)

    def name(key):
        return collation_key(translations.source(writer.topic_groups[key]).name)

    order = {"id": lambda key: writer.topic_numbers[key], "name": name}
    return writer, sorted_by(keys, data.get("sort"), order)


def organizations(region, data):
    writer = DirectoryWriter(region)
    writer.load_organizations()
    groups = {**writer.organizations, **writer.association_groups}
    keys = matching(
        groups,
        data.get("text"),
        lambda row: row.name if isinstance(row, Association) else row.title,
    )
    order = {
        "id": writer.organization_ref,
        "name": lambda key: collation_key(writer.organization_name(key)),
    }
    return writer, sorted_by(keys, data.get("sort"), order)


def languages():
    codes = [code for code, _name in settings.LANGUAGES]
    return [language(code) for code in codes]


def language(code):
    names = LANGUAGE_NAMES.get(code)
    if names is None:
        return None
    return {"id": code, "@type": "Language", "name": dict(names), "translation_available": True}
