"""The hourly syncs on the database task backend: one queued chain, never two."""

import pytest


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_schedule_queues_one_deferred_run_of_the_due_syncs(db, database_tasks):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    call_command("calendar_sources", "schedule")
    call_command("calendar_sources", "schedule")
    queued = DBTaskResult.objects.filter(task_path="calendarsources.tasks.sync_due_sources")
    assert queued.count() == 1
    assert queued.get().run_after is not None


def test_the_immediate_backend_of_the_tests_runs_no_chain(db):
    from calendarsources.tasks import schedule_due_sync, sync_due_sources

    assert schedule_due_sync() is None
    assert sync_due_sources.enqueue().return_value == 0  # no sources; and no endless chain


def test_a_run_that_fails_still_queues_the_next_one(db, database_tasks, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    from calendarsources import sync, tasks

    def broken(now=None):
        raise RuntimeError("database went away")

    monkeypatch.setattr(sync, "sync_due", broken)
    with pytest.raises(RuntimeError):
        tasks.sync_due_sources.call()
    queued = DBTaskResult.objects.filter(task_path="calendarsources.tasks.sync_due_sources")
    assert queued.filter(status="READY", run_after__isnull=False).count() == 1
