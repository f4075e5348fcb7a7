"""
Moodle's Aiken format: single-choice questions only (stem, ``A. option`` lines, ``ANSWER: B``).

Aiken has no ids, tags, difficulty or explanations, and no multiple or true/false questions;
writing one of those reports it as skipped rather than changing what it asks.
"""
import re

from cadre_common.problems import RowProblem
from question_bank.html import clean_html
from question_bank.i18n import _
from question_bank.questions import OPTION_IDS, Option, Question, QuestionKind, question_problems, stable_question_id

OPTION_LINE = re.compile(r"^\s*([A-Ha-h])\s*[.)、．）]\s*(.*)$")
ANSWER_LINE = re.compile(r"^\s*ANSWER\s*[:：]\s*(.*)$", re.I)


def read_aiken(data: bytes, filename: str = "") -> tuple[list[Question], list[RowProblem]]:
    """Single-choice questions from an Aiken file, and every problem by line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowProblem(None, "", _("the file is not UTF-8 text"))]
    questions, problems, numbered = [], [], []
    stem_lines, options, start = [], [], None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if start is None:
            start = number
        answer = ANSWER_LINE.match(line)
        option = OPTION_LINE.match(line)
        if answer:
            question, problem = _question(start, stem_lines, options, answer.group(1).strip().upper(), number)
            if problem:
                problems.append(problem)
            else:
                questions.append(question)
                numbered.append((start, question))
            stem_lines, options, start = [], [], None
        elif option and stem_lines:
            options.append((option.group(1).upper(), option.group(2)))
        elif options:
            problems.append(RowProblem(number, "", _("a line after the options that is neither an option nor "
                                                      "ANSWER:")))
        else:
            stem_lines.append(line.strip())
    if stem_lines or options:
        problems.append(RowProblem(start, "", _("the last question has no ANSWER: line")))
    problems.extend(question_problems(numbered))
    if not questions and not problems:
        problems.append(RowProblem(None, "", _("the file holds no questions")))
    return questions, problems


def _question(start, stem_lines, options, answer, answer_line):
    if not options:
        return None, RowProblem(start, "", _("the question has no options"))
    if len(options) > len(OPTION_IDS):
        return None, RowProblem(start, "", _("a question has at most {count} options").format(count=len(OPTION_IDS)))
    if answer not in {letter for letter, _text in options}:
        return None, RowProblem(answer_line, "", _("\"{value}\" is not an option").format(value=answer))
    stem = clean_html("\n".join(stem_lines))
    built = tuple(Option(letter, clean_html(text)) for letter, text in options)
    return Question(id=stable_question_id(QuestionKind.SINGLE.value, stem, [option.text for option in built]),
                    kind=QuestionKind.SINGLE, stem=stem, options=built, answer=(answer,)), None


def write_aiken(questions) -> tuple[bytes, list[RowProblem]]:
    """Aiken text for the single-choice questions; every other question is reported as skipped."""
    blocks, skipped = [], []
    for number, question in enumerate(questions, start=1):
        if question.kind != QuestionKind.SINGLE:
            skipped.append(RowProblem(number, "", _("skipped: Aiken holds only single-choice questions ({id})")
                                       .format(id=question.id), skipped=True))
            continue
        letters = dict(zip((option.id for option in question.options), OPTION_IDS, strict=False))
        lines = [_one_line(question.stem)]
        lines.extend(f"{letters[option.id]}. {_one_line(option.text)}" for option in question.options)
        lines.append(f"ANSWER: {letters.get(question.answer[0], question.answer[0])}")
        blocks.append("\n".join(lines))
    return ("\n\n".join(blocks) + "\n").encode("utf-8"), skipped


def _one_line(text: str) -> str:
    return " ".join(text.split())
