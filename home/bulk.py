"""Pages made in bulk: the tree rows written at once, without revisions or signals."""


def add_child_pages_in_bulk(parent, pages, live=True):
    """Save `pages` (new instances of one page model, with title, slug and their own fields) as
    live children of `parent`, fast: tree rows in bulk, no revisions, no signals.

    For calendar imports (calendarsources.sync), query-count tests and benchmarks with thousands
    of pages. The tree rows are laid out as treebeard lays them out, then each page type's own
    row is written. Drafts (`live=False`) have no first publication date.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    if not pages:
        return pages
    parent.refresh_from_db()
    last = parent.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    now = timezone.now()
    page_fields = [field.attname for field in Page._meta.concrete_fields if field.attname != "id"]
    rows = []
    for offset, page in enumerate(pages, start=1):
        page.draft_title = page.title
        page.path = Page._get_path(parent.path, parent.depth + 1, position + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.live = live
        page.has_unpublished_changes = not live  # the admin shows a draft as one
        if live:
            page.first_published_at = page.last_published_at = now
        rows.append(Page(**{name: getattr(page, name) for name in page_fields}))
    Page.objects.bulk_create(rows, batch_size=500)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(rows))
    parent.numchild += len(rows)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page._state.adding, page._state.db = False, row._state.db
    # The page type's own table (the tree rows exist): INSERTs in batches, as save_base(raw=True,
    # force_insert=True) would write them one by one (its signals do nothing for a raw save).
    model = type(pages[0])
    fields = list(model._meta.local_concrete_fields)
    size = max(1, 900 // len(fields))  # within SQLite's limit of bound parameters
    for start in range(0, len(pages), size):
        model._base_manager._insert(pages[start : start + size], fields=fields)
    return pages
