"""A misconfigured survey plugin stops start-up with a system check that names the setting."""
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings


@pytest.mark.parametrize(
    ("setting", "value"),
    [("CADRE_SURVEY_MIN_GROUP_SIZE", 0), ("CADRE_SURVEY_MIN_GROUP_SIZE", "5"), ("CADRE_SURVEY_MAX_TEXT_LENGTH", 2.5),
     ("CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST", -1), ("CADRE_SURVEY_EXPORT_RETENTION_DAYS", -1),
     ("CADRE_SURVEY_EXPORT_RETENTION_DAYS", "7")],
)
def test_broken_setting_fails_the_check_and_names_it(setting, value):
    with override_settings(**{setting: value}), pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert setting in str(error.value)


def test_production_settings_send_response_exports_to_the_high_memory_queue_unless_routed():
    from types import SimpleNamespace

    from survey_plugin.settings import production

    lms = SimpleNamespace(HIGH_MEM_QUEUE="edx.lms.core.high_mem", EXPLICIT_QUEUES={})
    production.plugin_settings(lms)
    assert lms.EXPLICIT_QUEUES[production.EXPORT_TASK] == {"queue": "edx.lms.core.high_mem"}
    assert lms.CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST == 2000
    chosen = SimpleNamespace(HIGH_MEM_QUEUE="q.high_mem", EXPLICIT_QUEUES={production.EXPORT_TASK: {"queue": "q.low"}})
    production.plugin_settings(chosen)
    assert chosen.EXPLICIT_QUEUES[production.EXPORT_TASK] == {"queue": "q.low"}


@override_settings(CADRE_SURVEY_EXPORT_RETENTION_DAYS=0)
def test_a_retention_of_zero_keeps_exports_and_passes_the_check():
    call_command("check")


def test_expired_exports_are_purged_daily_on_the_beat_unless_kept():
    from types import SimpleNamespace

    from survey_plugin.settings import production

    lms = SimpleNamespace(CELERY_BEAT_SCHEDULE={"other": {}})
    production.plugin_settings(lms)
    assert lms.CELERY_BEAT_SCHEDULE == {
        "other": {},
        "survey_plugin.purge_expired_exports": {"task": "survey_plugin.tasks.purge_expired_exports", "schedule": 86400},
    }
    kept = SimpleNamespace(ENV_TOKENS={"CADRE_SURVEY_EXPORT_RETENTION_DAYS": 0},
                           CELERY_BEAT_SCHEDULE=lms.CELERY_BEAT_SCHEDULE)
    production.plugin_settings(kept)
    assert kept.CELERY_BEAT_SCHEDULE == {"other": {}}
