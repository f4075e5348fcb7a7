"""A misconfigured survey plugin stops start-up with a system check that names the setting."""
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings


@pytest.mark.parametrize(
    ("setting", "value"),
    [("CADRE_SURVEY_MIN_GROUP_SIZE", 0), ("CADRE_SURVEY_MIN_GROUP_SIZE", "5"), ("CADRE_SURVEY_MAX_TEXT_LENGTH", 2.5),
     ("CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST", -1)],
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
