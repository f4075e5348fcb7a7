"""
Moodle XML (``<quiz>``): multichoice (single or multiple) and truefalse questions, read and written.

The id travels in ``<idnumber>``, tags in ``<tags>``, difficulty as a ``difficulty:<level>`` tag,
the explanation in ``<generalfeedback>``. Every other question type is reported as skipped, with
its line.
"""
from lxml import etree

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
from question_bank.xml_input import parse_untrusted_xml

DIFFICULTY_TAG = "difficulty:"


def _text_of(element, path) -> str:
    found = element.find(path)
    return "" if found is None else (found.findtext("text") or "")


def read_moodle_xml(data: bytes, filename: str = "") -> tuple[list[Question], list[RowProblem]]:
    """Questions from a Moodle XML quiz file, with every problem and skipped question by line."""
    root, problem = parse_untrusted_xml(data)
    if problem:
        return [], [problem]
    if root.tag != "quiz":
        return [], [RowProblem(root.sourceline, "", _("the root element is <{tag}>, not <quiz>").format(tag=root.tag))]
    questions, problems, numbered, category_tags = [], [], [], ()
    for element in root.iter("question"):
        kind = element.get("type", "")
        if kind == "category":
            path = _text_of(element, "category").replace("$course$", "").replace("$system$", "")
            category_tags = tuple(part for part in path.split("/") if part.strip())
            continue
        if kind not in ("multichoice", "truefalse"):
            problems.append(RowProblem(element.sourceline, "", _("skipped: {type} questions are not supported")
                                        .format(type=kind or "?"), skipped=True))
            continue
        question, problem = _question(element, category_tags)
        if problem:
            problems.append(problem)
        else:
            questions.append(question)
            numbered.append((element.sourceline, question))
    problems.extend(question_problems(numbered))
    if not questions and not problems:
        problems.append(RowProblem(None, "", _("the file holds no questions")))
    return questions, problems


def _question(element, category_tags):
    line = element.sourceline
    stem = clean_html(_text_of(element, "questiontext"))
    explanation = clean_html(_text_of(element, "generalfeedback"))
    tags, difficulty = [], Difficulty.MEDIUM
    for tag in element.iterfind("tags/tag"):
        text = (tag.findtext("text") or "").strip()
        if text.startswith(DIFFICULTY_TAG):
            try:
                difficulty = Difficulty(text[len(DIFFICULTY_TAG):])
            except ValueError:
                return None, RowProblem(tag.sourceline, "", _("\"{value}\" is not a difficulty").format(value=text))
        elif text:
            tags.append(text)
    answers = element.findall("answer")
    try:
        fractions = [float(answer.get("fraction", "0")) for answer in answers]
    except ValueError:
        return None, RowProblem(line, "", _("an answer's fraction is not a number"))
    if element.get("type") == "truefalse":
        kind, options = QuestionKind.TRUE_FALSE, TRUE_FALSE_OPTIONS
        correct = [(answer.findtext("text") or "").strip().lower()
                   for answer, fraction in zip(answers, fractions, strict=False)
                   if fraction > 0]
        answer_ids = tuple(TRUE_ID if text == "true" else FALSE_ID for text in correct)
    else:
        if len(answers) > len(OPTION_IDS):
            return None, RowProblem(line, "", _("a question has at most {count} options").format(
                count=len(OPTION_IDS)))
        single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
        kind = QuestionKind.SINGLE if single else QuestionKind.MULTIPLE
        options = tuple(Option(letter, clean_html(answer.findtext("text") or ""))
                        for letter, answer in zip(OPTION_IDS, answers, strict=False))
        answer_ids = tuple(letter for letter, fraction in zip(OPTION_IDS, fractions, strict=False) if fraction > 0)
    # The idnumber is an id and must be one; the name is a title, used as the id only when it is a safe one.
    name = (element.findtext("name/text") or "").strip()
    identifier = (element.findtext("idnumber") or "").strip() or (name if is_safe_id(name) else "")
    return Question(
        id=identifier or stable_question_id(kind.value, stem, [option.text for option in options]),
        kind=kind, stem=stem, options=options, answer=answer_ids, explanation=explanation, difficulty=difficulty,
        tags=tuple(tags) or category_tags,
    ), None


def _text_element(parent, name, text, html=True):
    element = etree.SubElement(parent, name)
    if html:
        element.set("format", "html")
    etree.SubElement(element, "text").text = text
    return element


def write_moodle_xml(questions) -> tuple[bytes, list[RowProblem]]:
    """A Moodle XML quiz file holding every question (all our types exist in Moodle)."""
    root = etree.Element("quiz")
    for question in questions:
        element = etree.SubElement(root, "question",
                                   type="truefalse" if question.kind == QuestionKind.TRUE_FALSE else "multichoice")
        name = etree.SubElement(element, "name")
        etree.SubElement(name, "text").text = question.id
        _text_element(element, "questiontext", question.stem)
        _text_element(element, "generalfeedback", question.explanation)
        etree.SubElement(element, "defaultgrade").text = "1"
        if question.kind == QuestionKind.TRUE_FALSE:
            for value, option_id in (("true", TRUE_ID), ("false", FALSE_ID)):
                answer = _text_element(element, "answer", value, html=False)
                answer.set("fraction", "100" if option_id in question.answer else "0")
        else:
            etree.SubElement(element, "single").text = "true" if question.kind == QuestionKind.SINGLE else "false"
            etree.SubElement(element, "shuffleanswers").text = "true"
            etree.SubElement(element, "answernumbering").text = "ABCD"
            share = 100 / max(len(question.answer), 1)
            for option in question.options:
                correct = option.id in question.answer
                fraction = ("100" if question.kind == QuestionKind.SINGLE else f"{share:.5f}") if correct else (
                    "0" if question.kind == QuestionKind.SINGLE else "-100")
                _text_element(element, "answer", option.text).set("fraction", fraction)
        etree.SubElement(element, "idnumber").text = question.id
        tags = etree.SubElement(element, "tags")
        for tag in (*question.tags, DIFFICULTY_TAG + question.difficulty.value):
            etree.SubElement(etree.SubElement(tags, "tag"), "text").text = tag
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True), []
