"""What the public may see: one rule, asked for by every public surface.

A page is public when all of these hold:

- it is live;
- neither it nor any ancestor has a view restriction (password, login or groups);
- where it is, or lies below, a wagtail-localize alias (a stand-in that shows its source page's
  content in another language): neither the alias's source nor any ancestor of the source has a
  view restriction either, since the alias shows what the restriction hides;
- where it is an alias, its source is live (an alias must not show an unpublished page).

A row that belongs to a page (an event's occurrences, its feed entry) is public when its page is;
a row with a retention date (`visible_until`: a cancelled or long past event's feed entry) only
until then.

Every public surface uses these functions and nothing else: the home, village, news and calendar
listings (upcoming, archive, month), the upcoming events of directory entries, RSS, every iCal
feed and single-event .ics (page address and stable address), search indexing, the sitemap,
menus and hreflang links, JSON-LD, rich text links to pages (home/rich_text.py), and the Linked
Events API (linkedevents/).

- `public(queryset)` narrows a page queryset; `public(queryset, via="event")` a queryset of rows
  whose foreign key `event` points at the page (`via="page"` for feed entries).
- `is_public(page)` answers for one page; `public_ids(pages)` for many at once (a few queries in
  all: an import indexes thousands of pages).
- The page itself follows the same rule when served: `AliasSourceRestrictionsMixin` (on every
  page model) gives an alias the restrictions of its source's ancestors too, so it asks for
  the password or a login as its source does, and an alias of an unpublished page is not found
  (the `before_serve_page` hook below).

Cost: view restrictions are few, so they are read first (one query) and turned into tree-path
prefixes; only when there are some, the aliases showing restricted pages are looked up (one
query, and one more to find none of an alias of an alias). A listing then filters by path.
"""

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

# An alias of an alias of ... : followed this many steps (Wagtail makes aliases of the source).
MAX_ALIAS_CHAIN = 5


def minimal_prefixes(paths):
    """`paths` without those below another one of them (sorted: a prefix comes first)."""
    kept = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def hidden_prefixes():
    """Tree paths below which (inclusive) nothing is public: the restricted pages, and the
    aliases whose source is a restricted page or lies below one."""
    return with_aliases(PageViewRestriction.objects.values_list("page__path", flat=True))


def with_aliases(paths):
    """`paths`, and the paths of the aliases of pages at or below them, as minimal prefixes."""
    found = set(paths)
    new = set(found)
    for _step in range(MAX_ALIAS_CHAIN):
        if not new:
            break
        showing = Q()
        for path in minimal_prefixes(new):
            showing |= Q(alias_of__path__startswith=path)
        new = set(Page.objects.filter(showing).values_list("path", flat=True)) - found
        found |= new
    return minimal_prefixes(found)


def public_q(via="", prefixes=None):
    """The condition "public" on a page (`via=""`) or on rows pointing at one (`via="event"`).
    `prefixes`: hidden_prefixes(), when the caller has them already (one query less)."""
    to = f"{via}__" if via else ""
    condition = Q(**{f"{to}live": True}) & (
        Q(**{f"{to}alias_of__isnull": True}) | Q(**{f"{to}alias_of__live": True})
    )
    for path in hidden_prefixes() if prefixes is None else prefixes:
        condition &= ~Q(**{f"{to}path__startswith": path})
    return condition


def live_hidden_q(prefixes=None):
    """The condition "live, yet not public" on a page: the pages public_q leaves out of the live
    ones (an alias of an unpublished page, a page at or below a hidden prefix)."""
    # (The sources that are not live, few, looked up first: an index leads to their aliases.)
    condition = Q(alias_of__in=Page.objects.filter(live=False).values("pk"))
    for path in hidden_prefixes() if prefixes is None else prefixes:
        condition |= Q(path__startswith=path)
    return Q(live=True) & condition


def public(queryset, via="", now=None, prefixes=None):
    """`queryset` narrowed to what the public may see (see the module docstring).

    A page queryset keeps its type (`.specific()`, `.in_menu()` still work afterwards).
    """
    queryset = queryset.filter(public_q(via, prefixes))
    if any(field.name == "visible_until" for field in queryset.model._meta.get_fields()):
        now = now or timezone.now()
        queryset = queryset.filter(Q(visible_until__isnull=True) | Q(visible_until__gte=now))
    return queryset


def is_public(page):
    """Whether the public may see `page` (a page not saved yet, as in a preview, is not)."""
    if page.pk is None or not page.live:
        return False
    return public(Page.objects.filter(pk=page.pk)).exists()


def public_ids(pages):
    """The ids of those of `pages` that `is_public` would answer True for, in a few queries (the
    view restrictions read once, the pages asked for 500 at a time)."""
    ids = [page.pk for page in pages if page.pk is not None and page.live]
    if not ids:
        return set()
    prefixes = hidden_prefixes()
    found = set()
    for at in range(0, len(ids), 500):
        rows = public(Page.objects.filter(pk__in=ids[at : at + 500]), prefixes=prefixes)
        found.update(rows.values_list("pk", flat=True))
    return found


def sections_showing(page):
    """`page` and the aliases that show it or what lies below it: where a change of its view
    restrictions changes what is public (for the search index)."""
    return Page.objects.filter(path__in=with_aliases([page.path]))


def view_restrictions(page):
    """The view restrictions that apply to `page` when it is served: those on the page and its
    ancestors, and, for each of them that is an alias, on its source and the source's ancestors.

    Wagtail's own `get_view_restrictions` checks an alias's source but not the source's
    ancestors, so an alias of a page below a private section would show it to anyone.
    """
    pages = [page, *page.get_ancestors().only("path", "alias_of")]
    paths = {p.path for p in pages}
    sources = [p.alias_of_id for p in pages if p.alias_of_id]
    if sources:
        paths.update(Page.objects.filter(pk__in=sources).values_list("path", flat=True))
    steps = Page.steplen
    prefixes = {path[:end] for path in paths for end in range(steps, len(path) + 1, steps)}
    return PageViewRestriction.objects.filter(page__path__in=prefixes)


def source_is_live(page):
    """False for an alias whose source is not live (such an alias must not be served)."""
    return not page.alias_of_id or Page.objects.filter(pk=page.alias_of_id, live=True).exists()


# Registered here rather than in wagtail_hooks.py, to keep the rule in one module (this one is
# imported with home.models, before any page is served).
@hooks.register("before_serve_page")
def hide_aliases_of_unpublished_pages(page, request, serve_args, serve_kwargs):
    """Wagtail unpublishes aliases with their source; one left live otherwise is not found."""
    if not source_is_live(page):
        raise Http404


class AliasSourceRestrictionsMixin:
    """For page models: an alias is as private as its source, ancestors included (see
    `view_restrictions`); Wagtail's password and login checks and its privacy admin ask here."""

    def get_view_restrictions(self):
        return view_restrictions(self)
