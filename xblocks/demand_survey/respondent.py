"""
Who is answering (the LMS user and, when the cadre records know them, their organisation, category
and tenure), and their response stored under the settings the survey registered.

The block may use both apps' apis: it tells the survey plugin how many serving cadres share a
respondent's facts, so that an anonymous response keeps them only as fine as a group of
``CADRE_SURVEY_MIN_GROUP_SIZE`` (decision 0016).
"""
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime

from django.core.cache import cache

from credit_plugin import api as credit_api
from survey_plugin import api as survey_api

PEERS_CACHE_SECONDS = 600


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
        peers=serving_peers,
    )


def serving_peers(lineage: tuple[str, ...], category: str, tenure: str) -> int:
    """
    How many serving cadres are in the subtree of ``lineage``'s last organisation (everyone for
    none), of ``category`` and ``tenure`` ("" for any). Counted per organisation and category, and
    kept for ten minutes: a survey's submits should not each read a province's cadres.
    """
    code = lineage[-1] if lineage else ""
    key = f"cadre-survey-peers:{code}:{category}"
    counts = cache.get(key)
    if counts is None:
        path = None
        if code:
            found = credit_api.organisation(code=code)
            if found is None:
                return 0
            path = found.path
        today = datetime.now(UTC).date()
        counts = dict(Counter(
            survey_api.tenure(took_office_on=row.took_office_on, today=today)
            for row in credit_api.serving_cadre_dates(organisation_path=path, category=category)
        ))
        cache.set(key, counts, PEERS_CACHE_SECONDS)
    return counts.get(tenure, 0) if tenure else sum(counts.values())


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
