"""Template helpers for event dates: the parts a sentence about "when" is made of."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.simple_tag
def event_when(occurrence):
    """Local start/end dates and times of an occurrence; end_date only when on another day."""
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end)
    if occurrence.all_day:
        last_day = (end - datetime.timedelta(days=1)).date() if end > start else start.date()
        return {
            "all_day": True,
            "start_date": start.date(),
            "end_date": last_day if last_day != start.date() else None,
        }
    has_end = end > start
    return {
        "all_day": False,
        "start_date": start.date(),
        "start": start,
        "end": end if has_end else None,
        "end_date": end.date() if has_end and end.date() != start.date() else None,
    }


@register.filter
def moved_text(occurrence):
    """ "Moved from … to …" for a moved date of a repeating event, else ""."""
    from events.wording import moved_text

    return moved_text(occurrence) if getattr(occurrence, "original_start", None) else ""


@register.inclusion_tag("events/coming_events.html", takes_context=True)
def coming_events(context, scope):
    """The next seven days' events of a region or a village, by day, beside its news."""
    from events.views import coming_events

    request = context.get("request")
    return {**coming_events(scope, request), "request": request}


@register.inclusion_tag("events/entry_events.html", takes_context=True)
def entry_events(context, entry, limit=10):
    """The upcoming events that a directory entry organises (an association) or hosts (a place),
    in the visitor's language, in the region of the page showing the entry."""
    from directory.models import Association, Place

    field = {Association: "organiser", Place: "place"}.get(type(entry))
    page = context.get("page")
    if field is None or page is None:
        return {"entry_events": []}
    from events.views import upcoming_events_of

    # The request lets {% pageurl %} write links within the site as paths, not absolute URLs.
    return {
        "entry_events": upcoming_events_of(page, field, entry.translation_key, limit),
        "request": context.get("request"),
    }
