"""
Recording responses: one per learner and survey (a keyed hash finds it again for editing),
answers, topic picks and the survey's running tallies, all in one transaction, under the
survey's registered settings.
"""
from datetime import UTC, datetime

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from survey_plugin import catalogue, tallies
from survey_plugin.data import RecordedResponse, Respondent, SubmittedAnswer
from survey_plugin.errors import SurveyError
from survey_plugin.models import TEXT_START_LENGTH, Answer, SurveyResponse, TopicPick
from survey_plugin.surveys import LockedSurvey, lock_survey

HASH_SALT = "survey_plugin.respondent"


def respondent_key(survey_key: str, learner_id: int) -> str:
    """The keyed hash (HMAC-SHA256 under the LMS's SECRET_KEY) that stands for a learner in one survey."""
    return salted_hmac(HASH_SALT, f"{survey_key}\n{learner_id}", algorithm="sha256").hexdigest()


def _response_of(survey_key: str, learner_id: int) -> QuerySet:
    """The learner's response to the survey, as a query (at most one row)."""
    return SurveyResponse.objects.filter(
        survey__survey_key=survey_key, respondent_key=respondent_key(survey_key, learner_id)
    )


def has_responded(*, survey_key: str, learner_id: int) -> bool:
    return _response_of(survey_key, learner_id).exists()


def my_answers(*, survey_key: str, learner_id: int) -> dict[str, SubmittedAnswer] | None:
    """The learner's own answers (to show and edit them), or None before they answered."""
    response = _response_of(survey_key, learner_id).first()
    if response is None:
        return None
    return {
        answer.question_id: SubmittedAnswer(
            question_id=answer.question_id, choices=tuple(answer.choices), rating=answer.rating, text=answer.text,
            ranked=answer.ranked,
        )
        for answer in response.answers.all()
    }


def submit_response(
    *, survey_key: str, respondent: Respondent, answers: list[SubmittedAnswer], shown_anonymous: bool | None = None
) -> RecordedResponse:
    """
    Store a learner's response, or replace their earlier one.

    The survey's registered settings decide (see ``surveys``). Raises SurveyError, and stores
    nothing, for a survey not registered yet (``unknown_survey``: register it and try again), one
    that is not open, a second response where editing is not allowed, or a topic code the
    catalogue does not offer. ``shown_anonymous`` is the privacy the learner's page stated: where
    the survey's has changed since, the response is refused (``privacy_changed``), so nobody's answer
    is kept under terms they were not shown.
    """
    topic_ids = _topic_ids(answers)
    key = respondent_key(survey_key, respondent.learner_id)
    try:
        with transaction.atomic():
            survey = lock_survey(survey_key=survey_key, respondent_key=key)
            if shown_anonymous is not None and shown_anonymous != survey.anonymous:
                raise SurveyError("privacy_changed", _(
                    "The survey's privacy setting changed after you opened it: reload the page and answer again."
                ))
            first = _submit(survey, key, respondent, answers, topic_ids)
        return RecordedResponse(first=first, show_results=survey.show_results)
    except IntegrityError as error:  # a concurrent first response of the same learner won
        raise SurveyError("already_answered", _("You have already answered this survey.")) from error


def _submit(survey: LockedSurvey, key, respondent, answers, topic_ids) -> bool:
    if survey.earlier_response is not None and not survey.editable:
        raise SurveyError("already_answered", _("You have already answered this survey."))
    fields = {
        "submitted_on": datetime.now(UTC).date(),
        "organisation_lineage": _lineage(respondent.organisation_lineage),
        "cadre_category": respondent.cadre_category,
        "tenure": respondent.tenure,
        "user_id": None if survey.anonymous else respondent.learner_id,
    }
    created = survey.earlier_response is None
    replaced = []
    if created:
        response = SurveyResponse.objects.create(survey_id=survey.pk, respondent_key=key, **fields)
    else:
        response = SurveyResponse(pk=survey.earlier_response, survey_id=survey.pk)
        replaced = list(Answer.objects.filter(response=response))
        Answer.objects.filter(response=response).delete()
        TopicPick.objects.filter(response=response).delete()
        SurveyResponse.objects.filter(pk=response.pk).update(**fields)
    Answer.objects.bulk_create([
        Answer(response=response, survey_id=survey.pk, question_id=answer.question_id, choices=list(answer.choices),
               ranked=answer.ranked, rating=answer.rating, text=answer.text, text_start=answer.text[:TEXT_START_LENGTH])
        for answer in answers
    ])
    tallies.apply(survey_id=survey.pk, added=answers, removed=replaced, new_response=created)
    TopicPick.objects.bulk_create([
        TopicPick(
            response=response, topic_id=topic_ids[code], rank=position if answer.ranked else None,
            picked_on=fields["submitted_on"], organisation_lineage=fields["organisation_lineage"],
            cadre_category=respondent.cadre_category, tenure=respondent.tenure,
        )
        for answer in answers if answer.topics
        for position, code in enumerate(answer.choices, start=1)
    ])
    return created


def _lineage(codes: tuple[str, ...]) -> str:
    return "/" + "".join(f"{code}/" for code in codes) if codes else ""


def _topic_ids(answers) -> dict[str, int]:
    codes = {code for answer in answers if answer.topics for code in answer.choices}
    found = catalogue.active_topic_ids(codes=codes)
    unknown = sorted(codes - set(found))
    if unknown:
        raise SurveyError(
            "unknown_topic", _("Not a topic of the catalogue: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    return found
