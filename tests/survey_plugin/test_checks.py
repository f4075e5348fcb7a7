"""A misconfigured survey plugin stops start-up with a system check that names the setting."""
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from survey_plugin import api


@pytest.mark.parametrize(
    ("setting", "value"),
    [("CADRE_SURVEY_MIN_GROUP_SIZE", -1), ("CADRE_SURVEY_MIN_GROUP_SIZE", "five"),
     ("CADRE_SURVEY_MAX_TEXT_LENGTH", 2.5), ("CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST", -1),
     ("CADRE_SURVEY_EXPORT_RETENTION_DAYS", None), ("CADRE_SURVEY_EXPORT_RETENTION_DAYS", True),
     ("CADRE_SURVEY_NEW_CADRE_MONTHS", "a year"), ("CADRE_SURVEY_GAP_BELOW_RESOURCES", float("nan")),
     ("CADRE_SURVEY_ANONYMOUS_ORGANISATION_DEPTH", -1), ("CADRE_SURVEY_ANONYMOUS_ORGANISATION_DEPTH", "city"),
     ("CADRE_SURVEY_ORGANISATION_SCOPE", "credit_plugin.api.no_such_function"),
     ("CADRE_SURVEY_ORGANISATION_SCOPE", "credit_plugin.api")],
)
def test_broken_setting_fails_the_check_and_names_it(setting, value):
    with override_settings(**{setting: value}), pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert setting in str(error.value)


@override_settings(CADRE_SURVEY_EXPORT_RETENTION_DAYS=0, CADRE_SURVEY_ORGANISATION_SCOPE="")
def test_keeping_exports_and_leaving_demand_to_global_staff_pass_the_check():
    call_command("check")


@override_settings(CADRE_SURVEY_MIN_GROUP_SIZE="8", CADRE_SURVEY_MAX_TEXT_LENGTH=500.0)
def test_whole_numbers_written_as_text_or_decimals_in_yaml_are_read_as_numbers():
    call_command("check")
    assert api.privacy_policy() == api.SurveyPrivacyPolicy(min_group_size=8, max_text_length=500)
