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


def result_details(result: AttemptResult) -> dict:
    """The JSON-safe account of a graded attempt that is stored once and shown on every replay."""
    return {
        "correct_count": result.correct_count,
        "results": [
            {"id": item.question_id, "chosen": list(item.chosen), "correct": item.correct,
             "answer": list(item.answer), "explanation": item.explanation}
            for item in result.results
        ],
    }


def result_from_details(details: dict, *, percent: int, points: int, passed: bool) -> AttemptResult:
    """The graded attempt back from its stored account (``result_details``) and score."""
    results = tuple(
        QuestionResult(question_id=item["id"], chosen=tuple(item["chosen"]), correct=item["correct"],
                       answer=tuple(item["answer"]), explanation=item["explanation"])
        for item in details.get("results", ())
    )
    return AttemptResult(results=results, correct_count=details.get("correct_count", 0), percent=percent,
                         points=points, passed=passed)
