"""
The demo topic catalogue and last year's demand survey: the topics the demo survey's menu offers
(some taught by the demo course, two not: the gaps), and the demo cadres' answers to a 2025
survey so that the demand dashboard has something to rank.
"""
import random

from credit_plugin import api as credit_api
from devhost.lms_bridge import DEMO_COURSE_KEY, DEMO_COURSE_NAME
from survey_plugin import api as survey_api
from xblocks.demand_survey.demo import DEMO_TOPICS
from xblocks.demand_survey.respondent import respondent_for

DEMO_RESOURCES = (
    ("union-basics", str(DEMO_COURSE_KEY), DEMO_COURSE_NAME),
    ("union-basics", "course-v1:SDFTU+BASICS+2026", "工会基础知识 ABC（新任干部必修）"),
    ("union-law", str(DEMO_COURSE_KEY), DEMO_COURSE_NAME),
    ("union-law", "course-v1:SDFTU+LAW201+2026", "《工会法》精讲"),
    ("collective-bargaining", "course-v1:SDFTU+CB101+2026", "工资集体协商实务"),
    ("rights-protection", "course-v1:SDFTU+RIGHTS+2026", "劳动争议调解案例"),
)
LAST_YEARS_SURVEY = survey_api.SurveyInfo(
    survey_key=str(DEMO_COURSE_KEY.make_usage_key("demand_survey", "needs_2025")),
    course_key=str(DEMO_COURSE_KEY), title="2025年工会干部学习需求调查", anonymous=True,
)
# How often each topic is wanted; newly appointed cadres ask for the basics first.
WEIGHTS = {"union-basics": 3, "union-law": 4, "collective-bargaining": 2, "rights-protection": 3,
           "union-finance": 5, "digital-union": 2}


def seed_demo_topics():
    for code, name, description in DEMO_TOPICS:
        survey_api.save_topic(code=code, name=name, description=description)
    for code, key, title in DEMO_RESOURCES:
        survey_api.link_resource(topic_code=code, key=key, title=title)


def seed_demo_demand() -> int:
    """Every demo cadre's answer to last year's survey, once: how many were added."""
    rng = random.Random(2025)
    if survey_api.response_count(survey_key=LAST_YEARS_SURVEY.survey_key):
        return 0
    survey_api.register_survey(survey=LAST_YEARS_SURVEY)
    user_ids = credit_api.cadre_ids()
    for user_id in user_ids:
        respondent = respondent_for(user_id)
        weights = dict(WEIGHTS)
        if respondent.tenure == "new":
            weights["union-basics"] = 12
        picks = []
        while len(picks) < 3:
            code = rng.choices(list(weights), weights=list(weights.values()))[0]
            if code not in picks:
                picks.append(code)
        survey_api.submit_response(survey_key=LAST_YEARS_SURVEY.survey_key, respondent=respondent, answers=[
            survey_api.SubmittedAnswer(question_id="topics", choices=tuple(picks), ranked=True, topics=True),
        ])
    return len(user_ids)
