"""Calendar pages (upcoming, archive, month), the event page's context and the feed views."""

import calendar
import datetime
import functools
import hashlib
from itertools import groupby
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home import params, text
from home.models import Topic, attach_villages
from home.pagination import paginate
from home.site_urls import absolute_url
from home.visibility import is_public, public

from . import feeds, schedule, services, wording
from .models import EventIndexPage, EventOccurrence, EventPage

SCHEMA_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
}


class EventFilterForm(forms.Form):
    village = params.ChoiceField(label=_("Village"), required=False)
    topic = params.ChoiceField(label=_("Topic"), required=False)
    free = forms.BooleanField(label=_("Free events only"), required=False)
    start = params.DateField(label=_("From"), required=False)
    end = params.DateField(label=_("To"), required=False)

    def __init__(self, *args, villages=None, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        if villages is None:
            del self.fields["village"]
        else:
            self.fields["village"].choices = [("", _("All villages"))] + [
                (village.slug, village.title) for village in villages
            ]
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (topic.slug, topic.name) for topic in topics
        ]


# The calendar's one-tap narrowings (?when=…): each a range of days counted from today, the week
# running from Monday to Sunday as in Finland.
SHORTCUTS = [
    ("today", _("Today")),
    ("week", _("This week")),
    ("weekend", _("This weekend")),
    ("next-week", _("Next week")),
]
# What the home page and a village page show: the coming days' events, at most this many.
COMING_DAYS = 7
COMING_LIMIT = 12
# A day of the month table lists this many events' titles and says how many more there are.
MONTH_CELL_EVENTS = 3


def shortcut_range(name, today):
    """The first and last day of the shortcut `name` seen on `today`."""
    monday = today - datetime.timedelta(days=today.weekday())
    sunday = monday + datetime.timedelta(days=6)
    return {
        "today": (today, today),
        "week": (today, sunday),
        "weekend": (max(today, monday + datetime.timedelta(days=5)), sunday),
        "next-week": (monday + datetime.timedelta(days=7), sunday + datetime.timedelta(days=7)),
    }[name]


def with_shortcut(query, today):
    """`query` (a QueryDict) with a valid ?when= turned into the dates it stands for, so that
    the form shows them and the filters apply them; the shortcut's name, or None."""
    name = query.get("when")
    if name not in dict(SHORTCUTS):
        return query, None
    query = query.copy()
    first, last = shortcut_range(name, today)
    query["start"], query["end"] = first.isoformat(), last.isoformat()
    del query["when"]
    return query, name


def shortcut_links(base_url, data, today, current=None):
    """The shortcut links (keeping the village, topic and free-only filters), the one showing
    marked `current`: the `current` name, or else the one whose dates are the ones chosen."""
    keep = {name: data[name] for name in ("village", "topic") if data.get(name)}
    if data.get("free"):
        keep["free"] = "on"
    chosen = (data.get("start"), data.get("end"))
    links = []
    for name, label in SHORTCUTS:
        is_current = name == current if current else chosen == shortcut_range(name, today)
        if is_current:
            current = name
        query = urlencode({**keep, "when": name})
        links.append(
            {"name": name, "label": label, "url": f"{base_url}?{query}", "current": is_current}
        )
    return links


def empty_message(data):
    """Why a filtered list is empty, in words that name the dates chosen."""
    first, last = data.get("start"), data.get("end")
    if first and last:
        if first == last:
            return _("No events on %(date)s.") % {"date": wording.sentence_date(first)}
        return _("No events between %(first)s and %(last)s.") % {
            "first": wording.sentence_date(first),
            "last": wording.sentence_date(last),
        }
    if first:
        return _("No events from %(date)s on.") % {"date": wording.sentence_date(first)}
    if last:
        return _("No events until %(date)s.") % {"date": wording.sentence_date(last)}
    return _("No events match your choices.")


def local_midnight(day):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=schedule.TZ)


def occurrence_queryset(scope):
    """Occurrences of public events (home.visibility) below `scope`, with their page loaded
    (no StreamField) and the renditions of their images."""
    return (
        public(EventOccurrence.objects.filter(event__path__startswith=scope.path), via="event")
        .select_related("event", "event__image", "event__locale", "event__place__locale")
        .prefetch_related("event__image__renditions")
        .defer("event__description")
    )


def filtered_occurrences(index, data, villages):
    scope = index.scope
    occurrences = occurrence_queryset(scope)
    selected_village = None
    if data.get("village") and villages is not None:
        selected_village = next((v for v in villages if v.slug == data["village"]), None)
        if selected_village:
            occurrences = occurrences.filter(event__path__startswith=selected_village.path)
    if data.get("topic"):
        tagged = EventPage.topics.through.objects.filter(topic__slug=data["topic"])
        occurrences = occurrences.filter(event_id__in=tagged.values("eventpage_id"))
    if data.get("free"):
        occurrences = occurrences.filter(event__is_free=True)
    if data.get("start"):
        occurrences = occurrences.filter(end__gt=local_midnight(data["start"]))
    if data.get("end"):
        end = data["end"] + schedule.DAY
        occurrences = occurrences.filter(start__lt=local_midnight(end))
    return occurrences, selected_village


def day_label_kind(day, today):
    if day == today:
        return "today"
    if day == today + schedule.DAY:
        return "tomorrow"
    if today < day < today + datetime.timedelta(days=7):
        return "weekday"
    return "date"


def group_by_day(occurrences, today):
    """Upcoming occurrences by day; one that began before today and still goes on is today's."""
    days = []
    for occ in occurrences:
        day = max(timezone.localdate(occ.start), today)
        if days and days[-1]["date"] == day:
            days[-1]["occurrences"].append(occ)
        else:
            days.append({"date": day, "kind": day_label_kind(day, today), "occurrences": [occ]})
    return days


def prepare_events(occurrences, scope):
    # One page object per event, even when several of its dates are listed.
    events = {}
    for occ in occurrences:
        occ.event = events.setdefault(occ.event_id, occ.event)
    pages = list(events.values())
    attach_villages(pages, scope)
    attach_place_names(pages)
    return pages


def attach_place_names(pages):
    """Set `place_label` on each page: its one-off place, or its directory place in the
    visitor's language (one query for all); and `place_language`, the label's language when it
    is shown untranslated (`untranslated_language`), for the "(in Finnish)" after it."""
    from directory.models import Place
    from home.templatetags.kylatori_tags import untranslated_language

    active = Locale.get_active()
    keys = {page.place.translation_key for page in pages if page.place_id}
    names = {}
    if keys:
        translated = Place.objects.filter(translation_key__in=keys, locale=active, live=True)
        names = dict(translated.values_list("translation_key", "name"))
    for page in pages:
        page.place_label = page.place_name
        page.place_language = untranslated_language(page)
        if page.place_id and (page.place.translation_key in names or page.place.live):
            page.place_label = names.get(page.place.translation_key, page.place.name)
            fallback = page.place.translation_key not in names
            page.place.is_fallback = fallback and page.place.locale_id != active.pk
            page.place_language = untranslated_language(page.place)


def coming_events(scope, request):
    """The events of the next COMING_DAYS days below `scope` (a region or a village), by day,
    for its front page, with the links to its calendar."""
    from home.models import HomePage

    now = timezone.now()
    today = timezone.localdate(now)
    until = local_midnight(today + datetime.timedelta(days=COMING_DAYS))
    items = list(
        occurrence_queryset(scope)
        .filter(end__gte=now, start__lt=until)
        .order_by("start", "event_id")[: COMING_LIMIT + 1]
    )
    more = len(items) > COMING_LIMIT
    items = items[:COMING_LIMIT]
    prepare_events(items, scope)
    calendar = public(EventIndexPage.objects.child_of(scope)).first()
    calendar_url = calendar.get_url(request) if calendar else ""
    return {
        "days": group_by_day(items, today),
        "more": more,
        "calendar": calendar,
        "calendar_url": calendar_url,
        "shortcuts": shortcut_links(calendar_url, {}, today) if calendar else [],
        "show_village": isinstance(scope, HomePage),
        "coming_days": COMING_DAYS,
    }


def calendar_view(index, request, archive=False):
    villages = list(index.villages()) if index.is_region_index else None
    topics = Topic.objects.filter(locale=index.locale)
    now = timezone.now()
    today = timezone.localdate(now)
    query, shortcut = with_shortcut(request.GET, today)
    form = EventFilterForm(query or None, villages=villages, topics=topics)
    data = params.valid_data(form)
    reversed_range = None
    if data.get("start") and data.get("end") and data["start"] > data["end"]:
        # Not "0 events": say what is wrong and offer the range the other way round.
        swapped = query.copy()
        swapped["start"], swapped["end"] = data["end"].isoformat(), data["start"].isoformat()
        swapped.pop("page", None)
        reversed_range = {
            "message": _("The dates are the wrong way round: %(start)s is after %(end)s.")
            % {
                "start": wording.sentence_date(data["start"]),
                "end": wording.sentence_date(data["end"]),
            },
            "offer": _("Show %(range)s instead")
            % {"range": wording.date_range(data["end"], data["start"])},
            "url": "?" + swapped.urlencode(),
        }
        data = {**data, "start": None, "end": None}
    occurrences, selected_village = filtered_occurrences(index, data, villages)
    if reversed_range:
        occurrences = occurrences.none()
    if archive:
        occurrences = occurrences.filter(end__lt=now).order_by("-start", "event_id")
    else:
        occurrences = occurrences.filter(end__gte=now).order_by("start", "event_id")
    page_obj = paginate(request, occurrences, per_page=settings.KYLATORI_CALENDAR_PAGE_SIZE)
    items = list(page_obj.object_list)
    prepare_events(items, index.scope)
    if archive:
        days = [
            {"date": day, "kind": "date", "occurrences": list(group)}
            for day, group in groupby(items, key=lambda occ: timezone.localdate(occ.start))
        ]
    else:
        days = group_by_day(items, today)
    return index.render(
        request,
        template="events/event_index_page.html",
        context_overrides={
            "page_obj": page_obj,
            "days": days,
            "archive": archive,
            "filter_form": form,
            "selected_village": selected_village,
            "today": today,
            "view": "archive" if archive else "upcoming",
            "shortcuts": (
                [] if archive else shortcut_links(index.get_url(request), data, today, shortcut)
            ),
            "reversed_range": reversed_range,
            "is_filtered": any(
                data.get(name) for name in ("village", "topic", "free", "start", "end")
            ),
            "empty_message": empty_message(data),
            **feed_links(request, index, villages and selected_village),
        },
    )


def month_view(index, request, year, month):
    if not (1 <= month <= 12 and params.FIRST_DATE.year <= year <= params.LAST_DATE.year):
        raise Http404
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    occurrences = list(
        occurrence_queryset(index.scope)
        .filter(start__lt=local_midnight(last + schedule.DAY), end__gt=local_midnight(first))
        .order_by("start", "event_id")
    )
    prepare_events(occurrences, index.scope)
    by_day = {}
    for occ in occurrences:
        day = max(timezone.localdate(occ.start), first)
        end = occ.end - datetime.timedelta(microseconds=1) if occ.end > occ.start else occ.start
        last_day = min(timezone.localdate(end), last)
        while day <= last_day:
            by_day.setdefault(day, []).append(occ)
            day += schedule.DAY
    month_start = datetime.date(year, month, 1)
    previous = month_start - schedule.DAY
    following = month_start + datetime.timedelta(days=32)
    rows = [[month_cell(day, month, by_day.get(day, [])) for day in week] for week in weeks]
    today = timezone.localdate()
    # On a phone the month is read as an agenda: the month's days that have events, in order.
    agenda = [
        {"date": day, "kind": day_label_kind(day, today), "occurrences": by_day[day]}
        for day in sorted(by_day)
        if day.month == month
    ]
    return index.render(
        request,
        template="events/event_index_month.html",
        context_overrides={
            "month_start": month_start,
            "weeks": rows,
            "agenda": agenda,
            "show_village": index.is_region_index,
            "weekdays": [datetime.date(2024, 1, day) for day in range(1, 8)],  # Monday first
            "previous_month": (previous.year, previous.month),
            "next_month": (following.year, following.month),
            "today": today,
            "view": "month",
            **feed_links(request, index),
        },
    )


def month_cell(day, month, occurrences):
    return {
        "date": day,
        "in_month": day.month == month,
        "occurrences": occurrences,
        "shown": occurrences[:MONTH_CELL_EVENTS],
        "more": max(len(occurrences) - MONTH_CELL_EVENTS, 0),
    }


def stable_calendar_path(index, query=""):
    with translation.override(index.locale.language_code):
        address = reverse("events:calendar", kwargs={"key": index.translation_key})
    return address + (f"?{query}" if query else "")


def stable_event_path(page):
    with translation.override(page.locale.language_code):
        return reverse("events:event", kwargs={"key": page.translation_key})


def feed_links(request, index, village=None):
    query = urlencode({"village": village.slug}) if village else ""
    https = absolute_url(request, stable_calendar_path(index, query))
    return {
        "calendar_feed_url": https,
        "calendar_webcal_url": "webcal://" + https.split("://", 1)[1],
        "calendar_index": index,
    }


def google_calendar_url(page, occurrence):
    """Google Calendar's "add event" address. A repeating event is added as a series (its RRULE
    in `recur`) starting at its next regular date; single changed dates travel only in iCal."""
    if page.is_recurring:
        occurrence = next_series_occurrence(page, occurrence)
    if occurrence.all_day:
        start = timezone.localdate(occurrence.start).strftime("%Y%m%d")
        end = timezone.localdate(occurrence.end).strftime("%Y%m%d")
    else:
        start = timezone.localtime(occurrence.start).strftime("%Y%m%dT%H%M%S")
        end = timezone.localtime(occurrence.end).strftime("%Y%m%dT%H%M%S")
    location = page.location
    query = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": f"{start}/{end}",
        "details": page.summary,
        "location": location.text if location else "",
        "ctz": "Europe/Helsinki",
    }
    if page.is_recurring:
        query["recur"] = "RRULE:" + series_rrule(page, occurrence)
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def next_series_occurrence(page, shown):
    """The regular date of the series at or after the shown one (a moved date's original)."""
    start, end = schedule.first_span(page)
    duration = (end - start) if end else datetime.timedelta()
    after = timezone.localtime(shown.original_start or shown.start).replace(tzinfo=None)
    rule = schedule.rule_for(page)
    naive = rule.after(after, inc=True) or start
    return schedule.Occurrence(
        schedule.aware(naive), schedule.aware(naive + duration), page.all_day, shown.status
    )


def series_rrule(page, first):
    """The event's RRULE from `first` on: a COUNT is what is left of it from there."""
    from icalendar import vRecur

    value = schedule.rrule_value(page)
    if "COUNT" in value:
        rule = schedule.rule_for(page)
        before = timezone.localtime(first.start).replace(tzinfo=None)
        done = len(rule.between(schedule.first_span(page)[0], before, inc=True)) - 1
        value["COUNT"] = max(value["COUNT"] - max(done, 0), 1)
    return vRecur(value).to_ical().decode()


def json_ld(page, request, occurrence):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "eventStatus": SCHEMA_STATUS.get(occurrence.status if occurrence else page.status),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": page.locale.language_code,
    }
    if occurrence:
        if occurrence.all_day:
            data["startDate"] = timezone.localdate(occurrence.start).isoformat()
            last = timezone.localdate(occurrence.end) - schedule.DAY
            data["endDate"] = last.isoformat()
        else:
            data["startDate"] = timezone.localtime(occurrence.start).isoformat()
            data["endDate"] = timezone.localtime(occurrence.end).isoformat()
        if occurrence.original_start:
            data["previousStartDate"] = timezone.localtime(occurrence.original_start).isoformat()
    location = page.location
    if location:
        place = {
            "@type": "Place",
            "name": location.name or location.address,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": location.street_address,
                "postalCode": location.postal_code,
                "addressLocality": location.address_locality,
                "addressCountry": "FI",
            },
        }
        if location.has_coordinates:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(location.latitude),
                "longitude": float(location.longitude),
            }
        data["location"] = place
    organiser = page.organiser_info
    if organiser:
        data["organizer"] = {"@type": "Organization", "name": organiser["name"]}
        if organiser["url"]:
            data["organizer"]["url"] = organiser["url"]
    if page.is_free or page.price or page.registration_url:
        offers = {"@type": "Offer", "priceCurrency": "EUR"}
        if page.is_free:
            offers["price"] = "0"
        elif page.price:
            offers["description"] = page.price
        if page.registration_url:
            offers["url"] = page.registration_url
        data["offers"] = offers
        data["isAccessibleForFree"] = page.is_free
    return text.json_script(data)


def event_context(page, request):
    from home.models import attach_topics

    now = timezone.now()
    if page.pk is None or getattr(request, "is_preview", False):
        # A preview shows the draft's dates, which are not materialised yet.
        every = schedule.occurrences(page)
        upcoming = [occ for occ in every if occ.end >= now][:8]
        shown = upcoming[0] if upcoming else (every[-1] if every else None)
    else:
        upcoming = list(page.occurrences.filter(end__gte=now).order_by("start")[:8])
        shown = upcoming[0] if upcoming else page.occurrences.order_by("-start").first()
    attach_topics([page])
    index = page.get_parent().specific
    context = {
        "occurrence": shown,
        "upcoming": upcoming,
        "is_past": not upcoming,
        "ical_url": absolute_url(request, stable_event_path(page)),
        "google_calendar_url": google_calendar_url(page, shown) if shown else "",
        "recurrence": wording.recurrence_text(page),
        "json_ld": json_ld(page, request, shown),
        "location": page.location,
        "organiser": organiser_with_link(page, request),
        "reason_language": wording.reason_language(),
    }
    if isinstance(index, EventIndexPage):
        context.update(feed_links(request, index))
        if index.takes_submissions:
            context["submit_url"] = index.get_url(request) + index.reverse_subpage("submit")
    return context


def organiser_with_link(page, request=None):
    """The organiser, linked to its directory entry: in the event's village directory when the
    association belongs to that village, otherwise in the region's directory (a path when the
    directory is on the request's site)."""
    organiser = page.organiser_info
    if organiser is None:
        return None
    organiser["link"] = organiser["url"]
    entry = organiser["entry"]
    if entry is not None:
        from directory.pages import DirectoryPage
        from home.models import HomePage

        village = page.village
        scopes = []
        if village and entry.villages.filter(translation_key=village.translation_key).exists():
            scopes.append(village)
        scopes.append(HomePage.objects.ancestor_of(page).first())
        for scope in filter(None, scopes):
            directory = public(DirectoryPage.objects.child_of(scope)).first()
            if directory is not None:
                path = directory.reverse_subpage("entry", args=(entry.type_slug, entry.slug))
                organiser["link"] = directory.get_url(request) + path
                break
    return organiser


def upcoming_events_of(page, field, translation_key, limit=10):
    """The next date of each upcoming event whose `field` ("place" or "organiser") is the
    directory entry `translation_key`, in `page`'s region and language, soonest first."""
    from django.db.models import Min, Q

    from home.models import HomePage

    region = HomePage.objects.ancestor_of(page, inclusive=True).first()
    if region is None:
        return []
    upcoming = occurrence_queryset(region).filter(
        **{f"event__{field}__translation_key": translation_key},
        event__locale_id=page.locale_id,
        end__gte=timezone.now(),
    )
    nexts = upcoming.values("event_id").annotate(first=Min("start")).order_by("first", "event_id")
    condition = Q(pk__in=[])
    for row in nexts[:limit]:
        condition |= Q(event_id=row["event_id"], start=row["first"])
    occurrences = list(upcoming.filter(condition).order_by("start", "event_id"))
    # The region's events: each names its village, as the same title may come from several.
    attach_villages([occ.event for occ in occurrences], region)
    return occurrences


# Stable feed addresses: /<lang>/calendar/<translation key>.ics ---------------------------------


def stable_calendar(request, key, language=None, generation=None):
    language = language or translation.get_language()
    generation = generation or services.generation()
    try:
        filters = feeds.feed_filters(request)
    except params.TooManyValues as error:
        return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")

    @functools.cache
    def index():
        found = public(
            EventIndexPage.objects.filter(translation_key=key, locale__language_code=language)
        ).first()
        if found is None:
            raise Http404
        return found

    if filters:
        # Only values that name something get into the key: a cache entry per real filter.
        filters = feeds.resolve_filters(index(), filters)
    cache_key = feeds.cache_key(key, language, filters, generation)

    def build():
        return feeds.build_calendar(index(), filters, generation)

    return feeds.cached_feed(request, cache_key, build, "calendar.ics")


def stable_event(request, key):
    language = translation.get_language()
    page = (
        public(EventPage.objects.filter(translation_key=key, locale__language_code=language))
        .select_related("locale")
        .first()
    )
    if page is None:
        raise Http404
    return feeds.event_feed(request, page)


def page_feed(request, page_path):
    """The feed of the calendar page at `page_path` in the requested site (…/feed.ics).

    Which calendar that is gets cached under the calendar generation (bumped when a calendar
    or its ancestor is published, moved, unpublished or deleted), so that a cached feed or a
    304 costs no Wagtail routing."""
    from django.core.cache import cache
    from wagtail.models import Page

    where = f"{request.get_host()}:{translation.get_language()}:{page_path}"
    digest = hashlib.md5(where.encode(), usedforsecurity=False).hexdigest()
    generation = services.generation()
    route = f"events:route:{generation}:{digest}"
    target = cache.get(route)
    if target is None:
        page = Page.find_for_request(request, page_path)
        page = page.specific if page is not None else None
        if not isinstance(page, EventIndexPage) or not is_public(page):
            # Not remembered: any address can be asked for, and the cache must not fill up.
            raise Http404
        target = (str(page.translation_key), page.locale.language_code)
        cache.set(route, target, feeds.CACHE_SECONDS)
    return stable_calendar(request, *target, generation=generation)


def event_feed(request, page):
    return feeds.event_feed(request, page)
