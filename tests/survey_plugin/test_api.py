"""The survey plugin's public API: what it offers, how it is called, and the exports it starts."""
import dataclasses
import inspect
from datetime import date

import pytest
from user_tasks.models import UserTaskStatus

from survey_plugin import api
from tests.factories import StaffFactory


def test_every_public_name_is_there_and_functions_take_keyword_arguments():
    assert len(api.__all__) == len(set(api.__all__))
    for name in api.__all__:
        found = getattr(api, name)
        if inspect.isfunction(found) and name != "demand_ranking":  # its one filter may come positionally
            kinds = {parameter.kind for parameter in inspect.signature(found).parameters.values()}
            assert kinds <= {inspect.Parameter.KEYWORD_ONLY}, name
        if inspect.isclass(found) and name != "SurveyError":
            assert dataclasses.is_dataclass(found) and found.__dataclass_params__.frozen, name


def test_nothing_private_is_offered():
    assert {"ResponseExportData", "CatalogueProblem", "write_table", "open_export_file", "response_export",
            "export_retention_days", "response_rows", "default_url"}.isdisjoint(dir(api))


def test_the_privacy_policy_is_what_the_settings_say(settings):
    settings.CADRE_SURVEY_MIN_GROUP_SIZE, settings.CADRE_SURVEY_MAX_TEXT_LENGTH = 8, 500
    assert api.privacy_policy() == api.SurveyPrivacyPolicy(min_group_size=8, max_text_length=500)


def test_tenure_is_new_within_the_configured_months_of_taking_office(settings):
    assert api.tenure(took_office_on=date(2026, 1, 15), today=date(2026, 12, 2)) == "new"
    assert api.tenure(took_office_on=date(2025, 12, 2), today=date(2026, 12, 2)) == "serving"
    assert api.tenure(took_office_on=date(2025, 12, 3), today=date(2026, 12, 2)) == "new"
    assert api.tenure(took_office_on=None, today=date(2026, 12, 2)) == ""
    settings.CADRE_SURVEY_NEW_CADRE_MONTHS = 24
    assert api.tenure(took_office_on=date(2025, 12, 2), today=date(2026, 12, 2)) == "new"


def test_exports_come_in_xlsx_and_csv_above_a_configured_size(settings):
    assert set(api.EXPORT_CONTENT_TYPES) == {"xlsx", "csv"}
    settings.CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST = 10
    assert api.export_rows_in_request() == 10


@pytest.mark.django_db
def test_an_export_started_for_a_member_of_staff_is_their_task_with_its_own_page(survey):
    teacher = StaffFactory(username="teacher")
    task_id = api.start_response_export(survey_key=survey.survey_key, requested_by=teacher.id, file_format="csv",
                                        header=["日期"], questions=[], title="学习需求调查")
    status = UserTaskStatus.objects.get(uuid=task_id)
    assert (status.user, status.name, status.state) == (teacher, "学习需求调查", UserTaskStatus.SUCCEEDED)
    assert api.response_export_url(task_id=task_id) == f"/cadre-surveys/exports/{task_id}/"
