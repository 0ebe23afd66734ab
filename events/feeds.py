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

from home.models import VillagePage

from . import ical, services
from .models import EventFeedEntry, EventPage

CACHE_SECONDS = 3600
FILTERS = ("topic", "organiser", "place", "village")


def feed_filters(request):
    """The narrowing parameters of a feed request, normalised (sorted, without blanks)."""
    return {
        name: sorted({value.strip() for value in request.GET.getlist(name) if value.strip()})
        for name in FILTERS
        if request.GET.get(name, "").strip()
    }


def cache_key(translation_key, language, filters):
    query = urlencode([(name, value) for name, values in filters.items() for value in values])
    digest = hashlib.md5(query.encode(), usedforsecurity=False).hexdigest()
    return f"events:ics:{services.generation()}:{translation_key}:{language}:{digest}"


def exclude_restricted(queryset, prefix):
    """Leave out events below pages with a view restriction (password, login, groups): a
    calendar app cannot log in, and a public listing must not show them."""
    from wagtail.models import PageViewRestriction

    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        queryset = queryset.exclude(**{f"{prefix}path__startswith": path})
    return queryset


def entries_for(index, filters, now=None):
    """Feed entries of the events below `index`'s parent, narrowed by `filters`."""
    now = now or timezone.now()
    scope = index.scope
    entries = EventFeedEntry.objects.filter(
        published=True, page__path__startswith=scope.path, page__live=True
    ).filter(Q(visible_until__isnull=True) | Q(visible_until__gte=now))
    entries = exclude_restricted(entries, "page__")
    if filters.get("village") and index.is_region_index:
        paths = VillagePage.objects.child_of(scope).filter(slug__in=filters["village"])
        condition = Q(pk__in=[])
        for path in paths.values_list("path", flat=True):
            condition |= Q(page__path__startswith=path)
        entries = entries.filter(condition)
    if filters.get("topic"):
        tagged = EventPage.topics.through.objects.filter(topic__slug__in=filters["topic"])
        entries = entries.filter(page_id__in=tagged.values("eventpage_id"))
    if filters.get("organiser"):
        condition = Q(pk__in=[])
        for name in filters["organiser"]:
            condition |= Q(page__organiser__slug=name) | Q(page__organiser_name__iexact=name)
        entries = entries.filter(condition)
    if filters.get("place"):
        condition = Q(pk__in=[])
        for name in filters["place"]:
            condition |= Q(page__place__slug=name) | Q(page__place_name__iexact=name)
        entries = entries.filter(condition)
    return entries


def build_calendar(index, filters):
    """(body bytes, last-modified datetime) of a calendar page's feed."""
    rows = list(
        entries_for(index, filters).order_by("page_id").values_list("vevent", "modified_at")
    )
    name = f"{index.title} – {index.scope.title}"
    body = ical.calendar_text(name, index.intro, index.locale.language_code, [r[0] for r in rows])
    # A removed event changes no remaining entry's time: the last change anywhere counts too.
    times = [row[1] for row in rows] + [index.last_published_at, services.generation_time()]
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
