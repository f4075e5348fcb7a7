"""
Fixtures of the survey plugin's tests: a registered demand survey, a small topic catalogue, a way
to answer it as a cadre of an organisation, and administrators whose organisation scopes come
from a provider of this module rather than from the cadre records.
"""
import pytest

from cadre_common.organisation_scope import NOTHING, OrganisationChoice, OrganisationScope
from survey_plugin import api
from tests.factories import UserFactory

SURVEY = api.SurveyInfo(survey_key="block-v1:SDFTU+CADRE101+2026+type@demand_survey+block@needs",
                        course_key="course-v1:SDFTU+CADRE101+2026", title="学习需求调查", anonymous=True)
JINAN = ("370000", "370100", "370102", "370102001")  # province, city, district, grassroots union
QINGDAO = ("370000", "370200", "370202", "370202001")
CATEGORIES = (("chair", "工会主席"), ("part_time", "兼职干部"))
CITY_OF_JINAN = (OrganisationChoice(code="370100", name="济南市总工会", depth=2),
                 OrganisationChoice(code="370102", name="历下区总工会", depth=3),
                 OrganisationChoice(code="370102001", name="历下区某公司工会", depth=4))
CITY_OF_QINGDAO = (OrganisationChoice(code="370200", name="青岛市总工会", depth=2),)
SCOPES = {
    "province_admin": OrganisationScope(
        everything=True, roots=("370000",), categories=CATEGORIES,
        choices=(OrganisationChoice(code="370000", name="山东省总工会", depth=1), *CITY_OF_JINAN, *CITY_OF_QINGDAO),
    ),
    "jinan_admin": OrganisationScope(everything=False, roots=("370100",), choices=CITY_OF_JINAN,
                                     categories=CATEGORIES),
}


def learner_account(learner_id: int) -> int:
    """
    The id of an LMS user standing for learner ``learner_id``: that user if it exists (a factory's),
    else one made for it (an anonymous response's participation names a real user). Made users get
    ids far from the factories' (and never 0, which MySQL takes for "the next id").
    """
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    made = users.filter(username=f"learner{learner_id}").values_list("id", flat=True).first()
    if made is not None:
        return made
    if learner_id and users.filter(id=learner_id).exists():
        return learner_id
    return users.create(id=learner_id + 1_000_000, username=f"learner{learner_id}").id


def administrators_scope(*, viewer) -> OrganisationScope:
    """A provider for CADRE_SURVEY_ORGANISATION_SCOPE: the scopes above, by username; nobody else sees anything."""
    return SCOPES.get(viewer.username, NOTHING)


@pytest.fixture
def organisation_scopes(settings):
    settings.CADRE_SURVEY_ORGANISATION_SCOPE = f"{__name__}.administrators_scope"


@pytest.fixture
def province_admin(db, organisation_scopes):
    return UserFactory(username="province_admin")


@pytest.fixture
def jinan_admin(db, organisation_scopes):
    return UserFactory(username="jinan_admin")


@pytest.fixture
def survey(db):
    api.register_survey(survey=SURVEY)
    return SURVEY


@pytest.fixture
def topic_catalogue(db):
    """Three topics; 工会基础 has two courses linked, 工会法 one, 经费管理 none."""
    for code, name in [("basics", "工会基础"), ("law", "工会法"), ("finance", "经费管理")]:
        api.save_topic(code=code, name=name)
    api.link_resource(topic_code="basics", key="course-v1:SDFTU+CADRE101+2026", title="基础课")
    api.link_resource(topic_code="basics", key="course-v1:SDFTU+CADRE102+2026", title="基础课二")
    api.link_resource(topic_code="law", key="course-v1:SDFTU+LAW101+2026", title="工会法课")


@pytest.fixture
def ask_for(survey, topic_catalogue):
    """Answer the survey's topic menu as learner ``learner_id`` of an organisation, ranking ``topics``."""

    def ask_for(learner_id, topics, *, lineage=JINAN, category="chair", tenure="new", info=survey):
        respondent = api.Respondent(learner_id=learner_account(learner_id), organisation_lineage=lineage,
                                    cadre_category=category, tenure=tenure)
        return api.submit_response(survey_key=info.survey_key, respondent=respondent, answers=[
            api.SubmittedAnswer(question_id="topics", choices=tuple(topics), ranked=True, topics=True),
        ])

    return ask_for


@pytest.fixture
def demand(ask_for):
    """
    Six cadres of Jinan ask for finance then basics; nine of Qingdao for the union law: fifteen, three
    whole batches, so demand counts them all (it counts published responses, decision 0016).
    """
    for learner in range(1, 7):
        ask_for(learner, ["finance", "basics"])
    for learner in range(7, 16):
        ask_for(learner, ["law"], lineage=QINGDAO)
