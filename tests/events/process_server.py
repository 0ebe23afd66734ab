"""One Kylätori server process for tests/events/test_processes.py (not a test module itself).

Serves the site with the test settings (a local-memory cache of its own) on a free loopback port,
announced on stdout as "PORT <number>". For each line "publish <calendar id> <title>" on stdin it
publishes an event below that calendar through the ORM of this process, as an editor's publish
in this gunicorn worker (or an import in the task worker) would, and answers "PUBLISHED".
The database is the one DATABASE_URL names, shared with the other process.
"""

import os
import sys
import threading
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kylatori.settings.test")

import django  # noqa: E402

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def publish(calendar_id, title):
    from events.models import EventIndexPage
    from tests.events.factories import EventPageFactory

    EventPageFactory(parent=EventIndexPage.objects.get(pk=calendar_id), title=title)


def main():
    server = make_server(
        "127.0.0.1", 0, get_wsgi_application(), WSGIServer, handler_class=QuietHandler
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("PORT", server.server_port, flush=True)
    for line in sys.stdin:
        command, calendar_id, title = line.rstrip("\n").split(" ", 2)
        assert command == "publish", command
        publish(int(calendar_id), title)
        print("PUBLISHED", flush=True)


if __name__ == "__main__":
    main()
