"""A local HTTP server for calendar sources (http.server in a thread), and the calendars."""

import gzip
import http.server
import threading
import time
from pathlib import Path

import pytest

from tests.events.factories import EventIndexPageFactory

FILES = Path(__file__).parent / "files"


class Server:
    """Serves `routes`: path -> (status, headers, body) or a callable(handler) doing it all."""

    def __init__(self):
        self.routes = {}
        self.requests = []
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self.handler_class())
        server.daemon_threads = True
        self.httpd = server
        self.thread = threading.Thread(target=server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path):
        return self.base + path

    def ics(self, path, body, etag=None, **headers):
        if isinstance(body, str):
            body = body.encode()
        if etag:
            headers["ETag"] = etag
        self.routes[path] = (200, {"Content-Type": "text/calendar", **headers}, body)
        return self.url(path)

    def json(self, path, body):
        """Serve `body` (a str, bytes or a callable(handler) answering it) as JSON at `path`."""
        if callable(body):
            self.routes[path] = body
        else:
            body = body.encode() if isinstance(body, str) else body
            self.routes[path] = (200, {"Content-Type": "application/json"}, body)
        return self.url(path)

    def file(self, path, name, **headers):
        return self.ics(path, (FILES / name).read_bytes(), **headers)

    def handler_class(self):
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                # A route by its whole path with the query, or by its path alone.
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                if callable(route):
                    route(self)
                    return
                status, headers, body = route
                etag = headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(settings):
    settings.CALENDAR_SOURCES_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.CALENDAR_SOURCES_TIMEOUT = 2.0
    running = Server()
    yield running
    running.close()


@pytest.fixture
def calendars(region):
    region.event_index = EventIndexPageFactory(parent=region.home)
    region.village_calendars = [EventIndexPageFactory(parent=v) for v in region.villages]
    return region


def gzipped(body):
    return gzip.compress(body)


def slow(seconds, in_headers=False):
    """A route that drips one byte every `seconds`/8 for `seconds`: of its body, or, with
    `in_headers`, of a header line. Its `hung_up` event is set when the client cuts it off."""

    def route(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/calendar")
        if in_headers:
            handler.wfile.write(b"X-Slow: ")
        else:
            handler.end_headers()
        deadline = time.monotonic() + seconds
        try:
            while time.monotonic() < deadline:
                handler.wfile.write(b"B")
                handler.wfile.flush()
                time.sleep(seconds / 8)
        except OSError:
            route.hung_up.set()

    route.hung_up = threading.Event()
    return route
