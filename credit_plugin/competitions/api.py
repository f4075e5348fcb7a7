"""
The competitions applet's public API: one grade per level-challenge attempt, and leaderboards
kept as one row per learner and competition. Returns frozen data (``data.py``), never models.
"""
from credit_plugin.competitions.data import AttemptGrade, GradedAttemptData, Leaderboard, Standing
from credit_plugin.competitions.grading import attempt_grade, claim_attempt_grade
from credit_plugin.competitions.standings import import_standings, leaderboard, record_standing

__all__ = [
    # One grade per attempt
    "AttemptGrade",
    "GradedAttemptData",
    "attempt_grade",
    "claim_attempt_grade",
    # Leaderboards
    "Leaderboard",
    "Standing",
    "import_standings",
    "leaderboard",
    "record_standing",
]
