"""Background syncs (django-tasks; the database backend by default, run by `manage.py db_worker`).

`sync_due_sources` syncs the sources that are due (each hourly, later after failures: see
CalendarSource.schedule_next) and queues itself again CHECK_EVERY later, so one queued chain
keeps every source in step; `calendar_sources schedule` (run by `make run` and at deploy) starts
the chain unless one is already queued. "Synkronoi nyt" queues `sync_source_task`: a slow source
never holds up the editor's request.
"""

import datetime

from django.utils import timezone
from django_tasks import default_task_backend, task

CHECK_EVERY = datetime.timedelta(minutes=10)


@task()
def sync_source_task(source_id):
    from .models import CalendarSource
    from .sync import sync_source

    source = CalendarSource.objects.select_related("calendar").filter(pk=source_id).first()
    if source is not None:
        sync_source(source)


@task()
def sync_due_sources():
    from .sync import sync_due

    try:
        return sync_due()
    finally:  # an exception in one run must not end the chain of all later syncs
        schedule_due_sync()


def chain_queued():
    """Whether a sync_due_sources run is waiting in the database queue already."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - another backend: nothing to look in
        return False
    return DBTaskResult.objects.filter(
        task_path=f"{__name__}.sync_due_sources", status__in=["READY"]
    ).exists()


def schedule_due_sync():
    """Queue the next sync_due_sources run, when the backend can run tasks later (the immediate
    backend of the tests cannot: there the chain would never end)."""
    if not default_task_backend.supports_defer or chain_queued():
        return None
    return sync_due_sources.using(run_after=timezone.now() + CHECK_EVERY).enqueue()
