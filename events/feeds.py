"""Calendar feeds: the stored VEVENT texts of the selected events joined, cached and conditional.

The cache key holds the calendar generation (bumped on every publish, unpublish, move and
delete), the calendar's translation key and language and the normalised filters, so the page
route and the stable address share one cached body. A repeated request with the ETag is answered
from a small cached record without touching the database.
"""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from home import params
from home.models import Topic, VillagePage
from home.visibility import public

from . import ical, services
from .models import EventFeedEntry, EventPage

CACHE_SECONDS = 3600
FILTERS = ("topic", "organiser", "place", "village")


def feed_filters(request):
    """The narrowing parameters of a feed request, normalised (distinct, sorted, without blanks).

    Raises home.params.TooManyValues when one has more than home.params.MAX_VALUES values."""
    filters = {}
    for name in FILTERS:
        if request.GET.get(name, "").strip():
            filters[name] = params.distinct_values(request.GET, name)
    return filters


def resolve_filters(index, filters):
    """`filters` with only the values that name something in the calendar's scope, so that an
    unknown value makes neither a cache entry of its own nor a query term.

    Topics and villages by slug, places and organisers by directory slug or by the one-off name
    of an event below the scope (case-insensitively; kept as written on the event). A filter
    whose values are all unknown stays, empty: it matches no event. Villages are the calendar's
    siblings (a village's calendar has none, and ignores the filter). One query per filter.
    """
    from django.db.models.functions import Lower

    parent_path = index.path[: -index.steplen]
    resolved = {}
    if filters.get("village"):
        villages = VillagePage.objects.filter(
            path__startswith=parent_path, depth=index.depth, slug__in=filters["village"]
        )
        resolved["village"] = sorted(set(villages.values_list("slug", flat=True)))
    if filters.get("topic"):
        topics = Topic.objects.filter(slug__in=filters["topic"])
        resolved["topic"] = sorted(set(topics.values_list("slug", flat=True)))
    events = EventPage.objects.filter(path__startswith=parent_path)
    for name in ("organiser", "place"):
        if not filters.get(name):
            continue
        wanted = {value.lower(): value for value in filters[name]}
        rows = (
            events.annotate(lower_name=Lower(f"{name}_name"))
            .filter(
                Q(**{f"{name}__slug__in": filters[name]})
                | Q(**{f"{name}_name__in": filters[name]})
                | Q(lower_name__in=wanted)  # SQLite lowers ASCII only: exact names too
            )
            .values_list(f"{name}__slug", f"{name}_name")
            .distinct()
        )
        found = set()
        for slug, one_off in rows:
            found.add(slug if slug in filters[name] else None)
            found.add(one_off if one_off.lower() in wanted else None)
        resolved[name] = sorted(found - {None})
    return resolved


def cache_key(translation_key, language, filters, generation=None):
    """The key of a feed: pass the request's `generation` when it is known, to save a query."""
    query = urlencode([(name, value) for name, values in filters.items() for value in values])
    query += "&" + ",".join(filters)  # a filter that matches nothing counts too
    digest = hashlib.md5(query.encode(), usedforsecurity=False).hexdigest()
    generation = generation or services.generation()
    return f"events:ics:{generation}:{translation_key}:{language}:{digest}"


def entries_for(index, filters, now=None):
    """Feed entries of the events below `index`'s parent, narrowed by `filters`."""
    now = now or timezone.now()
    scope = index.scope
    # Public (home.visibility: a calendar app cannot log in) and within their retention.
    entries = public(
        EventFeedEntry.objects.filter(published=True, page__path__startswith=scope.path),
        via="page",
        now=now,
    )
    # A filter present but empty (its values were unknown) matches nothing.
    if "village" in filters and index.is_region_index:
        paths = VillagePage.objects.child_of(scope).filter(slug__in=filters["village"])
        condition = Q(pk__in=[])
        for path in paths.values_list("path", flat=True):
            condition |= Q(page__path__startswith=path)
        entries = entries.filter(condition)
    if "topic" in filters:
        tagged = EventPage.topics.through.objects.filter(topic__slug__in=filters["topic"])
        entries = entries.filter(page_id__in=tagged.values("eventpage_id"))
    if "organiser" in filters:
        condition = Q(pk__in=[])
        for name in filters["organiser"]:
            condition |= Q(page__organiser__slug=name) | Q(page__organiser_name__iexact=name)
        entries = entries.filter(condition)
    if "place" in filters:
        condition = Q(pk__in=[])
        for name in filters["place"]:
            condition |= Q(page__place__slug=name) | Q(page__place_name__iexact=name)
        entries = entries.filter(condition)
    return entries


def build_calendar(index, filters, generation=None):
    """(body bytes, last-modified datetime) of a calendar page's feed."""
    rows = list(
        entries_for(index, filters).order_by("page_id").values_list("vevent", "modified_at")
    )
    name = f"{index.title} – {index.scope.title}"
    body = ical.calendar_text(name, index.intro, index.locale.language_code, [r[0] for r in rows])
    # A removed event changes no remaining entry's time: the last change anywhere counts too.
    changed = services.generation_time(generation)
    times = [row[1] for row in rows] + [index.last_published_at, changed]
    last_modified = max(time for time in times if time)
    return body.encode("utf-8"), last_modified


def ics_response(request, body, etag, last_modified, filename):
    response = HttpResponse(
        b"" if request.method == "HEAD" else body, content_type="text/calendar; charset=utf-8"
    )
    response["Content-Length"] = str(len(body))
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(int(last_modified.timestamp()))
    response["Cache-Control"] = "public, max-age=900"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def not_allowed():
    response = HttpResponse(status=405)
    response["Allow"] = "GET, HEAD"
    return response


def cached_feed(request, key, build, filename):
    """Answer from the cache (304 or body) or build with `build()` and cache."""
    if request.method not in ("GET", "HEAD"):
        return not_allowed()
    meta = cache.get(key + ":meta")
    if meta is not None:
        etag, last_modified = meta
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=last_modified and int(last_modified.timestamp())
        )
        if not_modified is not None:
            return not_modified
        body = cache.get(key + ":body")
        if body is not None:
            return ics_response(request, body, etag, last_modified, filename)
    body, last_modified = build()
    etag = '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'
    cache.set_many({key + ":meta": (etag, last_modified), key + ":body": body}, CACHE_SECONDS)
    not_modified = get_conditional_response(
        request, etag=etag, last_modified=last_modified and int(last_modified.timestamp())
    )
    if not_modified is not None:
        return not_modified
    return ics_response(request, body, etag, last_modified, filename)


def event_calendar(page):
    entry = EventFeedEntry.objects.filter(page=page, published=True).first()
    vevents = [entry.vevent] if entry else []
    body = ical.calendar_text(page.title, "", page.locale.language_code, vevents)
    return body.encode("utf-8"), (entry.modified_at if entry else page.last_published_at)


def event_feed(request, page):
    key = cache_key(page.translation_key, page.locale.language_code, {"event": ["1"]})
    return cached_feed(request, key, lambda: event_calendar(page), f"{page.slug}.ics")
