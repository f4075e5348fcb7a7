"""Grading an attempt on the server: per-question result, score, points and whether the level is passed."""
from dataclasses import dataclass


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    chosen: tuple[str, ...]
    correct: bool
    answer: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class AttemptResult:
    results: tuple[QuestionResult, ...]
    correct_count: int
    percent: int
    points: int
    passed: bool


def grade_attempt(level, draw: list[dict], answers: dict, index) -> AttemptResult:
    """``answers`` maps question ids of the draw to chosen option ids; unanswered questions are wrong."""
    results = []
    for item in draw:
        question = index.get(item["id"])
        chosen = tuple(sorted(answers.get(item["id"], ())))
        correct = question is not None and chosen == tuple(sorted(question.answer))
        results.append(QuestionResult(
            question_id=item["id"], chosen=chosen, correct=correct,
            answer=tuple(question.answer) if question else (), explanation=question.explanation if question else "",
        ))
    correct_count = sum(result.correct for result in results)
    percent = round(100 * correct_count / len(results)) if results else 0
    return AttemptResult(
        results=tuple(results), correct_count=correct_count, percent=percent,
        points=correct_count * level.points_per_correct, passed=percent >= level.pass_percent,
    )
