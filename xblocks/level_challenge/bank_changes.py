"""
A learner's state after the course team changed the bank or the levels under them.

The state remembers the bank version it was last checked against. When the bank has changed,
the wrong-question review (错题本) and the seen counts keep only the questions that still exist,
and an open attempt that holds a question that left the bank (or whose options changed) is
closed: it does not count against the level's attempts, and the learner is told why. An open
attempt at a level that no longer exists is closed the same way. Pure functions on the dict.
"""
import copy

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service

CLOSED_MESSAGE = _(
    "The course team changed the questions of level {number} while your attempt was open, so that attempt "
    "was closed. It does not count against your attempts: start the level again."
)


def _attempt_still_answerable(levels, index, attempt) -> bool:
    if attempt["level"] >= len(levels):
        return False
    for item in attempt["draw"]:
        question = index.get(item["id"])
        if question is None or {option.id for option in question.options} != set(item["options"]):
            return False
    return True


def reconcile(levels, index, version: str, state: dict) -> dict:
    """``state`` checked against the bank ``version`` and the levels; the same dict when nothing changed."""
    current = state.get("current")
    bank_changed = state.get("bank") != version
    level_gone = bool(current) and current["level"] >= len(levels)
    if not bank_changed and not level_gone:
        return state
    new = copy.deepcopy(state)
    new["bank"] = version
    if bank_changed:
        new["wrong"] = [question_id for question_id in new["wrong"] if index.get(question_id) is not None]
        new["wrong_chosen"] = {question_id: chosen for question_id, chosen in new.get("wrong_chosen", {}).items()
                               if question_id in new["wrong"]}
        new["seen"] = {question_id: count for question_id, count in new["seen"].items()
                       if index.get(question_id) is not None}
    if current and not _attempt_still_answerable(levels, index, current):
        new["current"] = None
        new["closed"] = {"attempt_id": current["attempt_id"], "level": current["level"]}
        record = new["levels"].get(str(current["level"]))
        if record and record.get("attempts"):
            record["attempts"] -= 1  # the learner never had the chance to submit it
    return new


def closed_message(state: dict, translate) -> str:
    """What the learner is told about an attempt closed by a change of the bank ("" when none was)."""
    closed = state.get("closed")
    if not closed:
        return ""
    return translate(CLOSED_MESSAGE).format(number=closed["level"] + 1)
