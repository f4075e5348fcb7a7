"""
Recording responses: one per learner and survey, answers, topic picks and the survey's running
tallies, all in one transaction, under the survey's registered settings.

A named survey's response is found again by a keyed hash of learner and survey, for editing. An
anonymous survey's is found by nobody (decision 0016): a ``Participation`` row keeps the learner
to one response, the response gets a random key, the month it came and the respondent's facts
only as fine as a group of ``CADRE_SURVEY_MIN_GROUP_SIZE`` people, so that neither the database
nor the LMS's settings lead from a person to their answers. It cannot be edited, for the same
reason.
"""
import secrets
from collections import Counter
from datetime import UTC, date, datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from survey_plugin import catalogue, config, publishing, tallies
from survey_plugin.data import Facts, RecordedResponse, Respondent, SubmittedAnswer
from survey_plugin.errors import SurveyError
from survey_plugin.models import TEXT_START_LENGTH, Answer, Participation, SurveyResponse, TopicPick
from survey_plugin.surveys import LockedSurvey, lock_survey

HASH_SALT = "survey_plugin.respondent"
FACTS_CHUNK = 500
FACTS_CACHE_SECONDS = 24 * 3600


def respondent_key(survey_key: str, learner_id: int) -> str:
    """
    The keyed hash (HMAC-SHA256 under the LMS's SECRET_KEY) that stands for a learner in a named
    survey (whose response names the user anyway); an anonymous response's key is random.
    """
    return salted_hmac(HASH_SALT, f"{survey_key}\n{learner_id}", algorithm="sha256").hexdigest()


def _response_of(survey_key: str, learner_id: int) -> QuerySet:
    """The learner's response to the survey, as a query (at most one row)."""
    return SurveyResponse.objects.filter(
        survey__survey_key=survey_key, respondent_key=respondent_key(survey_key, learner_id)
    )


def _participated(survey_key: str, learner_id: int) -> bool:
    return Participation.objects.filter(survey__survey_key=survey_key, user_id=learner_id).exists()


def has_responded(*, survey_key: str, learner_id: int) -> bool:
    return _response_of(survey_key, learner_id).exists() or _participated(survey_key, learner_id)


def my_answers(*, survey_key: str, learner_id: int) -> dict[str, SubmittedAnswer] | None:
    """
    The learner's own answers (to show and edit them), or None before they answered. After
    answering an anonymous survey it is ``{}``: nothing leads back to their answers.
    """
    response = _response_of(survey_key, learner_id).first()
    if response is None:
        return {} if _participated(survey_key, learner_id) else None
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
    is kept under terms they were not shown. An anonymous survey's response cannot be replaced.
    """
    topic_ids = _topic_ids(answers)
    key = respondent_key(survey_key, respondent.learner_id)
    try:
        with transaction.atomic():
            survey = lock_survey(survey_key=survey_key, respondent_key=key, learner_id=respondent.learner_id)
            if shown_anonymous is not None and shown_anonymous != survey.anonymous:
                raise SurveyError("privacy_changed", _(
                    "The survey's privacy setting changed after you opened it: reload the page and answer again."
                ))
            first = _submit(survey, key, respondent, answers, topic_ids)
        return RecordedResponse(first=first, show_results=survey.show_results)
    except IntegrityError as error:  # a concurrent first response of the same learner won
        raise SurveyError("already_answered", _("You have already answered this survey.")) from error


def _submit(survey: LockedSurvey, key, respondent, answers, topic_ids) -> bool:
    answered = survey.earlier_response is not None or survey.participated
    if answered and (survey.anonymous or survey.participated or not survey.editable):
        raise SurveyError("already_answered", _("You have already answered this survey."))
    today = datetime.now(UTC).date()
    if survey.anonymous:
        Participation.objects.create(survey_id=survey.pk, user_id=respondent.learner_id)
        lineage, category, tenure = coarse_facts(respondent, survey_id=survey.pk)
        fields = {"submitted_on": date(today.year, today.month, 1), "organisation_lineage": _lineage(lineage),
                  "cadre_category": category, "tenure": tenure, "user_id": None}
        key = secrets.token_hex(32)
    else:
        fields = {"submitted_on": today, "organisation_lineage": _lineage(respondent.organisation_lineage),
                  "cadre_category": respondent.cadre_category, "tenure": respondent.tenure,
                  "user_id": respondent.learner_id}
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
            cadre_category=fields["cadre_category"], tenure=fields["tenure"],
        )
        for answer in answers if answer.topics
        for position, code in enumerate(answer.choices, start=1)
    ])
    if created:
        publishing.publish_if_due(survey_id=survey.pk)
    return created


def coarse_facts(respondent: Respondent, *, survey_id: int) -> Facts:
    """
    The organisation lineage, category and tenure an anonymous response keeps: the organisation no
    deeper than ``CADRE_SURVEY_ANONYMOUS_ORGANISATION_DEPTH``, and then, where fewer of the
    survey's respondents so far (this one among them) than ``CADRE_SURVEY_MIN_GROUP_SIZE`` share
    them, without the tenure, without the category, one level higher, and so on up to nothing.

    Whoever reads the database knows who answered (``Participation``) and, from the cadre records,
    their facts: the facts kept match at least that many of them, and more as others answer, so
    a response is never the only one that fits a respondent.
    """
    lineage = respondent.organisation_lineage[:config.anonymous_organisation_depth()]
    category, tenure = respondent.cadre_category, respondent.tenure
    if respondent.facts_of is None:
        return lineage, category, tenure
    others = participant_facts(survey_id=survey_id, respondent=respondent)
    smallest = config.min_group_size()
    for level in range(len(lineage), -1, -1):
        prefix = lineage[:level]
        for kept in dict.fromkeys(((category, tenure), (category, ""), ("", ""))):
            if _sharing(others, prefix, *kept) >= smallest:
                return (prefix, *kept)
    return (), "", ""


def _sharing(facts: Counter, lineage: tuple[str, ...], category: str, tenure: str) -> int:
    return sum(
        count for (their_lineage, their_category, their_tenure), count in facts.items()
        if their_lineage[:len(lineage)] == lineage and category in ("", their_category)
        and tenure in ("", their_tenure)
    )


def participant_facts(*, survey_id: int, respondent: Respondent) -> Counter:
    """
    How many of the survey's respondents (``respondent`` among them, already a participant) have
    each (lineage, category, tenure). Kept in the cache with the number of participants it counts;
    a respondent adds theirs, and a count that does not match is read again in full.
    """
    key = f"survey_plugin:participant-facts:{survey_id}"
    participants = Participation.objects.filter(survey_id=survey_id).count()
    counted, facts = cache.get(key) or (0, Counter())
    mine = (tuple(respondent.organisation_lineage), respondent.cadre_category, respondent.tenure)
    if counted == participants - 1:
        facts[mine] += 1
    elif counted != participants:
        facts = Counter()
        user_ids = list(Participation.objects.filter(survey_id=survey_id).values_list("user_id", flat=True))
        for start in range(0, len(user_ids), FACTS_CHUNK):
            known = respondent.facts_of(user_ids[start:start + FACTS_CHUNK])
            facts.update((tuple(lineage), category, tenure) for lineage, category, tenure in known.values())
        facts[(), "", ""] += participants - sum(facts.values())  # learners the cadre records do not know
    kept = (participants, Counter(facts))
    transaction.on_commit(lambda: cache.set(key, kept, FACTS_CACHE_SECONDS))  # a response rolled back counts not
    return facts


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
