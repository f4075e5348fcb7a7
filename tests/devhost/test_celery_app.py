"""
The devhost's Celery app is the LMS's: ``Celery('proj')`` configured from Django's settings with no
namespace (openedx/core/lib/celery/__init__.py), so a setting the devhost relies on is one the
LMS's app reads too, and the plugins' periodic tasks reach its beat.
"""
import sys
import types

import pytest
from celery import Celery
from celery.result import EagerResult
from edx_django_utils.plugins import add_plugins

from devhost.plugins import LMS

PERIODIC_TASKS = {
    "credit_plugin.reconcile_credits": "credit_plugin.tasks.reconcile_credits",
    "credit_plugin.send_training_reminders": "credit_plugin.tasks.send_training_reminders",
    "credit_plugin.purge_expired_exports": "credit_plugin.tasks.purge_expired_exports",
}


def _lms_settings_module(name: str) -> types.ModuleType:
    """A settings module as lms/envs/production.py leaves it before the plugins add theirs."""
    module = types.ModuleType(name)
    module.ENV_TOKENS = {}
    module.CELERYBEAT_SCHEDULE = {}
    module.HIGH_MEM_QUEUE = "edx.lms.core.high_mem"
    module.BROKER_URL = "memory://"
    module.LOCALE_PATHS = []
    sys.modules[name] = module
    return module


def test_the_lms_celery_app_with_the_plugins_production_settings_runs_their_periodic_tasks():
    lms = _lms_settings_module("cadre_test_lms_production_settings")
    try:
        add_plugins(lms.__name__, LMS, "common")
        add_plugins(lms.__name__, LMS, "production")
        app = Celery("proj")
        app.config_from_object(lms)
        scheduled = {entry: spec["task"] for entry, spec in app.conf.beat_schedule.items()}
    finally:
        del sys.modules[lms.__name__]
    assert {entry: scheduled.get(entry) for entry in PERIODIC_TASKS} == PERIODIC_TASKS
    assert "survey_plugin.purge_expired_exports" in scheduled


def test_the_devhost_app_is_configured_as_the_lms_configures_its_own():
    from devhost.celery_app import app

    assert app.main == "proj"
    # The old-style names in the devhost's settings are the ones this namespace-less app reads:
    # eager tasks, the in-memory broker and the plugins' beat entries.
    assert app.conf.task_always_eager is True
    assert app.conf.task_eager_propagates is False
    assert app.conf.broker_url == "memory://localhost/"
    assert "credit_plugin.reconcile_credits" in app.conf.beat_schedule


@pytest.mark.django_db
def test_a_plugin_task_sent_through_the_devhost_app_runs_in_process():
    from devhost.celery_app import app

    app.loader.import_default_modules()  # what a worker does at start: autodiscovery finds the plugins' tasks
    result = app.tasks["credit_plugin.tasks.purge_expired_exports"].delay()
    assert isinstance(result, EagerResult) and result.successful()
