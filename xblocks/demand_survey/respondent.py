"""
Who is answering (the LMS user and, when the cadre records know them, their organisation, category
and tenure), and their response stored under the settings the survey registered.

The block may use both apps' apis: it tells the survey plugin the facts of the survey's other
respondents, so that an anonymous response keeps its own only as fine as
``CADRE_SURVEY_MIN_GROUP_SIZE`` of them share (decision 0016).
"""
from collections.abc import Callable
from datetime import UTC, datetime

from credit_plugin import api as credit_api
from survey_plugin import api as survey_api


def respondent_for(user_id: int) -> survey_api.Respondent:
    """The respondent's facts for filtered demand; a learner who is not a registered cadre has none."""
    profile = credit_api.cadre_profile(user_id=user_id)
    if profile is None:
        return survey_api.Respondent(learner_id=user_id)
    return survey_api.Respondent(
        learner_id=user_id,
        organisation_lineage=profile.organisation_lineage,
        cadre_category=profile.category,
        tenure=survey_api.tenure(took_office_on=profile.took_office_on, today=datetime.now(UTC).date()),
        facts_of=cadre_facts,
    )


def cadre_facts(user_ids) -> dict[int, survey_api.Facts]:
    """{user id: (organisation lineage, category, tenure)} of those of ``user_ids`` who are serving cadres."""
    today = datetime.now(UTC).date()
    lineages: dict[str, tuple[str, ...]] = {}
    facts = {}
    for row in credit_api.serving_cadres(user_ids=list(user_ids)):
        if row.organisation_code not in lineages:
            lineages[row.organisation_code] = credit_api.organisation_lineage(code=row.organisation_code)
        facts[row.user_id] = (lineages[row.organisation_code], row.category,
                              survey_api.tenure(took_office_on=row.took_office_on, today=today))
    return facts


def record_response(
    *, survey_key: str, respondent: survey_api.Respondent, answers, shown_anonymous: bool | None,
    survey_info: Callable[[], survey_api.SurveyInfo],
) -> survey_api.RecordedResponse:
    """
    Store the response under the survey's registered settings. Only a survey no page ever showed
    (answered from an app, a script) is registered first, from ``survey_info()``: reading the
    block's settings costs a request queries it otherwise never makes.
    """
    def submit():
        return survey_api.submit_response(survey_key=survey_key, respondent=respondent, answers=answers,
                                          shown_anonymous=shown_anonymous)

    try:
        return submit()
    except survey_api.SurveyError as error:
        if error.code != "unknown_survey":
            raise
    survey_api.register_survey(survey=survey_info())
    return submit()
