"""Two server processes on one database agree on the feeds, each with its own local-memory cache
(as gunicorn workers do without Redis, or `make run` beside a task worker)."""

import contextlib
import http.client
import os
import select
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.events.factories import EventPageFactory

SERVER = Path(__file__).with_name("process_server.py")
READY_SECONDS = 120  # a bound on start-up (Django and Wagtail load), not a wait


def shared_database_url(tmp_path):
    """The test database as a URL the servers can open: PostgreSQL's test database itself, or
    (SQLite's test database lives in this process's memory) a file copy of it."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        user = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
        return f"postgres://{user}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(path)) as target:
        connection.connection.backup(target)
    return f"sqlite:///{path}"


class Server:
    def __init__(self, process):
        self.process = process
        self.port = int(self.read_line("PORT").split()[1])

    def read_line(self, expected):
        ready, _, _ = select.select([self.process.stdout], [], [], READY_SECONDS)
        assert ready, f"no {expected} from the server in {READY_SECONDS} s"
        line = self.process.stdout.readline()
        assert line.startswith(expected), line
        return line

    def publish(self, calendar, title):
        self.process.stdin.write(f"publish {calendar.pk} {title}\n")
        self.process.stdin.flush()
        self.read_line("PUBLISHED")

    def get(self, path, etag=None):
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": "localhost"} | ({"If-None-Match": etag} if etag else {})
        client.request("GET", path, headers=headers)
        response = client.getresponse()
        result = response.status, response.getheader("ETag"), response.read()
        client.close()
        return result


@contextlib.contextmanager
def server(database_url):
    env = os.environ | {"DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"}
    env.pop("REDIS_URL", None)  # each process keeps its own local-memory cache
    process = subprocess.Popen(
        [sys.executable, str(SERVER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        yield Server(process)
    finally:
        process.stdin.close()
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()


# serialized_rollback, as the live-server tests have: this test must find and leave the rows the
# migrations made (locales, content types), or the transactional tests around it find an empty or
# a doubled database.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_event_published_in_one_process_is_in_the_other_process_feeds(calendars, tmp_path):
    index = calendars.village_calendars[0]
    EventPageFactory(parent=index, title="Kyläkokous")
    url = shared_database_url(tmp_path)
    feeds = [index.url + "feed.ics", f"/fi/calendar/{index.translation_key}.ics"]
    with server(url) as one, server(url) as other:
        etags = {}
        for feed in feeds:
            status, etags[feed], body = other.get(feed)
            assert status == 200 and "SUMMARY:Kyläkokous" in body.decode()
            assert other.get(feed, etag=etags[feed])[0] == 304  # cached in that process
        one.publish(index, "Talkoot")
        for feed in feeds:
            status, etag, body = other.get(feed, etag=etags[feed])
            assert status == 200, f"{feed} still answers {status} to the old ETag"
            assert "SUMMARY:Talkoot" in body.decode() and etag != etags[feed]
        # The calendar page itself, which no cache keeps, shows it in both.
        assert "Talkoot" in other.get(index.url)[2].decode()
