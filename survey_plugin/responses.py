"""
Recording responses: one per learner and survey (a keyed hash finds it again for editing),
answers, topic picks and the survey's running tallies, all in one transaction.
"""
from datetime import UTC, datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from survey_plugin.data import Respondent, SubmittedAnswer, SurveyError, SurveyInfo
from survey_plugin.models import Answer, Survey, SurveyResponse, Tally, Topic, TopicPick

HASH_SALT = "survey_plugin.respondent"


def respondent_key(survey_key: str, learner_id: int) -> str:
    """The keyed hash (HMAC-SHA256 under the LMS's SECRET_KEY) that stands for a learner in one survey."""
    return salted_hmac(HASH_SALT, f"{survey_key}\n{learner_id}", algorithm="sha256").hexdigest()


def save_survey(info: SurveyInfo) -> Survey:
    survey, _created = Survey.objects.update_or_create(
        survey_key=info.survey_key,
        defaults={"course_key": info.course_key, "title": info.title[:255], "anonymous": info.anonymous},
    )
    return survey


def find_response(*, survey_key: str, learner_id: int) -> SurveyResponse | None:
    return SurveyResponse.objects.filter(
        survey__survey_key=survey_key, respondent_key=respondent_key(survey_key, learner_id)
    ).first()


def my_answers(*, survey_key: str, learner_id: int) -> dict[str, SubmittedAnswer] | None:
    """The learner's own answers (to show and edit them), or None before they answered."""
    response = find_response(survey_key=survey_key, learner_id=learner_id)
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
    *, survey: SurveyInfo, respondent: Respondent, answers: list[SubmittedAnswer], editable: bool
) -> bool:
    """
    Store a learner's response; True when it is their first, False when it replaced their earlier one.

    Raises SurveyError (and stores nothing) for a second response where editing is not allowed,
    or a topic code the catalogue does not offer.
    """
    try:
        with transaction.atomic():
            return _submit(survey, respondent, answers, editable)
    except IntegrityError as error:  # a concurrent first response of the same learner won
        raise SurveyError("already_answered", _("You have already answered this survey.")) from error


def _submit(info, respondent, answers, editable) -> bool:
    survey = save_survey(info)
    topics = _topics_for(answers)
    key = respondent_key(info.survey_key, respondent.learner_id)
    response = SurveyResponse.objects.select_for_update().filter(survey=survey, respondent_key=key).first()
    if response is not None and not editable:
        raise SurveyError("already_answered", _("You have already answered this survey."))
    fields = {
        "submitted_on": datetime.now(UTC).date(),
        "organisation_lineage": _lineage(respondent.organisation_lineage),
        "cadre_category": respondent.cadre_category,
        "tenure": respondent.tenure,
        "user_id": None if info.anonymous else respondent.learner_id,
    }
    created = response is None
    if created:
        response = SurveyResponse.objects.create(survey=survey, respondent_key=key, **fields)
    else:
        _count(survey, response.answers.all(), step=-1)
        response.answers.all().delete()
        response.topic_picks.all().delete()
        SurveyResponse.objects.filter(pk=response.pk).update(**fields)
    stored = Answer.objects.bulk_create([
        Answer(response=response, question_id=answer.question_id, choices=list(answer.choices),
               ranked=answer.ranked, rating=answer.rating, text=answer.text)
        for answer in answers
    ])
    _count(survey, stored, step=1)
    TopicPick.objects.bulk_create([
        TopicPick(
            response=response, topic=topics[code], rank=position if answer.ranked else None,
            picked_on=fields["submitted_on"], organisation_lineage=fields["organisation_lineage"],
            cadre_category=respondent.cadre_category, tenure=respondent.tenure,
        )
        for answer in answers if answer.topics
        for position, code in enumerate(answer.choices, start=1)
    ])
    return created


def _lineage(codes: tuple[str, ...]) -> str:
    return "/" + "".join(f"{code}/" for code in codes) if codes else ""


def _topics_for(answers) -> dict[str, Topic]:
    codes = {code for answer in answers if answer.topics for code in answer.choices}
    found = {topic.code: topic for topic in Topic.objects.filter(code__in=codes, active=True)}
    unknown = sorted(codes - set(found))
    if unknown:
        raise SurveyError(
            "unknown_topic", _("Not a topic of the catalogue: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    return found


def _count(survey, answers, *, step: int) -> None:
    """Add (step 1) or take away (step -1) stored answers from the survey's tallies; free text is not tallied."""
    for answer in answers:
        options = [str(answer.rating)] if answer.rating is not None else list(answer.choices)
        for position, option in enumerate(options, start=1):
            _add(survey, answer.question_id, option, step, (position if answer.ranked else 0) * step)


def _add(survey, question_id, option, count, rank):
    rows = Tally.objects.filter(survey=survey, question_id=question_id, option=option)
    if rows.update(count=F("count") + count, rank_total=F("rank_total") + rank):
        return
    try:
        with transaction.atomic():
            Tally.objects.create(survey=survey, question_id=question_id, option=option,
                                 count=max(count, 0), rank_total=max(rank, 0))
    except IntegrityError:  # created by a concurrent response in between
        rows.update(count=F("count") + count, rank_total=F("rank_total") + rank)
