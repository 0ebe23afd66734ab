"""The read-only Linked Events API: GET and HEAD, open to every origin, JSON, cached.

Every response is built for the request's region (linkedevents.region) from what the public may
see (home.visibility), cleaned once for JSON (home.text.json_bytes), and cached under the
calendar generation (events.services: bumped by every change an API answer can show), the
address and the parameters. A repeated request with the ETag gets a 304 from the cache.
"""

import functools
import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from events import services
from home import text
from home.site_urls import absolute_url

from . import directory, events, ids, openapi, params
from .region import Region

CACHE_SECONDS = 3600
MAX_AGE = 300
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since, Accept, Accept-Language",
    "Access-Control-Expose-Headers": "ETag",
    "Access-Control-Max-Age": "86400",
}


class NotFound(Exception):
    """Nothing at this address; `detail` says why when the id itself cannot be one."""

    def __init__(self, detail=None):
        self.detail = detail
        super().__init__(detail)


def json_response(request, data, status=200, extra=None):
    body = text.json_bytes(data)
    return finish(request, HttpResponse(body, status=status, content_type="application/json"))


def finish(request, response):
    for name, value in CORS.items():
        response[name] = value
    if request.method == "HEAD":
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response


def error(request, status, detail, errors=None):
    data = {"detail": detail}
    if errors:
        data["errors"] = errors
    return json_response(request, data, status=status)


def endpoint(view):
    """GET and HEAD (and the CORS preflight), errors as JSON, answers cached with an ETag.

    Exempt from the CSRF check: nothing here changes anything, and a write must get the API's
    405 with its CORS headers, not the middleware's HTML 403."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.urlconf = "linkedevents.root_urls"
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return finish(request, response)
        if request.method not in ("GET", "HEAD"):
            response = error(
                request, 405, _("Only GET and HEAD are allowed: this API is read-only.")
            )
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        generation = services.generation()
        query = sorted((name, value) for name in request.GET for value in request.GET.getlist(name))
        raw = f"{absolute_url(request, request.path)}?{urlencode(query)}"
        digest = hashlib.md5(raw.encode("utf-8", "surrogatepass"), usedforsecurity=False)
        key, seconds = f"linkedevents:{generation}:{digest.hexdigest()}", CACHE_SECONDS
        # "today", "now" and `days` move with the clock, which the generation does not follow:
        # an answer holds for its day, one with "now" for its minute.
        now = timezone.localtime()
        moments = {
            value.strip().lower()
            for name in ("start", "end")
            for value in request.GET.getlist(name)
        }
        if "now" in moments:
            key, seconds = f"{key}:{now:%Y-%m-%dT%H:%M}", 60
        else:
            key = f"{key}:{now:%Y-%m-%d}"
        cached = cache.get(key)
        if cached is None:
            try:
                data = view(request, Region(request), *args, **kwargs)
            except params.BadRequest as bad:
                first = next(iter(bad.errors.items()))
                return error(request, 400, f"{first[0]}: {first[1][0]}", bad.errors)
            except NotFound as missing:
                return error(request, 404, str(missing.detail or _("Not found.")))
            except Http404:
                return error(request, 404, _("Not found."))
            body = text.json_bytes(data)
            etag = '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'
            cached = (etag, body)
            cache.set(key, cached, seconds)
        etag, body = cached
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            not_modified["Cache-Control"] = f"public, max-age={MAX_AGE}"
            return finish(request, not_modified)
        response = HttpResponse(body, content_type="application/json")
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={MAX_AGE}"
        return finish(request, response)

    return wrapper


def page_of(request, count, data):
    """(offset, size, meta) of the requested page; a page beyond the last is not found."""
    size = data.get("page_size") or params.DEFAULT_PAGE_SIZE
    number = data.get("page") or 1
    if number > 1 and (number - 1) * size >= count:
        raise NotFound
    offset = (number - 1) * size

    def link(page_number):
        query = request.GET.copy()
        query["page"] = str(page_number)
        return absolute_url(request, request.path) + "?" + query.urlencode()

    meta = {
        "count": count,
        "next": link(number + 1) if offset + size < count else None,
        "previous": link(number - 1) if number > 1 else None,
    }
    return offset, size, meta


def one(number_text, kind):
    """The number of a detail address's id, or a 404 saying what an id of `kind` looks like."""
    number = ids.parse(number_text)
    if number is None:
        raise NotFound(params.ID_FORMS[kind])
    return number


# Views ------------------------------------------------------------------------------------


@endpoint
def not_found(request, region, rest):
    """Any other address below the API: a JSON 404 (not the site's page or language redirect)."""
    raise NotFound


@endpoint
def root(request, region):
    names = ["event", "place", "keyword", "organization", "language"]
    data = {name: absolute_url(request, reverse(f"linkedevents:{name}-list")) for name in names}
    data["openapi"] = absolute_url(request, reverse("linkedevents:openapi"))
    return data


@endpoint
def event_list(request, region):
    data = params.read(params.EventListForm(request.GET))
    rows = events.event_rows(region, data)
    count = events.event_rows(region, data, counting=True).count()
    offset, size, meta = page_of(request, count, data)
    writer = events.EventWriter(region, data.get("include") or set())
    return {"meta": meta, "data": writer.write(rows[offset : offset + size])}


@endpoint
def event_detail(request, region, pk):
    data = params.read(params.DetailForm(request.GET))
    row = events.find(region, one(pk, "event"))
    if row is None:
        raise NotFound
    written = events.EventWriter(region, data.get("include") or set()).write([row])
    if not written:
        raise NotFound
    return written[0]


def listing(request, items, write, data):
    offset, size, meta = page_of(request, len(items), data)
    return {"meta": meta, "data": [write(item) for item in items[offset : offset + size]]}


def found_in(request, pk, kind, lister, numbers):
    """The object `pk` of a list (`lister` gives the writer and keys), or NotFound."""
    params.read(params.DetailForm(request.GET))
    number = one(pk, kind)
    writer, keys = lister
    for key in keys:
        if numbers(writer)[key] == number:
            return writer, key
    raise NotFound


@endpoint
def place_list(request, region):
    data = params.read(params.PlaceListForm(request.GET))
    writer, keys = directory.places(region, data)
    return listing(request, keys, writer.place, data)


@endpoint
def place_detail(request, region, pk):
    lister = directory.places(region, {})
    writer, key = found_in(request, pk, "place", lister, lambda writer: writer.place_numbers)
    return writer.place(key)


@endpoint
def keyword_list(request, region):
    data = params.read(params.NamedListForm(request.GET))
    writer, keys = directory.keywords(region, data)
    return listing(request, keys, writer.keyword, data)


@endpoint
def keyword_detail(request, region, pk):
    lister = directory.keywords(region, {})
    writer, key = found_in(request, pk, "keyword", lister, lambda writer: writer.topic_numbers)
    return writer.keyword(key)


@endpoint
def organization_list(request, region):
    data = params.read(params.NamedListForm(request.GET))
    writer, keys = directory.organizations(region, data)
    return listing(request, keys, writer.organization, data)


@endpoint
def organization_detail(request, region, pk):
    params.read(params.DetailForm(request.GET))
    wanted = ids.parse_organization(pk)
    if wanted is None:
        raise NotFound(params.ID_FORMS["organization"])
    writer, keys = directory.organizations(region, {})
    for key in keys:
        if writer.organization_ref(key) == wanted:
            return writer.organization(key)
    raise NotFound


def language_data(request, code):
    data = directory.language(code)
    if data is None:
        raise NotFound(params.ID_FORMS["language"])
    data["@id"] = absolute_url(request, reverse("linkedevents:language-detail", args=[code]))
    return data


@endpoint
def language_list(request, region):
    data = params.read(params.ListForm(request.GET))
    codes = [language["id"] for language in directory.languages()]
    return listing(request, codes, lambda code: language_data(request, code), data)


@endpoint
def language_detail(request, region, pk):
    params.read(params.DetailForm(request.GET))
    return language_data(request, pk)


@endpoint
def openapi_document(request, region):
    return openapi.document(request)
