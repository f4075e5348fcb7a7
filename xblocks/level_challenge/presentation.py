"""
What the learner's page and the mobile apps are shown, as plain data: the levels and progress, the
questions of an attempt (never their answers before it is submitted), a graded attempt, the
wrong-question review, and the page's words. No runtime: the block passes its content and state in.
"""
from datetime import datetime

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service

from xblocks.level_challenge import progress
from xblocks.level_challenge.grading import AttemptResult
from xblocks.level_challenge.levels import Level

PRACTICE_SIZE = 10  # questions of one practice round

UI_TEXT = {
    "points": _("Points"),
    "start": _("Start"),
    "retry": _("Try again"),
    "submit": _("Submit answers"),
    "locked": _("Locked"),
    "open": _("Open"),
    "passed": _("Passed"),
    "best": _("Best score"),
    "correct": _("Correct"),
    "wrong": _("Wrong"),
    "answer": _("Correct answer"),
    "explanation": _("Explanation"),
    "score": _("Score"),
    "earned": _("Points earned"),
    "level_passed": _("Level passed! The next level is open."),
    "all_passed": _("All levels passed!"),
    "level_failed": _("Not passed this time."),
    "review": _("Review my wrong questions"),
    "no_wrong": _("No wrong questions to review."),
    "back": _("Back to the levels"),
    "time_left": _("Time left"),
    "attempts_left": _("Attempts left"),
    "question": _("Question"),
    "leaderboard": _("Leaderboard"),
    "my_rank": _("My rank"),
    "closed": _("The competition is closed."),
    "true": _("True"),
    "false": _("False"),
    "progress": _("Question {n} of {total}"),
    "answered": _("Answered {answered} of {total}"),
    "confirm_unanswered": _("{k} questions are not answered yet. Submit anyway?"),
    "mine": _("My answer"),
    "not_answered": _("Not answered"),
    "book": _("Wrong-question book"),
    "practice": _("Practise my wrong questions"),
    "practice_note": _("Practice is not graded: it earns no points and uses no attempt."),
    "check": _("Check my answers"),
    "mastered": _("Mastered"),
    "rank": _("Rank"),
    "name": _("Name"),
    "answer_one": _("Answer at least one question first."),
    "time_up_blank": _("Time is up and no question was answered, so nothing was graded. "
                       "Start the level again when you are ready."),
}


def ui_text(translate) -> dict:
    """Every word the page's JavaScript shows, in the learner's language."""
    return {key: translate(text) for key, text in UI_TEXT.items()}


def max_score(levels: list[Level]) -> int:
    return sum(level.count * level.points_per_correct for level in levels)


def competition_open(start: datetime | None, end: datetime | None, now: datetime) -> bool:
    return (start is None or now >= start) and (end is None or now <= end)


def level_rows(levels: list[Level], state: dict) -> list[dict]:
    """Each level as the learner sees it: its status, best score, attempts and limits."""
    return [
        {
            "number": number,
            "title": level.title,
            "count": level.count,
            "status": progress.level_status(levels, state, number),
            "best_percent": progress.level_record(state, number)["best_percent"],
            "attempts": progress.level_record(state, number)["attempts"],
            "attempts_allowed": level.attempts_allowed,
            "pass_percent": level.pass_percent,
            "time_limit_seconds": level.time_limit_seconds,
        }
        for number, level in enumerate(levels)
    ]


def public_state(levels: list[Level], state: dict, index, *, display_name: str, competition_is_open: bool,
                 show_leaderboard: bool, now: datetime, notice: str = "") -> dict:
    """
    What the learner's page (and the mobile apps) may know: no question's answer, no explanation.
    ``notice`` tells the learner about an attempt the course team's changes closed.
    """
    return {
        "display_name": display_name,
        "levels": level_rows(levels, state),
        "points": progress.total_points(state),
        "max_points": max_score(levels),
        "wrong_count": len(state["wrong"]),
        "competition_open": competition_is_open,
        "show_leaderboard": show_leaderboard,
        "current": current_attempt(levels, state, index, now=now),
        "notice": notice,
    }


def current_attempt(levels: list[Level], state: dict, index, *, now: datetime) -> dict | None:
    """The unsubmitted attempt, so that a reload shows the same questions (never their answers)."""
    current = state.get("current")
    if not current or current["level"] >= len(levels):
        return None
    level = levels[current["level"]]
    left = None
    if level.time_limit_seconds:
        elapsed = (now - datetime.fromisoformat(current["started_at"])).total_seconds()
        left = max(0, int(level.time_limit_seconds - elapsed))
    return {
        "attempt_id": current["attempt_id"],
        "level": current["level"],
        **attempt_questions(index, current),
        "time_limit_seconds": level.time_limit_seconds,
        "seconds_left": left,
    }


def started_attempt(levels: list[Level], index, attempt: dict) -> dict:
    """A new attempt for the browser: the drawn questions and the time allowed."""
    return {
        "attempt_id": attempt["attempt_id"],
        "level": attempt["level"],
        **attempt_questions(index, attempt),
        "time_limit_seconds": levels[attempt["level"]].time_limit_seconds,
    }


def attempt_questions(index, attempt: dict) -> dict:
    """The drawn questions: stems and options in the drawn order, never answers or explanations."""
    questions = []
    for item in attempt["draw"]:
        question = index.get(item["id"])
        by_id = {option.id: option.text for option in question.options}
        questions.append({
            "id": question.id,
            "kind": question.kind.value,
            "stem": question.stem,
            "options": [{"id": option_id, "text": by_id[option_id]} for option_id in item["options"]],
        })
    return {"questions": questions}


def graded_attempt(levels: list[Level], number: int, result: AttemptResult, new_state: dict) -> dict:
    """A submitted attempt: the score, each question's right answer and explanation, and what opens next."""
    return {
        "level": number,
        "percent": result.percent,
        "points": result.points,
        "passed": result.passed,
        "correct_count": result.correct_count,
        "results": [
            {
                "id": item.question_id,
                "correct": item.correct,
                "chosen": list(item.chosen),
                "answer": list(item.answer),
                "explanation": item.explanation,
            }
            for item in result.results
        ],
        "next_open": number + 1 < len(levels) and progress.level_status(levels, new_state, number + 1) != "locked",
    }


def wrong_question_review(index, state: dict) -> dict:
    """The learner's wrong questions with the right answers: they have answered these already."""
    review = []
    for question_id in state["wrong"]:
        question = index.get(question_id)
        if question:
            review.append({
                "number": len(review) + 1,
                "id": question.id,
                "kind": question.kind.value,
                "stem": question.stem,
                "options": [{"id": option.id, "text": option.text} for option in question.options],
                "chosen": progress.wrong_chosen(state, question.id),
                "answer": list(question.answer),
                "explanation": question.explanation,
            })
    return {"questions": review}


def practice_questions(index, state: dict, *, limit: int = PRACTICE_SIZE) -> dict:
    """
    A practice round (重练错题) from the learner's 错题本: stems and options only, like an attempt;
    the answers come with ``practice_checked`` once the learner has answered.
    """
    questions = []
    for question_id in state["wrong"]:
        question = index.get(question_id)
        if question and len(questions) < limit:
            questions.append({
                "id": question.id,
                "kind": question.kind.value,
                "stem": question.stem,
                "options": [{"id": option.id, "text": option.text} for option in question.options],
            })
    return {"questions": questions, "practice": True}


def practice_checked(index, answers: dict) -> dict:
    """Each practised question: right or not, the learner's choice, the answer and explanation. No points."""
    results = []
    for question_id, chosen in answers.items():
        question = index.get(question_id)
        if question is None:
            continue
        results.append({
            "id": question.id,
            "correct": sorted(chosen) == sorted(question.answer),
            "chosen": list(chosen),
            "answer": list(question.answer),
            "explanation": question.explanation,
        })
    return {"results": results, "practice": True, "points": 0}
