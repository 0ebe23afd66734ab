"""Fetching a calendar source safely: the one place that opens connections to addresses that
editors type.

- only http and https (webcal:// is https, as calendar apps read it);
- the host name is resolved here and every address it resolves to must be public: private,
  loopback, link-local, multicast and reserved addresses are refused unless they fall within
  CALENDAR_SOURCES_ALLOWED_NETWORKS (tests, intranets); the connection then goes to the checked
  address (so a second DNS answer cannot point it elsewhere), with the name kept for TLS and Host;
- redirects are followed by hand, at most MAX_REDIRECTS, each new address checked again;
- CALENDAR_SOURCES_TIMEOUT seconds for the whole fetch, redirects, headers and body together
  (not per read: a server dripping one byte a second is cut off too, by a Watchdog that shuts
  the connection's socket at the deadline), CALENDAR_SOURCES_MAX_BYTES of decoded content (so a
  small gzip that inflates to gigabytes is refused as it inflates);
- If-None-Match and If-Modified-Since from the previous answer: an unchanged source is a 304.
"""

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import urllib3
from django.conf import settings
from django.utils.translation import gettext_lazy as _

MAX_REDIRECTS = 5
USER_AGENT = "Kylatori-calendar-import/1.0"


class FetchError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass
class FetchResult:
    content: bytes = b""
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False
    url: str = ""


def timeout():
    return getattr(settings, "CALENDAR_SOURCES_TIMEOUT", 10.0)


def max_bytes():
    return getattr(settings, "CALENDAR_SOURCES_MAX_BYTES", 5 * 1024 * 1024)


def allowed_networks():
    return [
        ipaddress.ip_network(value)
        for value in getattr(settings, "CALENDAR_SOURCES_ALLOWED_NETWORKS", ())
    ]


def normalise_url(url):
    """`url` with webcal:// as https://; FetchError for any other scheme or no host."""
    url = (url or "").strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("webcal", "webcals"):
        parts = parts._replace(scheme="https")
    elif scheme not in ("http", "https"):
        raise FetchError(_("Only http, https and webcal addresses can be imported."))
    if not parts.hostname:
        raise FetchError(_("The address has no host name."))
    return urlunsplit(parts)


def is_allowed(address):
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in network for network in allowed_networks()):
        return True
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def resolve(host, port):
    """The first address of `host`, after checking every address it resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(_("The host name %(host)s was not found.") % {"host": host}) from error
    addresses = [info[4][0] for info in infos]
    if not addresses or not all(is_allowed(address) for address in addresses):
        raise FetchError(
            _("The address %(host)s is in a private or local network and cannot be imported.")
            % {"host": host}
        )
    return addresses[0]


class Watchdog:
    """Shuts the fetch's sockets at its deadline. A socket timeout bounds one read only, and a
    server dripping a byte at a time never lets one time out; shutting the socket down ends the
    read that is blocked, whether it waits for headers or for the body."""

    def __init__(self, seconds):
        self.sockets = []
        self.fired = False
        self.timer = threading.Timer(seconds, self.fire)
        self.timer.daemon = True
        self.timer.start()

    def fire(self):
        self.fired = True
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def watched(self, connection_class):
        """`connection_class` whose sockets this watchdog shuts."""
        watchdog = self

        class Watched(connection_class):
            def connect(self):
                super().connect()
                watchdog.sockets.append(self.sock)
                if watchdog.fired:
                    watchdog.fire()

        return Watched


def _open(url, headers, deadline, watchdog):
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve(parts.hostname, port)
    remaining = max(deadline - time.monotonic(), 0.1)
    options = {"timeout": urllib3.Timeout(connect=remaining, read=remaining), "retries": False}
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            port,
            server_hostname=parts.hostname,
            assert_hostname=parts.hostname,
            **options,
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, **options)
    pool.ConnectionCls = watchdog.watched(pool.ConnectionCls)
    path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    return pool.urlopen(
        "GET",
        path,
        headers={**headers, "Host": host},
        redirect=False,
        preload_content=False,
        decode_content=True,
    )


def _read(response, deadline):
    limit = max_bytes()
    length = response.headers.get("Content-Length")
    if (
        length
        and length.isdigit()
        and int(length) > limit
        and not response.headers.get("Content-Encoding")
    ):
        raise FetchError(_("The calendar is larger than the limit of %(mb)s MB.") % _mb(limit))
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(_("The server did not answer in time."))
        chunk = response.read(64 * 1024)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise FetchError(_("The calendar is larger than the limit of %(mb)s MB.") % _mb(limit))
        chunks.append(chunk)
    return b"".join(chunks)


def _mb(limit):
    return {"mb": round(limit / 1024 / 1024, 1)}


def fetch(url, etag="", last_modified=""):
    """GET `url` safely (see the module docstring); raises FetchError with a reason to show."""
    url = normalise_url(url)
    deadline = time.monotonic() + timeout()
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/calendar, application/json;q=0.9, */*;q=0.5",
        # No brotli or zstd: gzip and deflate are what calendar servers send, and enough.
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    watchdog = Watchdog(timeout())
    try:
        return _follow(url, headers, deadline, watchdog, etag, last_modified)
    except FetchError:
        if watchdog.fired:  # what broke was the connection the watchdog shut
            raise FetchError(_("The server did not answer in time.")) from None
        raise
    finally:
        watchdog.timer.cancel()


def _follow(url, headers, deadline, watchdog, etag, last_modified):
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            response = _open(url, headers, deadline, watchdog)
        except urllib3.exceptions.TimeoutError as error:
            raise FetchError(_("The server did not answer in time.")) from error
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(_("The server could not be reached.")) from error
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(_("The server redirected without an address."))
                url = normalise_url(urljoin(url, location))
                continue
            if response.status == 304:
                return FetchResult(not_modified=True, etag=etag, last_modified=last_modified)
            if response.status != 200:
                raise FetchError(
                    _("The server answered with status %(status)s.") % {"status": response.status}
                )
            try:
                content = _read(response, deadline)
            except urllib3.exceptions.TimeoutError as error:
                raise FetchError(_("The server did not answer in time.")) from error
            except urllib3.exceptions.DecodeError as error:
                raise FetchError(_("The server sent content that could not be decoded.")) from error
            except urllib3.exceptions.HTTPError as error:
                raise FetchError(_("The connection broke before the calendar was read.")) from error
            if watchdog.fired:  # the shut socket ends the body early: never a calendar cut short
                raise FetchError(_("The server did not answer in time."))
            return FetchResult(
                content=content,
                etag=response.headers.get("ETag", "")[:500],
                last_modified=response.headers.get("Last-Modified", "")[:100],
                url=url,
            )
        finally:
            response.release_conn()
    raise FetchError(_("The server redirected too many times."))
