"""
Checking a learner's answers against the survey's questions before anything is stored.

Every refusal names the question and what is wrong; the handler answers 400 with it and the
plugin stores nothing.
"""
from cadre_common.safe_ids import id_problem
from survey_plugin.api import SubmittedAnswer
from xblocks.demand_survey.questions import RATING_SCALE, QuestionKind, SurveyQuestion
from xblocks.i18n import _


class AnswerError(Exception):
    """A refusal; ``errors`` maps question ids to what is wrong with each, all found at once."""

    def __init__(self, code: str, message: str, errors: dict[str, dict] | None = None):
        super().__init__(message)
        self.code, self.message, self.errors = code, message, errors


def check_answers(
    questions: list[SurveyQuestion], given: object, *, topic_codes: set[str], max_text_length: int
) -> list[SubmittedAnswer]:
    """
    The answers as the plugin stores them. A malformed request is refused at once; problems of the
    answers themselves are all gathered, and AnswerError names every question that has one.
    """
    if any(id_problem(question.id) for question in questions):  # saved before ids were checked
        raise AnswerError("bad_survey", _("This survey has a question whose id cannot be stored; "
                                          "ask the course team to fix the survey in Studio."))
    if not isinstance(given, dict):
        raise AnswerError("malformed", _("The answers must be an object keyed by question id."))
    known = {question.id for question in questions}
    unknown = sorted(str(key) for key in given if key not in known)
    if unknown:
        raise AnswerError("unknown_question", _("No such question: {ids}.").format(ids=", ".join(unknown)))
    checked, errors = [], {}
    for question in questions:
        value = given.get(question.id)
        try:
            if _is_empty(value):
                if question.required:
                    raise AnswerError("required", _("Question “{prompt}” needs an answer.").format(
                        prompt=question.prompt))
                continue
            checked.append(_check(question, value, topic_codes=topic_codes, max_text_length=max_text_length))
        except AnswerError as error:
            errors[question.id] = {"error": error.code, "message": error.message}
    if errors:
        first = next(iter(errors.values()))
        summary = first["message"] if len(errors) == 1 else _("{count} questions need attention.").format(
            count=len(errors))
        raise AnswerError(first["error"], summary, errors=errors)
    return checked


def _is_empty(value) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def _check(question: SurveyQuestion, value, *, topic_codes, max_text_length) -> SubmittedAnswer:
    kind = question.kind
    if kind is QuestionKind.TEXT:
        return _text(question, value, max_text_length)
    if kind is QuestionKind.RATING:
        if isinstance(value, bool) or not isinstance(value, int) or value not in RATING_SCALE:
            raise AnswerError("bad_rating", _("Question “{prompt}”: give a rating from 1 to 5.").format(
                prompt=question.prompt))
        return SubmittedAnswer(question_id=question.id, rating=value)
    if kind is QuestionKind.SINGLE:
        if not isinstance(value, str):
            raise AnswerError("malformed", _("Question “{prompt}”: choose one option.").format(prompt=question.prompt))
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise AnswerError("malformed", _("Question “{prompt}”: the answer must be a list.").format(
            prompt=question.prompt))
    if len(set(value)) != len(value):
        raise AnswerError("duplicate_pick", _("Question “{prompt}”: an option is picked twice.").format(
            prompt=question.prompt))
    _check_picks_are_offered(question, value, topic_codes)
    if question.max_picks and kind in (QuestionKind.MULTIPLE, QuestionKind.TOPICS) and len(value) > question.max_picks:
        raise AnswerError("too_many_picks", _("Question “{prompt}”: pick at most {limit}.").format(
            prompt=question.prompt, limit=question.max_picks))
    ranked = kind is QuestionKind.RANKING or (kind is QuestionKind.TOPICS and question.ranked)
    return SubmittedAnswer(question_id=question.id, choices=tuple(value), ranked=ranked,
                           topics=kind is QuestionKind.TOPICS)


def _check_picks_are_offered(question: SurveyQuestion, value: list[str], topic_codes: set[str]) -> None:
    if question.kind is QuestionKind.TOPICS:
        offered = set(question.topics) & topic_codes if question.topics else topic_codes
        unknown = [code for code in value if code not in offered]
        if unknown:
            raise AnswerError("unknown_topic", _("Question “{prompt}”: not a topic offered here: {codes}.").format(
                prompt=question.prompt, codes=", ".join(unknown)))
        return
    option_ids = [option.id for option in question.options]
    unknown = [item for item in value if item not in option_ids]
    if unknown:
        raise AnswerError("unknown_option", _("Question “{prompt}”: not an option: {ids}.").format(
            prompt=question.prompt, ids=", ".join(unknown)))
    if question.kind is QuestionKind.RANKING and len(value) != len(option_ids):
        raise AnswerError("incomplete_ranking", _("Question “{prompt}”: put every option in order.").format(
            prompt=question.prompt))


def _text(question: SurveyQuestion, value, max_text_length: int) -> SubmittedAnswer:
    if not isinstance(value, str):
        raise AnswerError("malformed", _("Question “{prompt}”: the answer must be text.").format(
            prompt=question.prompt))
    limit = min(question.max_length or max_text_length, max_text_length)
    text = value.strip()
    if len(text) > limit:
        raise AnswerError("too_long", _("Question “{prompt}”: at most {limit} characters ({length} given).").format(
            prompt=question.prompt, limit=limit, length=len(text)))
    return SubmittedAnswer(question_id=question.id, text=text)
