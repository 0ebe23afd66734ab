"""The database a benchmark runs on, set up before Django is: shared by every bench/ script.

BENCH_DATABASE_URL when it is set (the benchmark fills it and leaves it), otherwise a throwaway
SQLite file that is removed when the benchmark ends.
"""

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def scratch_sqlite_url(name):
    """The address of a new SQLite file in a folder removed when this process ends."""
    scratch = tempfile.mkdtemp(prefix="kylatori-bench-")
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    return f"sqlite:///{scratch}/{name}.sqlite3"


def configure(name="bench"):
    """Test settings on BENCH_DATABASE_URL or a scratch SQLite file; the project importable."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kylatori.settings.test"
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or scratch_sqlite_url(name)
