"""
Submitting an attempt: graded once, whatever the number of requests that carry it.

The learner's state lives in the LMS's user_state, loaded and saved per request (the last save
wins), so it cannot stop two requests grading one attempt. The plugin's table can: the grade is
claimed under the key (learner, block, attempt id), the first request stores it, and every other
request for that attempt (a double click, a retry, 16 at once) gets the stored grade back.
"""
from dataclasses import dataclass

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service

from credit_plugin import api as credit_api
from xblocks.level_challenge import progress
from xblocks.level_challenge.grading import AttemptResult, grade_attempt, result_details, result_from_details

ATTEMPT_ID_LENGTH = 64


@dataclass(frozen=True)
class GradedSubmission:
    """The stored grade (``newly_graded`` for the one request that graded it) and the learner's new state, if any."""

    stored: credit_api.GradedAttemptData
    result: AttemptResult
    new_state: dict | None


def submit(levels, index, state, data: dict, *, learner_id: int | None, block_key: str, now, translate):
    """Grade the attempt ``data`` names, or return its stored grade; ChallengeError when it cannot be graded."""
    attempt_id, answers = data.get("attempt_id"), data.get("answers", {})
    if learner_id is None:
        raise progress.ChallengeError("not_signed_in", translate(_("Sign in to submit your answers.")))
    current = state.get("current")
    is_open = bool(current) and current["attempt_id"] == attempt_id
    stored = None
    if not is_open and isinstance(attempt_id, str) and 0 < len(attempt_id) <= ATTEMPT_ID_LENGTH:
        stored = credit_api.attempt_grade(user_id=learner_id, block_key=block_key, attempt_id=attempt_id)
    if stored is None:  # the open attempt (a concurrent request may be grading it too), or a refusal
        current = progress.check_submission(levels, state, attempt_id, answers, now=now, translate=translate)
        result = grade_attempt(levels[current["level"]], current["draw"], answers, index)
        grade = credit_api.AttemptGrade(
            level=current["level"], percent=result.percent, points=result.points, passed=result.passed,
            seconds=progress.seconds_taken(current, now), details=result_details(result),
        )
        stored = credit_api.claim_attempt_grade(user_id=learner_id, block_key=block_key, attempt_id=attempt_id,
                                                grade=grade)
    grade = stored.grade
    result = result_from_details(grade.details, percent=grade.percent, points=grade.points, passed=grade.passed)
    # Every request that still sees the attempt open applies the one stored grade, so they all write
    # the same state; a grade stored by a request that died before saving is applied by the next one.
    new_state = progress.record_result(state, grade.level, result, grade.seconds) if is_open else None
    return GradedSubmission(stored=stored, result=result, new_state=new_state)
