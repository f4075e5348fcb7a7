"""
Moodle's GIFT text format: read and write single, multiple and true/false questions.

Ids, tags and difficulty travel in the comment line Moodle itself reads before a question
(``// [id:q-1] [tag:工会法] [difficulty:easy]``); other GIFT types are reported as skipped.
"""
import re

from cadre_common.problems import RowProblem
from cadre_common.safe_ids import is_safe_id
from question_bank.html import clean_html
from question_bank.i18n import _
from question_bank.questions import (
    FALSE_ID,
    OPTION_IDS,
    TRUE_FALSE_OPTIONS,
    TRUE_ID,
    Difficulty,
    Option,
    Question,
    QuestionKind,
    question_problems,
    stable_question_id,
)

SPECIAL = "~=#{}:"
META = re.compile(r"\[(id|tag|difficulty):([^\]]*)\]")
FORMAT_PREFIX = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.I)
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


def escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda match: "\n" if match.group(1) == "n" else match.group(1), text)


def _split_unescaped(text: str, separators: str):
    """Split ``text`` before each unescaped separator char, keeping the separator with its part."""
    parts, current, index = [], "", 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current += text[index:index + 2]
            index += 2
            continue
        if char in separators:
            parts.append(current)
            current = char
        else:
            current += char
        index += 1
    parts.append(current)
    return parts


def _find_unescaped(text: str, char: str, start: int = 0) -> int:
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == char:
            return index
        index += 1
    return -1


def _blocks(text: str):
    """(first line number, comment lines, question text) for each blank-line separated question."""
    block, comments, start = [], [], None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            if block:
                yield start, comments, "\n".join(block)
            block, comments, start = [], [], None
            continue
        if start is None:
            start = number
        if stripped.startswith("//") and not block:
            comments.append(stripped[2:])
        elif not stripped.startswith("//"):
            block.append(line)
    if block:
        yield start, comments, "\n".join(block)


def read_gift(data: bytes, filename: str = "") -> tuple[list[Question], list[RowProblem]]:
    """Questions from a GIFT file, with every problem and every skipped question (by line)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowProblem(None, "", _("the file is not UTF-8 text"))]
    questions, problems, numbered, tags = [], [], [], ()
    for line, comments, block in _blocks(text):
        if block.strip().startswith("$CATEGORY:"):
            tags = tuple(part for part in block.strip()[len("$CATEGORY:"):].strip().split("/") if part and
                         not part.startswith("$"))
            continue
        question, problem = _question(line, comments, block, tags)
        if problem:
            problems.append(problem)
        if question:
            questions.append(question)
            numbered.append((line, question))
    problems.extend(question_problems(numbered))
    if not questions and not problems:
        problems.append(RowProblem(None, "", _("the file holds no questions")))
    return questions, problems


def _question(line, comments, block, category_tags):
    meta = {"id": "", "tag": [], "difficulty": ""}
    for comment in comments:
        for key, value in META.findall(comment):
            if key == "tag":
                meta["tag"].append(value.strip())
            else:
                meta[key] = value.strip()
    title = ""
    body = block.strip()
    if body.startswith("::"):
        end = body.find("::", 2)
        if end < 0:
            return None, RowProblem(line, "", _("the title has no closing ::"))
        title, body = _unescape(body[2:end]).strip(), body[end + 2:]
    opening = _find_unescaped(body, "{")
    closing = _find_unescaped(body, "}", opening + 1) if opening >= 0 else -1
    if opening < 0:
        return None, RowProblem(line, "", _("skipped: a description without answers is not a question we support"),
                                 skipped=True)
    if closing < 0:
        return None, RowProblem(line, "", _("the answers have no closing }"))
    stem = _text(body[:opening] + " " + body[closing + 1:])
    answers = body[opening + 1:closing].strip()
    explanation = ""
    general = answers.find("####")
    if general >= 0:
        answers, explanation = answers[:general].strip(), _text(answers[general + 4:])
    try:
        difficulty = Difficulty(meta["difficulty"] or Difficulty.MEDIUM.value)
    except ValueError:
        return None, RowProblem(line, "", _("\"{value}\" is not a difficulty").format(value=meta["difficulty"]))
    kind, options, answer, reason, skipped = _answers(answers)
    if kind is None:
        return None, RowProblem(line, "", reason, skipped=skipped)
    tags = tuple(meta["tag"]) or category_tags
    # A title is an id only when it is a safe one (::g-1::); ::多选:: names nothing.
    identifier = meta["id"] or (title if is_safe_id(title) else "")
    return Question(
        id=identifier or stable_question_id(kind.value, stem, [option.text for option in options]),
        kind=kind, stem=stem, options=options, answer=answer, explanation=explanation, difficulty=difficulty,
        tags=tags,
    ), None


def _text(raw: str) -> str:
    return clean_html(_unescape(FORMAT_PREFIX.sub("", raw.strip())).strip())


def _answers(answers: str):
    """(kind, options, answer ids, reason it cannot be read, whether it is skipped) from the text in { }."""
    unescaped = _unescape(answers).strip().upper()
    if unescaped in ("T", "TRUE"):
        return QuestionKind.TRUE_FALSE, TRUE_FALSE_OPTIONS, (TRUE_ID,), "", False
    if unescaped in ("F", "FALSE"):
        return QuestionKind.TRUE_FALSE, TRUE_FALSE_OPTIONS, (FALSE_ID,), "", False
    parts = [part.strip() for part in _split_unescaped(answers, "=~") if part.strip()]
    unsupported = _unsupported(answers, parts)
    if unsupported:
        return None, (), (), unsupported, True
    if len(parts) > len(OPTION_IDS):
        return None, (), (), _("a question has at most {count} options").format(count=len(OPTION_IDS)), False
    options, correct, weighted = [], [], False
    for letter, part in zip(OPTION_IDS, parts, strict=False):
        marker, content = part[0], part[1:].strip()
        weight = WEIGHT.match(content)
        if weight:
            weighted = True
            content = content[weight.end():]
        feedback = _find_unescaped(content, "#")
        if feedback >= 0:
            content = content[:feedback]
        options.append(Option(letter, _text(content)))
        if marker == "=" or (weight and float(weight.group(1)) > 0):
            correct.append(letter)
    kind = QuestionKind.MULTIPLE if weighted else QuestionKind.SINGLE
    return kind, tuple(options), tuple(correct), "", False


def _unsupported(answers: str, parts) -> str:
    """Why a GIFT question of a type we do not hold is skipped ("" for our types)."""
    if not answers:
        return _("skipped: essay questions are not supported")
    if answers.startswith("#"):
        return _("skipped: numerical questions are not supported")
    if any("->" in part for part in parts if part.startswith("=")):
        return _("skipped: matching questions are not supported")
    if not any(part.startswith("~") for part in parts):
        return _("skipped: short-answer questions are not supported")
    return ""


def write_gift(questions) -> tuple[bytes, list[RowProblem]]:
    """GIFT text for every question (all three of our types are expressible in GIFT)."""
    blocks = []
    for question in questions:
        meta = [f"[id:{question.id}]", *(f"[tag:{tag}]" for tag in question.tags),
                f"[difficulty:{question.difficulty.value}]"]
        lines = ["// " + " ".join(meta), f"::{escape(question.id)}::[html]{escape(question.stem)} {{"]
        if question.kind == QuestionKind.TRUE_FALSE:
            lines[-1] += "TRUE" if question.answer == (TRUE_ID,) else "FALSE"
        elif question.kind == QuestionKind.SINGLE:
            lines.extend(f"\t{'=' if option.id in question.answer else '~'}{escape(option.text)}"
                         for option in question.options)
        else:
            share = _weight(100 / max(len(question.answer), 1))
            lines.extend(f"\t~%{share if option.id in question.answer else '-100'}%{escape(option.text)}"
                         for option in question.options)
        if question.explanation:
            lines.append(f"\t####{escape(question.explanation)}")
        lines.append("}")
        blocks.append("\n".join(lines))
    return ("\n\n".join(blocks) + "\n").encode("utf-8"), []


def _weight(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")
