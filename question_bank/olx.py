"""
The level_challenge block's bank markup in OLX, and the ``<level_challenge>`` file that carries it:

    <level_challenge display_name="…">
      <level title="…" count="10" …/>            (levels: the block's own; passed through here)
      <bank>
        <question id="q-1" kind="single" difficulty="easy">
          <stem>HTML</stem> <option id="A">HTML</option>… <answer>A</answer>…
          <explanation>HTML</explanation> <tag>知识点</tag>…
        </question>
      </bank>
    </level_challenge>

Author HTML is sanitised on the way in. The block parses its OLX with ``question_from_element``
and writes it with ``add_bank_element``; as a bank file, every problem is reported by line.
"""
from collections.abc import Iterable, Mapping

from lxml import etree

from cadre_common.problems import RowProblem
from question_bank.html import clean_html
from question_bank.i18n import _
from question_bank.questions import Difficulty, Option, Question, QuestionKind, question_problems
from question_bank.xml_input import parse_untrusted_xml

TAG = "level_challenge"


def question_from_element(element: etree._Element) -> Question:
    """A ``<question>`` element as a Question; ValueError for an unknown kind or difficulty."""
    return Question(
        id=element.get("id", ""),
        kind=QuestionKind(element.get("kind", "")),
        stem=clean_html(element.findtext("stem") or ""),
        options=tuple(
            Option(option.get("id", ""), clean_html(option.text or "")) for option in element.iterfind("option")
        ),
        answer=tuple((answer.text or "").strip() for answer in element.iterfind("answer")),
        explanation=clean_html(element.findtext("explanation") or ""),
        difficulty=Difficulty(element.get("difficulty", Difficulty.MEDIUM.value)),
        tags=tuple((tag.text or "").strip() for tag in element.iterfind("tag")),
    )


def add_question_element(bank: etree._Element, question: Question) -> None:
    element = etree.SubElement(
        bank, "question", id=question.id, kind=question.kind.value, difficulty=question.difficulty.value
    )
    etree.SubElement(element, "stem").text = question.stem
    for option in question.options:
        etree.SubElement(element, "option", id=option.id).text = option.text
    for answer in question.answer:
        etree.SubElement(element, "answer").text = answer
    if question.explanation:
        etree.SubElement(element, "explanation").text = question.explanation
    for tag in question.tags:
        etree.SubElement(element, "tag").text = tag


def add_bank_element(parent: etree._Element, questions: Iterable[Question]) -> None:
    """A ``<bank>`` child of ``parent`` holding ``questions``."""
    bank = etree.SubElement(parent, "bank")
    for question in questions:
        add_question_element(bank, question)


def questions_in(root: etree._Element) -> list[Question]:
    """The questions of a ``<level_challenge>`` element's bank; ValueError for an unreadable question."""
    return [question_from_element(element) for element in root.iterfind("bank/question")]


def questions_from_element(root: etree._Element) -> tuple[list[Question], list[RowProblem]]:
    """The questions in a parsed ``<level_challenge>`` element, with every problem by line."""
    questions, problems, numbered = [], [], []
    for element in root.iterfind("bank/question"):
        try:
            question = question_from_element(element)
        except ValueError as exc:
            problems.append(RowProblem(element.sourceline, "", _("not a question: {reason}").format(reason=exc)))
            continue
        questions.append(question)
        numbered.append((element.sourceline, question))
    problems.extend(question_problems(numbered))
    return questions, problems


def read_olx(data: bytes, filename: str = "") -> tuple[list[Question], list[RowProblem]]:
    """Questions from a level_challenge OLX file."""
    root, problem = parse_untrusted_xml(data)
    if problem:
        return [], [problem]
    if root.tag != TAG:
        return [], [RowProblem(root.sourceline, "", _("the root element is <{tag}>, not <level_challenge>").format(
            tag=root.tag))]
    questions, problems = questions_from_element(root)
    if not questions and not problems:
        problems.append(RowProblem(None, "", _("the file holds no questions")))
    return questions, problems


def level_challenge_element(
    questions: Iterable[Question], *, display_name: str = "", url_name: str = "",
    levels: Iterable[Mapping] = (),
) -> etree._Element:
    """A ``<level_challenge>`` element holding ``questions`` and a ``<level>`` per mapping of its attributes."""
    root = etree.Element(TAG)
    if url_name:
        root.set("url_name", url_name)
    if display_name:
        root.set("display_name", display_name)
    for level in levels:
        etree.SubElement(root, "level", {key: str(value) for key, value in level.items()})
    add_bank_element(root, questions)
    return root


def write_olx(questions: Iterable[Question], *, display_name: str = "") -> tuple[bytes, list[RowProblem]]:
    """A level_challenge OLX file holding every question."""
    root = level_challenge_element(questions, display_name=display_name)
    return etree.tostring(root, encoding="utf-8", pretty_print=True), []
