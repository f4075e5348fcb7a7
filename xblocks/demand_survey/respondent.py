"""Who is answering: the LMS user and, when the cadre records know them, their organisation, category and tenure."""
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
    )
