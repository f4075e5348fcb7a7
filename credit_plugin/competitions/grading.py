"""
Each attempt graded once: the claim is the insert of its row under a unique key.

The insert runs in a transaction of its own, so the winner's row is committed before anything
else happens, and a loser does nothing after its failed insert but read that row in a new
statement: on InnoDB a failed insert leaves a shared lock on the row, and a loser that went on to
write the row would wait on the other losers' shared locks until one was killed as a deadlock.
Callers must not hold a transaction open around ``claim_attempt_grade`` (the LMS runs XBlock
handlers with ``non_atomic_requests``), or a loser's read could come from an older snapshot.
"""
from django.db import IntegrityError, transaction

from credit_plugin.competitions.data import AttemptGrade, GradedAttemptData
from credit_plugin.competitions.models import GradedAttempt


def _data(row: GradedAttempt, *, newly_graded: bool = False) -> GradedAttemptData:
    return GradedAttemptData(
        user_id=row.user_id, block_key=row.block_key, attempt_id=row.attempt_id, graded_at=row.graded_at,
        grade=AttemptGrade(level=row.level, percent=row.percent, points=row.points, passed=row.passed,
                           seconds=row.seconds, details=row.details),
        newly_graded=newly_graded,
    )


def attempt_grade(*, user_id: int, block_key: str, attempt_id: str) -> GradedAttemptData | None:
    """The stored grade of the learner's attempt, or None while it is not graded."""
    row = GradedAttempt.objects.filter(user_id=user_id, block_key=block_key, attempt_id=attempt_id).first()
    return _data(row) if row is not None else None


def claim_attempt_grade(*, user_id: int, block_key: str, attempt_id: str, grade: AttemptGrade) -> GradedAttemptData:
    """
    Store ``grade`` as the attempt's grade if it has none yet (``newly_graded``); otherwise return the
    grade stored first, unchanged. Of any number of concurrent calls for one attempt, one stores.
    """
    row = GradedAttempt(
        user_id=user_id, block_key=block_key, attempt_id=attempt_id, level=grade.level, percent=grade.percent,
        points=grade.points, passed=grade.passed, seconds=grade.seconds, details=grade.details,
    )
    try:
        with transaction.atomic():
            row.save(force_insert=True)
    except IntegrityError:
        stored = attempt_grade(user_id=user_id, block_key=block_key, attempt_id=attempt_id)
        if stored is None:  # not a duplicate attempt: some other constraint failed
            raise
        return stored
    return _data(row, newly_graded=True)
