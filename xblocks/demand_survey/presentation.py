"""
What the templates, the JavaScript and the mobile apps show: whether the survey is open, the form
with the learner's answers, the results, and the page's words. No runtime: the block passes them in.
"""
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_noop

from xblocks.demand_survey.questions import RATING_SCALE, QuestionKind, SurveyQuestion
from xblocks.i18n import _

# The words of the page's JavaScript, translated by the block's i18n service.
UI_TEXT = {
    "saved": gettext_noop("Thank you: your answers are saved."),
    "resources": gettext_noop("Learning resources for the topics you picked"),
    "no_resources": gettext_noop("No courses are linked to these topics yet; your request has been passed on."),
    "results": gettext_noop("Results so far"),
    "failed": gettext_noop("Not saved:"),
    "offline": gettext_noop("The answers could not be sent. Check the connection and try again."),
    "required": gettext_noop("This question needs an answer."),
    "too_many": gettext_noop("Pick at most {limit}."),
    "same_place": gettext_noop("Each place can be given only once: {places}."),
    "every_place": gettext_noop("Give every option a place, or none."),
    "fix_count": gettext_noop("{count} questions need attention; see the notes under them."),
    "submitted": gettext_noop("Submitted"),
    "change": gettext_noop("Change my answers"),
}


def ui_text(translate) -> dict:
    return {key: translate(text) for key, text in UI_TEXT.items()}


def window(opens_at: datetime | None, closes_at: datetime | None, now: datetime) -> str:
    """"open", "not_open" (yet) or "closed" at ``now``."""
    if opens_at and now < opens_at:
        return "not_open"
    if closes_at and now > closes_at:
        return "closed"
    return "open"


def picked_topics(questions: list[SurveyQuestion], answers: dict) -> list[str]:
    """The topic codes picked in the survey's topic menus, in the order picked."""
    return [code for question in questions if question.kind is QuestionKind.TOPICS
            for code in (answers[question.id].choices if answers.get(question.id) else ())]


def offered_topics(question: SurveyQuestion, topic_names: dict[str, str]) -> list[tuple[str, str]]:
    """(code, name) of the topics a menu offers: the question's own list, or the whole catalogue."""
    codes = [code for code in question.topics if code in topic_names] if question.topics else list(topic_names)
    return [(code, topic_names[code]) for code in codes]


def form_questions(questions: list[SurveyQuestion], topic_names: dict[str, str], mine: dict) -> list[dict]:
    """Each question for the form, with the learner's earlier answer filled in."""
    shown = []
    for number, question in enumerate(questions, start=1):
        answer = mine.get(question.id)
        chosen = list(answer.choices) if answer else []
        choices = offered_topics(question, topic_names) if question.kind is QuestionKind.TOPICS else [
            (option.id, option.text) for option in question.options
        ]
        shown.append({
            **question.to_dict(),
            "number": number,
            "choices": [
                {"id": choice_id, "text": text, "checked": choice_id in chosen,
                 "rank": chosen.index(choice_id) + 1 if choice_id in chosen else ""}
                for choice_id, text in choices
            ],
            "rank_numbers": list(range(1, (question.max_picks or len(choices)) + 1))
            if question.kind is QuestionKind.TOPICS else list(range(1, len(choices) + 1)),
            "rating_values": [{"value": value, "checked": answer is not None and answer.rating == value}
                              for value in RATING_SCALE],
            "text": answer.text if answer else "",
        })
    return shown


def _percent(count: int, total: int) -> int:
    return int((Decimal(100 * count) / total).quantize(Decimal(1), ROUND_HALF_UP)) if total else 0


def _row(option: str, label: str, tally, total: int) -> dict:
    """One bar: its label, count, percent of responses and average place, and the figure shown beside it."""
    count = tally.count if tally else 0
    percent = _percent(count, total)
    average_rank = str(tally.average_rank) if tally and tally.average_rank is not None else ""
    figure = f"{count} ({percent}%)"
    if average_rank:
        # Worded here, not in the template: a translation tag per bar was most of the results' rendering.
        figure += " · " + _("average place %(rank)s") % {"rank": average_rank}
    return {"option": option, "label": label, "count": count, "percent": percent, "average_rank": average_rank,
            "figure": figure}


def results_view(
    questions: list[SurveyQuestion], results, topic_names: dict[str, str], *, staff: bool, min_group: int
) -> dict:
    """
    Per-question rows (label, count, percent of responses, average rank), how many wrote an answer
    to each free-text question, and for staff the words themselves (as many as the plugin gives).
    """
    total = results.responses
    shown = []
    for question in questions:
        tallies = {tally.option: tally for tally in results.tallies.get(question.id, ())}
        if question.kind is QuestionKind.TOPICS:
            order = sorted(tallies, key=lambda code: (-tallies[code].count, code))
            labels = {code: topic_names.get(code, code) for code in order}
        elif question.kind is QuestionKind.RATING:
            order, labels = [str(value) for value in RATING_SCALE], {str(value): str(value) for value in RATING_SCALE}
        else:
            order = [option.id for option in question.options]
            labels = {option.id: option.text for option in question.options}
        if question.kind is QuestionKind.RANKING:
            order.sort(key=lambda option: tallies[option].average_rank if option in tallies else Decimal(999))
        rows = [_row(option, labels[option], tallies.get(option), total) for option in order]
        entry = {"id": question.id, "prompt": question.prompt, "kind": question.kind.value, "rows": rows}
        if question.kind is QuestionKind.TEXT:
            texts = list(results.texts.get(question.id, ())) if staff else []
            answered = results.text_answers.get(question.id, 0)
            entry.update(texts=texts, text_answers=answered, texts_cut=staff and answered > len(texts))
        if question.kind is QuestionKind.RATING:
            answered = sum(row["count"] for row in rows)
            entry["average"] = str((Decimal(sum(int(row["option"]) * row["count"] for row in rows)) / answered)
                                   .quantize(Decimal("0.01"), ROUND_HALF_UP)) if answered else ""
            entry["average_label"] = _("average %(average)s") % {"average": entry["average"]} if answered else ""
        shown.append(entry)
    return {"responses": total, "hidden": results.hidden, "min_group": min_group,
            "questions": [] if results.hidden else shown}
