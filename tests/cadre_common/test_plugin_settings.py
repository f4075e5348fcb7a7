"""The periodic tasks a plugin puts on the beat are the ones the LMS's Celery app runs."""
from types import SimpleNamespace

from celery import Celery

from cadre_common.plugin_settings import set_beat_schedule


def test_the_lms_celery_app_reads_the_schedule_the_plugins_set():
    # Configured as openedx/core/lib/celery does it: from Django's settings, without a namespace.
    lms = SimpleNamespace(CELERY_TASK_SERIALIZER="json", CELERY_BROKER_URL="memory://")
    set_beat_schedule(lms, [("plugin.purge", "plugin.tasks.purge", lambda settings: 86400)])
    app = Celery("proj")
    app.config_from_object(lms)
    assert app.conf.beat_schedule == {"plugin.purge": {"task": "plugin.tasks.purge", "schedule": 86400}}


def test_an_interval_of_zero_takes_the_entry_off_and_keeps_the_others():
    lms = SimpleNamespace(CELERYBEAT_SCHEDULE={"other": {}, "plugin.purge": {}})
    set_beat_schedule(lms, [("plugin.purge", "plugin.tasks.purge", lambda settings: 0)])
    assert lms.CELERYBEAT_SCHEDULE == {"other": {}}
