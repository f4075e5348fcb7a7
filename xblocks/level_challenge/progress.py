"""
A learner's way through the levels: starting and submitting attempts, as pure functions.

State is one JSON-safe dict per learner (the block's user_state field). Every refusal is a
``ChallengeError`` with a code and a message, raised before anything changes.
"""

import copy
import uuid
from datetime import datetime, timedelta

from xblocks.level_challenge.bank_changes import closed_message
from xblocks.level_challenge.drawing import draw_questions
from xblocks.level_challenge.grading import AttemptResult

GRACE = timedelta(seconds=5)  # network delay allowed after a time limit
MAX_REVIEW = 200


class ChallengeError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def empty_state() -> dict:
    return {"levels": {}, "current": None, "seen": {}, "wrong": [], "wrong_chosen": {}, "closed": None,
            "bank": None}


def level_record(state, number) -> dict:
    return state["levels"].get(
        str(number), {"attempts": 0, "best_percent": None, "best_points": 0, "passed": False, "best_seconds": None}
    )


def level_status(levels, state, number) -> str:
    """ "passed", "open" or "locked" (the previous level, when required, is not passed yet)."""
    record = level_record(state, number)
    if record["passed"]:
        return "passed"
    level = levels[number]
    if number > 0 and level.requires_previous and not level_record(state, number - 1)["passed"]:
        return "locked"
    return "open"


def total_points(state) -> int:
    return sum(record["best_points"] for record in state["levels"].values())


def total_seconds(state) -> int:
    return sum(record["best_seconds"] or 0 for record in state["levels"].values())


def start_level(levels, index, state, number, *, now: datetime, rng, translate) -> tuple[dict, dict]:
    """Draw a new attempt at level ``number``; returns the new state and the attempt."""
    _ = translate
    if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number < len(levels):
        raise ChallengeError("unknown_level", _("There is no such level."))
    if level_status(levels, state, number) == "locked":
        raise ChallengeError("level_locked", _("Pass the previous level first."))
    level, record = levels[number], level_record(state, number)
    if level.attempts_allowed and record["attempts"] >= level.attempts_allowed:
        raise ChallengeError("no_attempts_left", _("You have used all the attempts at this level."))
    draw = draw_questions(level, index, state["seen"], rng)
    if len(draw) < level.count:
        raise ChallengeError("bank_too_small", _("This level is not ready yet; please tell the course team."))
    new = copy.deepcopy(state)
    attempt = {"attempt_id": uuid.uuid4().hex, "level": number, "draw": draw, "started_at": now.isoformat()}
    new["current"], new["closed"] = attempt, None
    new["levels"][str(number)] = {**record, "attempts": record["attempts"] + 1}
    for item in draw:
        new["seen"][item["id"]] = new["seen"].get(item["id"], 0) + 1
    return new, attempt


def check_submission(levels, state, attempt_id, answers, *, now: datetime, translate) -> dict:
    """The current attempt, when ``answers`` may be graded for it; ChallengeError (nothing changes) otherwise."""
    _ = translate
    current = state.get("current")
    if not current or current["attempt_id"] != attempt_id:
        if attempt_id and (state.get("closed") or {}).get("attempt_id") == attempt_id:
            raise ChallengeError("attempt_closed", closed_message(state, translate))
        raise ChallengeError("not_current_attempt", _("This attempt is not your current one; start the level again."))
    level = levels[current["level"]]
    if not isinstance(answers, dict):
        raise ChallengeError("bad_answers", _("Answers must map question ids to lists of option ids."))
    options = {item["id"]: set(item["options"]) for item in current["draw"]}
    for question_id, chosen in answers.items():
        if question_id not in options:
            raise ChallengeError("unknown_question", _("An answer is for a question that is not in this attempt."))
        if not isinstance(chosen, list) or not all(isinstance(option, str) for option in chosen):
            raise ChallengeError("bad_answers", _("Answers must map question ids to lists of option ids."))
        if not set(chosen) <= options[question_id]:
            raise ChallengeError("unknown_option", _("An answer names an option that does not exist."))
    if level.time_limit_seconds and now > started_at(current) + timedelta(seconds=level.time_limit_seconds) + GRACE:
        raise ChallengeError("time_up", _("The time for this attempt ran out."))
    if not any(answers.values()):  # an empty form is a slip of the thumb, not an attempt: nothing graded
        raise ChallengeError("no_answers", _("Answer at least one question before submitting; "
                                             "the attempt stays open."))
    return current


def started_at(attempt: dict) -> datetime:
    return datetime.fromisoformat(attempt["started_at"])


def seconds_taken(attempt: dict, now: datetime) -> int:
    return max(0, int((now - started_at(attempt)).total_seconds()))


def record_result(state, number: int, result: AttemptResult, seconds: int) -> dict:
    """
    The state once the attempt at level ``number`` is graded ``result`` in ``seconds``. Deterministic:
    every request that applies one stored grade to the same state writes the same new state.
    """
    new = copy.deepcopy(state)
    new["current"] = None
    record = level_record(state, number)
    better = (
        record["best_percent"] is None
        or result.percent > record["best_percent"]
        or (result.percent == record["best_percent"] and seconds < (record["best_seconds"] or seconds + 1))
    )
    if better:
        record = {**record, "best_percent": result.percent, "best_points": result.points, "best_seconds": seconds}
    record["passed"] = record["passed"] or result.passed
    new["levels"][str(number)] = record
    wrong = [item.question_id for item in result.results if not item.correct]
    right = {item.question_id for item in result.results if item.correct}
    review = [question_id for question_id in new["wrong"] if question_id not in right and question_id not in wrong]
    new["wrong"] = (wrong + review)[:MAX_REVIEW]
    chosen = {**new.get("wrong_chosen", {}),
              **{item.question_id: list(item.chosen) for item in result.results if not item.correct}}
    new["wrong_chosen"] = {question_id: chosen[question_id] for question_id in new["wrong"] if question_id in chosen}
    return new


def wrong_chosen(state, question_id: str) -> list[str]:
    """What the learner chose when they last got ``question_id`` wrong ([] when unanswered or not kept)."""
    return list(state.get("wrong_chosen", {}).get(question_id, []))


def check_practice(state, answers, *, translate) -> dict:
    """
    ``answers`` of a practice round (重练错题): only questions of the learner's 错题本, as lists of
    option ids. Practice is never graded: nothing here changes the state.
    """
    _ = translate
    if not isinstance(answers, dict) or not answers:
        raise ChallengeError("bad_answers", _("Answers must map question ids to lists of option ids."))
    for question_id, chosen in answers.items():
        if question_id not in state["wrong"]:
            raise ChallengeError("not_in_review", _("That question is not in your wrong-question book."))
        if not isinstance(chosen, list) or not all(isinstance(option, str) for option in chosen):
            raise ChallengeError("bad_answers", _("Answers must map question ids to lists of option ids."))
    return answers


def mark_mastered(state, question_id, *, translate) -> dict:
    """The state without ``question_id`` in the 错题本 (the learner marked it 已掌握)."""
    _ = translate
    if not isinstance(question_id, str) or question_id not in state["wrong"]:
        raise ChallengeError("not_in_review", _("That question is not in your wrong-question book."))
    new = copy.deepcopy(state)
    new["wrong"] = [item for item in new["wrong"] if item != question_id]
    new.get("wrong_chosen", {}).pop(question_id, None)
    return new
