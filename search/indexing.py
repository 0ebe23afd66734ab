"""Turning pages and directory entries into search documents, and keeping the index current.

What is searched: news, events, standard and village pages, and the directory's associations,
services and places, each in the language it is written in. Aliases (wagtail-localize's stand-ins
for untranslated pages, which show the Finnish text) and pages that are not public (drafts,
private pages: home.visibility) are left out.
"""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index

from home.models import attach_topics
from home.visibility import is_public, public, public_ids

from . import analysis
from .models import SearchDocument, SearchTerm

Kind = SearchDocument.Kind

# A word of the title (or an entry's name) counts this much; a topic or the name of the event's
# place or organiser RELATED_WEIGHT; any other text 1. A word repeated in the text adds up to
# MAX_REPEAT_BONUS more.
TITLE_WEIGHT = 6
RELATED_WEIGHT = 2
MAX_REPEAT_BONUS = 3
# Characters of text kept for excerpts.
MAX_TEXT_LENGTH = 20_000


def page_kinds():
    from events.models import EventPage
    from home.models import NewsPage, StandardPage, VillagePage

    return {
        NewsPage: Kind.NEWS,
        EventPage: Kind.EVENT,
        StandardPage: Kind.PAGE,
        VillagePage: Kind.PAGE,
    }


def entry_kinds():
    from directory.models import Association, Place, Service

    return {Association: Kind.ASSOCIATION, Service: Kind.SERVICE, Place: Kind.PLACE}


def is_searchable_page(page, public_pages=None):
    """`public_pages`: the ids of the public ones among the pages being indexed (public_ids),
    when the caller has them; otherwise the page is looked up."""
    if type(page) not in page_kinds() or page.alias_of_id:
        return False
    return page.pk in public_pages if public_pages is not None else is_public(page)


def term_weights(language, weighted_texts):
    """{term: weight} of a document's texts, given as (weight, text) pairs."""
    best, repeats = {}, Counter()
    for weight, text in weighted_texts:
        for word in analysis.words(text):
            if analysis.is_stop_word(word, language):
                continue
            for term in analysis.index_terms(word, language):
                repeats[term] += 1
                best[term] = max(best.get(term, 0), weight)
    return {term: best[term] + min(repeats[term] - 1, MAX_REPEAT_BONUS) for term in best}


def search_field_texts(obj):
    """(weight, text) of each of the model's Wagtail search fields, the title or name first."""
    for field in obj.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        value = field.get_value(obj)
        values = value if isinstance(value, list | tuple) else [value]
        # A StreamField gives one text a block: a heading must not run into its paragraph.
        text = " · ".join(strip_tags(str(item)) for item in values if item)
        if text.strip():
            weight = TITLE_WEIGHT if field.field_name in ("title", "name") else field.boost or 1
            yield int(weight), text


class Indexer:
    """Builds and saves the documents of many objects, looking up the page tree only once."""

    def __init__(self):
        from directory.models import DirectoryPage
        from home.models import VillagePage

        # Regions (depth 2) and villages (depth 3) of every language, by tree path.
        self.upper_pages = {
            row["path"]: row
            for row in Page.objects.filter(depth__in=(2, 3)).values(
                "path", "translation_key", "locale_id", "content_type_id"
            )
        }
        self.upper_by_key = {
            (row["translation_key"], row["locale_id"]): row["path"]
            for row in self.upper_pages.values()
        }
        # The live, public directory pages, by the tree path of their parent.
        self.directories = {
            path[: -Page.steplen]: pk
            for pk, path in public(DirectoryPage.objects.all()).values_list("pk", "path")
        }
        self.content_types = {}
        self.village_type = ContentType.objects.get_for_model(VillagePage)

    def content_type(self, obj):
        model = type(obj)
        if model not in self.content_types:
            self.content_types[model] = ContentType.objects.get_for_model(model)
        return self.content_types[model]

    # Pages ---------------------------------------------------------------------------------

    def page_documents(self, page):
        region = self.upper_pages.get(page.path[: 2 * Page.steplen])
        if region is None:
            return []
        upper = self.upper_pages.get(page.path[: 3 * Page.steplen]) if page.depth >= 3 else None
        village = upper if upper and upper["content_type_id"] == self.village_type.pk else None
        language = page.locale.language_code
        labels = [topic_names(page)]
        if hasattr(page, "organiser_info"):  # an event: where and by whom, in its language
            with translation.override(language):
                location, organiser = page.location, page.organiser_info
            labels += [location.text if location else "", organiser["name"] if organiser else ""]
        date = getattr(page, "date", None) or getattr(page, "start_date", None)
        return [
            self.document(
                page,
                kind=page_kinds()[type(page)],
                language=language,
                region_key=region["translation_key"],
                village_keys=[village["translation_key"]] if village else [],
                page_id=page.pk,
                title=page.title,
                texts=list(search_field_texts(page)),
                labels=labels,
                date=date,
            )
        ]

    # Directory entries ---------------------------------------------------------------------

    def entry_documents(self, entry):
        """One document per region the entry's villages are in, shown under a directory page.

        The entry's address is under the directory page of its first village that has one in
        the entry's language, or else under the region's directory page.
        """
        language = entry.locale.language_code
        villages_by_region = {}
        for village in entry.villages.all():
            region_path = village.path[: 2 * Page.steplen]
            villages_by_region.setdefault(region_path, []).append(village)
        texts = list(search_field_texts(entry))
        labels = [topic_names(entry)]
        if hasattr(entry, "get_kind_display"):
            with translation.override(language):
                labels.append(str(entry.get_kind_display()))
        documents = []
        for region_path, villages in villages_by_region.items():
            region = self.upper_pages.get(region_path)
            if region is None:
                continue
            candidates = [
                self.upper_by_key.get((village.translation_key, entry.locale_id))
                for village in villages
            ]
            candidates.append(self.upper_by_key.get((region["translation_key"], entry.locale_id)))
            directory = next(
                (self.directories[path] for path in candidates if path in self.directories), None
            )
            if directory is None:
                continue
            documents.append(
                self.document(
                    entry,
                    kind=entry_kinds()[type(entry)],
                    language=language,
                    region_key=region["translation_key"],
                    village_keys=[village.translation_key for village in villages],
                    page_id=directory,
                    url_suffix=f"{entry.type_slug}/{entry.slug}/",
                    title=entry.name,
                    texts=texts,
                    labels=labels,
                )
            )
        return documents

    # Saving --------------------------------------------------------------------------------

    def document(self, obj, *, language, texts, labels, village_keys, **fields):
        """A document of `texts`, (weight, text) pairs of its own fields, and `labels`: names of
        what it is linked to (topics, place, organiser, kind), searched but not excerpted."""
        document = SearchDocument(
            content_type=self.content_type(obj),
            object_id=obj.pk,
            language=language,
            village_keys=" ".join(["", *map(str, village_keys), ""]) if village_keys else "",
            text="\n".join(t for w, t in texts if t and w != TITLE_WEIGHT)[:MAX_TEXT_LENGTH],
            **fields,
        )
        document.weights = term_weights(
            language, [*texts, *((RELATED_WEIGHT, label) for label in labels)]
        )
        return document

    def documents_for(self, obj, public_pages=None):
        if isinstance(obj, Page):
            return self.page_documents(obj) if is_searchable_page(obj, public_pages) else []
        if type(obj) in entry_kinds():
            return self.entry_documents(obj) if obj.live else []
        return []

    def replace(self, objects, *, known_searchable=False, replacing=True):
        """Index `objects` anew: their old documents go, the current ones are written.

        `known_searchable`: the objects come from a query that kept only searchable pages;
        `replacing=False`: they have no documents yet (a rebuild).
        """
        for model_objects in group_by_model(objects):
            if hasattr(model_objects[0], "topics"):
                attach_topics(model_objects)  # in each object's language, one query a model
        documents = []
        # Which pages are public, asked once for all of them (not a query a page).
        kinds = page_kinds()
        candidates = [] if known_searchable else [
            obj for obj in objects
            if isinstance(obj, Page) and type(obj) in kinds and not obj.alias_of_id
        ]  # fmt: skip
        public_pages = public_ids(candidates)
        for obj in objects:
            if known_searchable and isinstance(obj, Page):
                documents += self.page_documents(obj)
            else:
                documents += self.documents_for(obj, public_pages)
        with transaction.atomic():
            if replacing:
                remove(objects, self.content_type)
            SearchDocument.objects.bulk_create(documents, batch_size=500)
            insert_terms(
                (document.pk, term, weight)
                for document in documents
                for term, weight in document.weights.items()
            )
        return len(documents)


def group_by_model(objects):
    groups = {}
    for obj in objects:
        groups.setdefault(type(obj), []).append(obj)
    return groups.values()


def topic_names(obj):
    """The names of the object's topics in its language (set by attach_topics)."""
    return " ".join(topic.name for topic in getattr(obj, "topic_list", ()))


def insert_terms(rows):
    """Write (document id, term, weight) rows: about 160 a document, so not as model objects.

    Making a model instance per row costs more than analysing the text; PostgreSQL takes the
    rows through COPY, other databases through one executemany.
    """
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} (document_id, term, weight) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO {table} (document_id, term, weight) VALUES (%s, %s, %s)", list(rows)
            )


def remove(objects, content_type=None):
    content_type = content_type or ContentType.objects.get_for_model
    by_type = {}
    for obj in objects:
        by_type.setdefault(content_type(obj), []).append(obj.pk)
    for content_type_obj, ids in by_type.items():
        SearchDocument.objects.filter(content_type=content_type_obj, object_id__in=ids).delete()


def update(*objects):
    """Index pages or entries after a change (publish, move, translation...)."""
    Indexer().replace([obj.specific if isinstance(obj, Page) else obj for obj in objects])


def update_subtree(page):
    """Index a page and everything below it (after a move, or a change of who may see it)."""
    pages = Page.objects.descendant_of(page, inclusive=True).specific(defer=False)
    Indexer().replace(list(pages))


def update_entries():
    """Index every directory entry (their addresses hang on the directory pages)."""
    indexer = Indexer()
    for model in entry_kinds():
        indexer.replace(list(entry_queryset(model)))


def entry_queryset(model):
    return (
        model.objects.filter(live=True)
        .select_related("locale")
        .prefetch_related("villages", "topics")
    )


def rebuild(report=None):
    """Build the whole index from scratch; `report(model, count)` is told of each model."""
    indexer = Indexer()
    SearchDocument.objects.all().delete()
    for model in page_kinds():
        pages = (
            public(model.objects.filter(alias_of__isnull=True))
            .select_related("locale")
            .order_by("path")
        )
        if hasattr(model, "topics"):
            pages = pages.prefetch_related("topics")
        if model.__name__ == "EventPage":
            pages = pages.select_related("place", "organiser")
        count = 0
        for chunk in chunked(pages, 500):
            count += indexer.replace(chunk, known_searchable=True, replacing=False)
        if report:
            report(model, count)
    for model in entry_kinds():
        count = indexer.replace(list(entry_queryset(model)), replacing=False)
        if report:
            report(model, count)


def vacuum():
    """On PostgreSQL, VACUUM ANALYZE the index tables after a rebuild.

    A query reads term, document and weight from the covering index alone only where the
    visibility map says the rows are visible to all; until (auto)vacuum has set it, PostgreSQL
    visits the table too, one block per term row: ten times slower for a common word (240 ms
    against 27 ms at 20,000 documents). VACUUM cannot run inside a transaction: there (a test,
    or a caller's atomic block) it is left to autovacuum.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    tables = [connection.ops.quote_name(m._meta.db_table) for m in (SearchDocument, SearchTerm)]
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {', '.join(tables)}")


def chunked(queryset, size):
    chunk = []
    for obj in queryset.iterator(chunk_size=size):
        chunk.append(obj)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
