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
        counted = set(new.get_model("survey_plugin", "Tally").objects.values_list("question_id", "option", "count"))
        assert {("", "", 6), ("wish", "", 3), ("role", "chair", 6)} == counted
        texts = new.get_model("survey_plugin", "Answer").objects.exclude(text_start="").order_by("text_start")
        assert list(texts.values_list("text", flat=True)) == sorted(["多些案例", "讲讲经费", "法律援助"])
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


@pytest.mark.django_db(transaction=True)
def test_0006_unlinks_existing_anonymous_responses_and_keeps_everyone_to_one(settings):
    """The old keyed hash finds who answered once more; then nothing in the rows leads to them."""
    from django.utils.crypto import salted_hmac

    from survey_plugin import api
    from tests.factories import UserFactory

    settings.CADRE_SURVEY_MIN_GROUP_SIZE = 2
    old = migrate([("survey_plugin", "0004_response_exports_in_user_tasks")])
    try:
        survey_model, response_model, answer_model, pick_model, tally_model, topic_model = (
            old.get_model("survey_plugin", name)
            for name in ("Survey", "SurveyResponse", "Answer", "TopicPick", "Tally", "Topic"))
        anonymous = survey_model.objects.create(survey_key="block-v1:SDFTU+OLD+2025+type@demand_survey+block@a",
                                                course_key="course-v1:SDFTU+OLD+2025", title="匿名", anonymous=True)
        named = survey_model.objects.create(survey_key="block-v1:SDFTU+OLD+2025+type@demand_survey+block@n",
                                            course_key="course-v1:SDFTU+OLD+2025", title="实名", anonymous=False)
        topic = topic_model.objects.create(code="basics", name="工会基础")
        learners = [UserFactory(username=f"old{number}") for number in range(3)]
        old_ids = []
        for learner in learners:
            key = salted_hmac("survey_plugin.respondent", f"{anonymous.survey_key}\n{learner.id}",
                              algorithm="sha256").hexdigest()
            response = response_model.objects.create(
                survey=anonymous, respondent_key=key, submitted_on="2025-06-17",
                organisation_lineage="/370000/370100/370102/370102001/", cadre_category="chair", tenure="new")
            answer_model.objects.create(response=response, survey=anonymous, question_id="score", rating=4)
            pick_model.objects.create(response=response, topic=topic, picked_on="2025-06-17",
                                      organisation_lineage=response.organisation_lineage, cadre_category="chair",
                                      tenure="new")
            old_ids.append(response.pk)
        response_model.objects.create(survey=named, respondent_key="named-key", user_id=learners[0].id,
                                      submitted_on="2025-06-17",
                                      organisation_lineage="/370000/370100/370102/370102001/")
        tally_model.objects.create(survey=anonymous, question_id="", option="", count=3)
        tally_model.objects.create(survey=anonymous, question_id="score", option="4", count=3)

        new = migrate(executor_leaf_nodes())
        responses = list(new.get_model("survey_plugin", "SurveyResponse").objects.filter(survey_id=anonymous.pk))
        assert len(responses) == 3 and not {response.pk for response in responses} & set(old_ids)
        assert {(str(r.submitted_on), r.organisation_lineage, r.user_id) for r in responses} == {
            ("2025-06-01", "/370000/370100/370102/", None)}
        keys = {r.respondent_key for r in responses}
        assert len(keys) == 3 and all(len(key) == 64 for key in keys)
        for learner in learners:  # the old key, recomputed with SECRET_KEY, leads nowhere now
            assert salted_hmac("survey_plugin.respondent", f"{anonymous.survey_key}\n{learner.id}",
                               algorithm="sha256").hexdigest() not in keys
        picks = new.get_model("survey_plugin", "TopicPick").objects.all()
        assert {(p.response_id in {r.pk for r in responses}, str(p.picked_on)) for p in picks} == {(True, "2025-06-01")}
        named_response = new.get_model("survey_plugin", "SurveyResponse").objects.get(survey_id=named.pk)
        assert (named_response.user_id, str(named_response.submitted_on)) == (learners[0].id, "2025-06-17")
        participations = new.get_model("survey_plugin", "Participation").objects.filter(survey_id=anonymous.pk)
        assert sorted(participations.values_list("user_id", flat=True)) == sorted(learner.id for learner in learners)

        # Everyone who answered is still kept to one response, and the results shown before stay shown.
        with pytest.raises(api.SurveyError) as refused:
            api.submit_response(survey_key=anonymous.survey_key, respondent=api.Respondent(learner_id=learners[1].id),
                                answers=[])
        assert refused.value.code == "already_answered"
        assert api.survey_results(survey_key=anonymous.survey_key).responses == 3
    finally:
        migrate(executor_leaf_nodes())
