"""A misconfigured credit plugin stops start-up with a system check that names the setting."""
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings


def test_default_configuration_passes_the_checks():
    call_command("check")


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("CADRE_TRAINING_YEARLY_CREDITS", "ninety"),
        ("CADRE_TRAINING_YEARLY_CREDITS", -1),
        ("CADRE_TRAINING_YEARLY_HOURS", None),
        ("CADRE_TRAINING_TIME_ZONE", "Asia/Beijing"),
        ("CADRE_TRAINING_REMINDER_INTERVAL", "daily"),
        ("CADRE_TRAINING_REMINDER_PERIOD", "fortnight"),
        ("CADRE_TRAINING_EXPORT_RETENTION_DAYS", "7.5"),
        ("CADRE_TRAINING_EXPORT_RETENTION_DAYS", -7),
    ],
)
def test_broken_setting_fails_the_check_and_names_it(setting, value):
    with override_settings(**{setting: value}), pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert setting in str(error.value)
    assert repr(value) in str(error.value)


@override_settings(CADRE_TRAINING_YEARLY_CREDITS="120.5", CADRE_TRAINING_YEARLY_HOURS=50)
def test_numeric_strings_and_integers_are_accepted():
    call_command("check")


def test_reconcile_runs_on_the_lms_celery_beat():
    from django.conf import settings

    entry = settings.CELERYBEAT_SCHEDULE["credit_plugin.reconcile_credits"]
    assert entry == {"task": "credit_plugin.tasks.reconcile_credits", "schedule": 3600}


def test_failed_events_are_replayed_hourly_on_the_lms_celery_beat():
    from django.conf import settings

    entry = settings.CELERYBEAT_SCHEDULE["credit_plugin.replay_failed_events"]
    assert entry == {"task": "credit_plugin.tasks.replay_failed_events", "schedule": 3600}


def test_reminders_run_daily_on_the_lms_celery_beat():
    from django.conf import settings

    entry = settings.CELERYBEAT_SCHEDULE["credit_plugin.send_training_reminders"]
    assert entry == {"task": "credit_plugin.tasks.send_training_reminders", "schedule": 86400}


def test_production_settings_take_values_from_the_lms_yaml_and_keep_the_schedule():
    from types import SimpleNamespace

    from credit_plugin.settings import production

    lms = SimpleNamespace(ENV_TOKENS={"CADRE_TRAINING_YEARLY_CREDITS": 100, "CADRE_TRAINING_RECONCILE_INTERVAL": 0,
                                      "CADRE_TRAINING_REMINDER_INTERVAL": 0,
                                      "CADRE_TRAINING_REPLAY_INTERVAL": 0},
                          CELERYBEAT_SCHEDULE={"credit_plugin.reconcile_credits": {}, "other": {}})
    production.plugin_settings(lms)
    assert lms.CADRE_TRAINING_YEARLY_CREDITS == 100
    assert lms.CADRE_TRAINING_TIME_ZONE == "Asia/Shanghai"
    assert lms.CELERYBEAT_SCHEDULE == {"other": {}, "credit_plugin.purge_expired_exports": {
        "task": "credit_plugin.tasks.purge_expired_exports", "schedule": 86400}}
    lms.ENV_TOKENS["CADRE_TRAINING_EXPORT_RETENTION_DAYS"] = 0  # exports kept: no purge on the beat
    production.plugin_settings(lms)
    assert lms.CELERYBEAT_SCHEDULE == {"other": {}}


def test_production_settings_send_long_tasks_to_the_lms_high_memory_queue():
    from types import SimpleNamespace

    from credit_plugin.settings import production

    lms = SimpleNamespace(HIGH_MEM_QUEUE="edx.lms.core.high_mem",
                          EXPLICIT_QUEUES={"lms.djangoapps.grades.tasks.x": {"queue": "edx.lms.core.high"}})
    production.plugin_settings(lms)
    assert lms.EXPLICIT_QUEUES["credit_plugin.tasks.reconcile_credits"] == {"queue": "edx.lms.core.high_mem"}
    assert lms.EXPLICIT_QUEUES["lms.djangoapps.grades.tasks.x"] == {"queue": "edx.lms.core.high"}


def test_production_settings_keep_a_route_the_operator_chose():
    from types import SimpleNamespace

    from credit_plugin.settings import production

    chosen = {"credit_plugin.tasks.reconcile_credits": {"queue": "edx.lms.core.low"}}
    lms = SimpleNamespace(HIGH_MEM_QUEUE="edx.lms.core.high_mem", EXPLICIT_QUEUES=dict(chosen))
    production.plugin_settings(lms)
    assert lms.EXPLICIT_QUEUES["credit_plugin.tasks.reconcile_credits"] == {"queue": "edx.lms.core.low"}
    assert lms.EXPLICIT_QUEUES["credit_plugin.tasks.send_training_reminders"] == {"queue": "edx.lms.core.high_mem"}
