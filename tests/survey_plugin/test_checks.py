"""A misconfigured survey plugin stops start-up with a system check that names the setting."""
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings


@pytest.mark.parametrize(
    ("setting", "value"),
    [("CADRE_SURVEY_MIN_GROUP_SIZE", 0), ("CADRE_SURVEY_MIN_GROUP_SIZE", "5"), ("CADRE_SURVEY_MAX_TEXT_LENGTH", 2.5)],
)
def test_broken_setting_fails_the_check_and_names_it(setting, value):
    with override_settings(**{setting: value}), pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert setting in str(error.value)
