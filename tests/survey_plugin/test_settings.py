"""What the survey plugin adds to the LMS's settings: defaults, the beat's daily purge, the long-task queue."""
from types import SimpleNamespace

from survey_plugin.settings import common, production

PURGE = {"survey_plugin.purge_expired_exports": {
    "task": "survey_plugin.tasks.purge_expired_exports", "schedule": 86400}}


def test_every_setting_gets_its_default_and_the_catalogs_are_found():
    lms = SimpleNamespace(CADRE_SURVEY_MIN_GROUP_SIZE=10, LOCALE_PATHS=["/platform/locale"])
    common.plugin_settings(lms)
    assert (lms.CADRE_SURVEY_MIN_GROUP_SIZE, lms.CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST) == (10, 2000)
    assert lms.LOCALE_PATHS == ["/platform/locale", common.LOCALE_DIR]


def test_production_takes_the_values_of_older_releases_env_tokens():
    lms = SimpleNamespace(ENV_TOKENS={"CADRE_SURVEY_MIN_GROUP_SIZE": 8})
    production.plugin_settings(lms)
    assert (lms.CADRE_SURVEY_MIN_GROUP_SIZE, lms.CADRE_SURVEY_MAX_TEXT_LENGTH) == (8, 2000)


def test_production_sends_response_exports_to_the_high_memory_queue_unless_routed():
    lms = SimpleNamespace(HIGH_MEM_QUEUE="edx.lms.core.high_mem", EXPLICIT_QUEUES={})
    production.plugin_settings(lms)
    assert lms.EXPLICIT_QUEUES == {production.EXPORT_TASK: {"queue": "edx.lms.core.high_mem"}}
    chosen = SimpleNamespace(HIGH_MEM_QUEUE="q.high_mem", EXPLICIT_QUEUES={production.EXPORT_TASK: {"queue": "q.low"}})
    production.plugin_settings(chosen)
    assert chosen.EXPLICIT_QUEUES[production.EXPORT_TASK] == {"queue": "q.low"}
    without_the_queue = SimpleNamespace()
    production.plugin_settings(without_the_queue)
    assert not hasattr(without_the_queue, "EXPLICIT_QUEUES")


def test_expired_exports_are_purged_daily_on_the_lms_beat_unless_kept():
    lms = SimpleNamespace(CELERYBEAT_SCHEDULE={"other": {}})
    production.plugin_settings(lms)
    assert lms.CELERYBEAT_SCHEDULE == {"other": {}, **PURGE}
    kept = SimpleNamespace(ENV_TOKENS={"CADRE_SURVEY_EXPORT_RETENTION_DAYS": 0},
                           CELERYBEAT_SCHEDULE=lms.CELERYBEAT_SCHEDULE)
    production.plugin_settings(kept)
    assert kept.CELERYBEAT_SCHEDULE == {"other": {}}


def test_the_test_and_devstack_settings_are_the_common_ones():
    from survey_plugin.settings import devstack, test

    for module in (devstack, test):
        lms = SimpleNamespace()
        module.plugin_settings(lms)
        assert lms.CADRE_SURVEY_MIN_GROUP_SIZE == 5 and lms.CELERYBEAT_SCHEDULE == PURGE
