"""Responses stored before 0002 keep their results: the counts it keeps from then on are filled in from them."""
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("survey_plugin", "0001_initial")]
AFTER = [("survey_plugin", "0002_survey_settings_and_counts")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_0002_fills_in_answer_surveys_response_counts_and_text_counts():
    from survey_plugin import api

    old = migrate(BEFORE)
    try:
        survey = old.get_model("survey_plugin", "Survey").objects.create(
            survey_key="block-v1:SDFTU+OLD+2025+type@demand_survey+block@s", course_key="course-v1:SDFTU+OLD+2025",
            title="去年的调查", anonymous=True,
        )
        response_model, answer_model = (old.get_model("survey_plugin", name) for name in ("SurveyResponse", "Answer"))
        for number, wish in enumerate(["多些案例", "", "讲讲经费", "", "", "法律援助"]):
            response = response_model.objects.create(survey=survey, respondent_key=f"k{number}",
                                                     submitted_on="2025-06-01")
            answer_model.objects.create(response=response, question_id="role", choices=["chair"])
            answer_model.objects.create(response=response, question_id="wish", text=wish)
        old.get_model("survey_plugin", "Tally").objects.create(survey=survey, question_id="role", option="chair",
                                                               count=6)

        new = migrate(AFTER)
        assert set(new.get_model("survey_plugin", "Answer").objects.values_list("survey_id", flat=True)) == {survey.pk}
        results = api.survey_results(survey_key=survey.survey_key, text_questions=["wish"])
        assert (results.responses, results.hidden, results.text_answers) == (6, False, {"wish": 3})
        assert results.texts["wish"] == tuple(sorted(["多些案例", "讲讲经费", "法律援助"]))
    finally:
        migrate(executor_leaf_nodes())


def executor_leaf_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_0004_deletes_the_old_exports_files_with_their_table():
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from tests.factories import StaffFactory

    old = migrate([("survey_plugin", "0003_response_exports")])
    try:
        survey = old.get_model("survey_plugin", "Survey").objects.create(
            survey_key="block-v1:SDFTU+OLD+2025+type@demand_survey+block@s", course_key="course-v1:SDFTU+OLD+2025",
            title="去年的调查", anonymous=False,
        )
        export = old.get_model("survey_plugin", "ResponseExport")(
            survey=survey, requested_by_id=StaffFactory(username="teacher").id, file_format="csv", status="done",
        )
        export.file.save("survey-responses-old.csv", ContentFile("用户名,姓名\nwang,王小纲\n".encode()), save=True)
        stored = export.file.name
        assert default_storage.exists(stored)

        migrate([("survey_plugin", "0004_response_exports_in_user_tasks")])
        assert not default_storage.exists(stored)
        assert "survey_plugin_responseexport" not in connection.introspection.table_names()
    finally:
        migrate(executor_leaf_nodes())
