"""schema.org JSON-LD for a directory entry's detail page.

Associations are NGOs, services a LocalBusiness (or the subtype their kind names) with
openingHoursSpecification, places a Place; each with PostalAddress and GeoCoordinates.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.safestring import mark_safe

from home import text

from . import hours as hours_logic

SERVICE_TYPES = {
    "shop": "Store",
    "health": "MedicalBusiness",
    "transport": "LocalBusiness",
    "accommodation": "LodgingBusiness",
    "other": "LocalBusiness",
}
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _time(value):
    return value.strftime("%H:%M")


def opening_hours_specification(hours, today):
    specs = []
    for weekday in range(7):
        for r in sorted(hours.weekly.get(weekday, ()), key=lambda r: r.opens):
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": f"https://schema.org/{DAYS[weekday]}",
                    "opens": _time(r.opens),
                    # schema.org: a closing time before the opening time runs into the next day.
                    "closes": _time(r.closes),
                }
            )
    exceptions = [e for e in hours.exceptions if e.end >= today]
    if hours.closed_on_holidays:
        for day in (today + timedelta(days=n) for n in range(366)):
            if hours_logic.holiday_name(day) and not any(e.covers(day) for e in exceptions):
                exceptions.append(hours_logic.DatedHours(day, day))
    for exception in sorted(exceptions, key=lambda e: e.start):
        base = {
            "@type": "OpeningHoursSpecification",
            "validFrom": exception.start.isoformat(),
            "validThrough": exception.end.isoformat(),
        }
        if exception.closed or not exception.ranges:
            specs.append({**base, "opens": "00:00", "closes": "00:00"})
        for r in exception.ranges:
            specs.append({**base, "opens": _time(r.opens), "closes": _time(r.closes)})
    return specs


def entry_data(entry, url, hours=None):
    from .models import Association, Service

    if isinstance(entry, Association):
        kind = "NGO"
    elif isinstance(entry, Service):
        kind = SERVICE_TYPES.get(entry.kind, "LocalBusiness")
    else:
        kind = "Place"
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": url,
        "url": entry.url or url,
        "name": entry.name,
    }
    if entry.description:
        data["description"] = entry.description
    if entry.email:
        data["email"] = entry.email
    if entry.telephone:
        data["telephone"] = entry.telephone
    if entry.street_address or entry.postal_code or entry.address_locality:
        address = {"@type": "PostalAddress", "addressCountry": "FI"}
        for key, value in (
            ("streetAddress", entry.street_address),
            ("postalCode", entry.postal_code),
            ("addressLocality", entry.address_locality),
        ):
            if value:
                address[key] = value
        data["address"] = address
    if entry.has_location:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(entry.latitude),
            "longitude": float(entry.longitude),
        }
    if getattr(entry, "topic_list", None):
        data["keywords"] = ", ".join(topic.name for topic in entry.topic_list)
    if hours is not None and not hours.is_empty:
        data["openingHoursSpecification"] = opening_hours_specification(hours, timezone.localdate())
    if isinstance(entry, Service) and entry.price_info:
        data["priceRange"] = entry.price_info[:100]
    return data


def entry_jsonld(entry, request, directory_page, hours=None):
    url = directory_page.get_full_url(request) + directory_page.reverse_subpage(
        "entry", args=(entry.type_slug, entry.slug)
    )
    return mark_safe(text.json_script(entry_data(entry, url, hours)))  # noqa: S308 (escaped)
