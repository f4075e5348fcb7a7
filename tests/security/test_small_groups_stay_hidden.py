"""
"Fewer than 5 are never shown", against an administrator who subtracts (issue 16): every filter
combination the demand API offers is asked for, and no group under 5 can be worked out from the
answers, by subtraction or by any other sum of them. A survey's live results polled between single
submissions, and its export, give no one's answer away either.
"""
import csv
import io
from datetime import date, timedelta
from fractions import Fraction
from itertools import product

import pytest
from django.test import Client

from cadre_common.organisation_scope import NOTHING, OrganisationChoice, OrganisationScope
from survey_plugin import api
from survey_plugin.models import SurveyResponse, TopicPick
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DEMAND = "/api/cadre-surveys/v1/demand/"
ANONYMOUS = api.SurveyInfo(survey_key="block-v1:SDFTU+CADRE101+2026+type@demand_survey+block@needs",
                           course_key="course-v1:SDFTU+CADRE101+2026", title="学习需求调查", anonymous=True)
NAMED = api.SurveyInfo(survey_key="block-v1:SDFTU+CADRE102+2026+type@demand_survey+block@roll",
                       course_key="course-v1:SDFTU+CADRE102+2026", title="实名调查", anonymous=False)
LIXIA_UNION = ("370000", "370100", "370102", "370102001")  # province, city, district, grassroots union
JINAN_CITY = ("370000", "370100")
QINGDAO = ("370000", "370200", "370202", "370202001")
CHOICES = (OrganisationChoice(code="370000", name="山东省总工会", depth=1),
           OrganisationChoice(code="370100", name="济南市总工会", depth=2),
           OrganisationChoice(code="370102", name="历下区总工会", depth=3),
           OrganisationChoice(code="370102001", name="历下区某公司工会", depth=4),
           OrganisationChoice(code="370200", name="青岛市总工会", depth=2))
CATEGORIES = (("chair", "工会主席"), ("part_time", "兼职干部"))
SCOPES = {
    "province_admin": OrganisationScope(everything=True, roots=("370000",), choices=CHOICES, categories=CATEGORIES),
    "jinan_admin": OrganisationScope(everything=False, roots=("370100",), choices=CHOICES[1:4], categories=CATEGORIES),
}
# (survey, lineage, category, tenure, how many, topic, moved to last month): cells of 6, 5, 11 and 9,
# and the lone or small ones an administrator would like to read: one new chair, two new part-time
# cadres in Qingdao, one part-timer of the city union itself, two answers of last month. Each survey
# has whole batches of five, so demand counts every response.
POPULATION = [
    (ANONYMOUS, LIXIA_UNION, "chair", "serving", 6, "basics", 0),
    (ANONYMOUS, LIXIA_UNION, "chair", "new", 1, "finance", 0),
    (ANONYMOUS, LIXIA_UNION, "part_time", "serving", 5, "law", 0),
    (ANONYMOUS, QINGDAO, "chair", "serving", 11, "basics", 2),
    (ANONYMOUS, QINGDAO, "part_time", "new", 2, "finance", 0),
    (NAMED, LIXIA_UNION, "chair", "serving", 9, "law", 0),
    (NAMED, JINAN_CITY, "part_time", "serving", 1, "finance", 0),
]


def scope_of(*, viewer) -> OrganisationScope:
    return SCOPES.get(viewer.username, NOTHING)


@pytest.fixture
def answered(settings):
    """The population above, answered through the api as the block does; the stored rows, by response id."""
    settings.CADRE_SURVEY_ORGANISATION_SCOPE = f"{__name__}.scope_of"
    for code, name in [("basics", "工会基础"), ("law", "工会法"), ("finance", "经费管理")]:
        api.save_topic(code=code, name=name)
    api.register_survey(survey=ANONYMOUS)
    api.register_survey(survey=NAMED)
    last_month = date.today().replace(day=1) - timedelta(days=1)
    for info, lineage, category, tenure, count, topic, earlier in POPULATION:
        for number in range(count):
            respondent = api.Respondent(learner_id=UserFactory().id, organisation_lineage=lineage,
                                        cadre_category=category, tenure=tenure)
            api.submit_response(survey_key=info.survey_key, respondent=respondent,
                                answers=[api.SubmittedAnswer(question_id="topics", choices=(topic,), topics=True)])
            if number < earlier:  # as if answered last month
                newest = SurveyResponse.objects.filter(survey__survey_key=info.survey_key).order_by("-id")
                response = next(row for row in newest if row.submitted_on.month == date.today().month)
                SurveyResponse.objects.filter(pk=response.pk).update(submitted_on=last_month.replace(day=1))
                TopicPick.objects.filter(response=response).update(picked_on=last_month.replace(day=1))
    return {row.pk: row for row in SurveyResponse.objects.prefetch_related("topic_picks")}


def filter_combinations(scope: OrganisationScope):
    today = date.today()
    this_month = today.replace(day=1)
    last_month = this_month - timedelta(days=1)
    periods = [{}, {"start": this_month, "end": today}, {"start": last_month.replace(day=1), "end": last_month},
               {"start": this_month}, {"end": last_month}]
    for org, category, tenure, period in product(["", *(choice.code for choice in scope.choices)],
                                                 ["", "chair", "part_time"], ["", "new", "serving"], periods):
        query = {"org": org, "category": category, "tenure": tenure, **period}
        yield {name: str(value) for name, value in query.items() if value}


def members(rows, query, within) -> frozenset:
    """The responses a filter covers, read from the stored rows themselves (not through the plugin's code)."""
    found = set()
    for pk, row in rows.items():
        codes = [code for code in row.organisation_lineage.split("/") if code]
        month = row.submitted_on.replace(day=1)
        if within and not set(within) & set(codes) or not any(pick.published for pick in row.topic_picks.all()):
            continue  # outside the viewer's subtrees, or not counted in demand yet
        if query.get("org") and query["org"] not in codes:
            continue
        if query.get("category") and row.cadre_category != query["category"]:
            continue
        if query.get("tenure") and row.tenure != query["tenure"]:
            continue
        if "start" in query and month < date.fromisoformat(query["start"]).replace(day=1):
            continue
        if "end" in query and month > date.fromisoformat(query["end"]).replace(day=1):
            continue
        found.add(pk)
    return frozenset(found)


def rank(vectors) -> int:
    """The rank of integer vectors, by exact Gaussian elimination."""
    rows = [[Fraction(value) for value in vector] for vector in vectors]
    found = 0
    for column in range(len(rows[0]) if rows else 0):
        pivot = next((index for index in range(found, len(rows)) if rows[index][column]), None)
        if pivot is None:
            continue
        rows[found], rows[pivot] = rows[pivot], rows[found]
        for index in range(len(rows)):
            if index != found and rows[index][column]:
                factor = rows[index][column] / rows[found][column]
                rows[index] = [a - factor * b for a, b in zip(rows[index], rows[found], strict=True)]
        found += 1
    return found


@pytest.mark.parametrize("username", ["province_admin", "jinan_admin"])
def test_no_sum_of_any_demand_answers_one_administrator_can_get_isolates_fewer_than_five(answered, username):
    client = Client()
    client.force_login(UserFactory(username=username))
    scope = SCOPES[username]
    within = None if scope.everything else scope.roots
    shown, refused = {}, 0
    for query in filter_combinations(scope):
        response = client.get(DEMAND, query)
        if response.status_code == 400:
            assert response.json()["error"] == "group_too_small"
            refused += 1
            continue
        data = response.json()
        group = members(answered, query, within)
        if data["hidden"]:
            assert data["respondents"] == 0 and data["topics"] == []
            assert len(group) < 5, query  # hidden only when the group itself is small (then refused if it was cut)
            continue
        assert data["respondents"] == len(group) >= 5, query
        shown[group] = query

    # Everything the administrator learnt is a sum of the shown groups' counts (per topic, too). Any
    # group of respondents they can tell apart is a union of "atoms": respondents every shown group
    # either holds or lacks together. An atom of 1-4 is safe only if no sum of answers isolates it.
    people = sorted({pk for group in shown for pk in group})
    vectors = [[int(pk in group) for pk in people] for group in shown]
    atoms: dict[tuple, list] = {}
    for pk in people:
        atoms.setdefault(tuple(pk in group for group in shown), []).append(pk)
    base = rank(vectors)
    for atom in atoms.values():
        if len(atom) < 5:
            isolated = rank([*vectors, [int(pk in atom) for pk in people]]) == base
            assert not isolated, f"{len(atom)} respondent(s) isolated by {list(shown.values())}"
    # In particular, the audit's subtraction: an organisation minus its serving and its new cadres.
    lixia = [client.get(DEMAND, {"org": "370102", **tenure}).status_code for tenure in
             ({}, {"tenure": "serving"}, {"tenure": "new"})]
    assert 400 in lixia
    assert shown and refused, "the population has cells both large and small: some answers and some refusals"


@pytest.fixture
def small_threshold_survey(settings, db):
    settings.CADRE_SURVEY_MIN_GROUP_SIZE = 5
    info = api.SurveyInfo(survey_key="block-v1:SDFTU+C+2026+type@demand_survey+block@live", course_key="c",
                          title="活动评价", anonymous=True, show_results=True)
    api.register_survey(survey=info)
    return info


def test_live_results_polled_between_single_submissions_never_show_one_answer(small_threshold_survey):
    """A learner polls after every submit: the results move only by a batch of 5 new answers at once."""
    key = small_threshold_survey.survey_key
    seen = []
    for number in range(17):
        score = 1 if number == 12 else 5  # the thirteenth respondent is the only one to give 1
        api.submit_response(survey_key=key, respondent=api.Respondent(learner_id=UserFactory().id),
                            answers=[api.SubmittedAnswer(question_id="score", rating=score),
                                     api.SubmittedAnswer(question_id="wish", text=f"意见{number:02d}")])
        results = api.survey_results(survey_key=key)
        staff = api.survey_results(survey_key=key, text_questions=["wish"], live=True)  # anonymous: never live
        assert staff.tallies == results.tallies and staff.responses == results.responses
        seen.append((results.responses, {tally.option: tally.count for tally in results.tallies.get("score", ())},
                     len(staff.texts.get("wish", ()))))
    counts = [responses for responses, _tally, _texts in seen]
    assert counts == [0] * 4 + [5] * 5 + [10] * 5 + [15] * 3
    for (before, tally_before, texts_before), (after, tally_after, texts_after) in zip(seen, seen[1:], strict=False):
        if after == before:
            assert tally_after == tally_before and texts_after == texts_before
        else:
            assert after - before >= 5 and texts_after - texts_before >= 5
    # The lone "1" appears only inside a batch of five new answers, never on its own.
    assert seen[12][1] == {"5": 10} and seen[14][1] == {"5": 14, "1": 1}


def test_the_export_of_an_anonymous_survey_is_counts_with_option_texts_and_no_group_under_five(
    small_threshold_survey, client,
):
    from survey_plugin.response_exports import response_file

    key = small_threshold_survey.survey_key
    questions = [api.ExportQuestion(question_id="role", prompt="您的职务", options={"c": "主席", "p": "兼职干部"}),
                 api.ExportQuestion(question_id="wish", prompt="意见", options={})]

    def export():
        content = response_file(survey_key=key, file_format="csv", header=[], questions=questions, title="t")
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))

    for number in range(6):
        api.submit_response(survey_key=key, respondent=api.Respondent(learner_id=UserFactory().id), answers=[
            api.SubmittedAnswer(question_id="role", choices=("p" if number == 5 else "c",)),
            api.SubmittedAnswer(question_id="wish", text="多些案例" if number == 5 else ""),
        ])
        rows = export()
        if number < 4:
            assert all("主席" not in cell and "多些案例" not in cell for row in rows for cell in row)
    rows = export()
    body = [row for row in rows[1:] if row]
    assert ["您的职务", "主席", "5", ""] in body and not any("兼职干部" in row for row in body)
    # The sixth answer is not published yet: one new response is never a row or a changed count.
    assert not any("多些案例" in cell or cell in {"c", "p"} for row in body for cell in row)
    assert not any(str(date.today()) in cell for row in rows for cell in row)


def test_demand_polled_between_single_submissions_moves_only_by_batches_of_five(small_threshold_survey):
    key = small_threshold_survey.survey_key
    for code, name in [("basics", "工会基础"), ("law", "工会法")]:
        api.save_topic(code=code, name=name)
    seen = []
    for number in range(12):
        topic = "law" if number == 7 else "basics"  # the eighth respondent alone wants the law
        api.submit_response(survey_key=key, respondent=api.Respondent(learner_id=UserFactory().id),
                            answers=[api.SubmittedAnswer(question_id="topics", choices=(topic,), topics=True)])
        ranking = api.demand_ranking()
        seen.append((ranking.respondents, {demand.topic.code: demand.requests for demand in ranking.topics}))
    assert [respondents for respondents, _topics in seen] == [0] * 4 + [5] * 5 + [10] * 3
    assert seen[8][1] == {"basics": 5} and seen[9][1] == {"basics": 9, "law": 1}  # the law only within five new
