"""
The level_challenge block's OLX (``<level_challenge>`` with its bank): read and write questions.

The same markup as the block's own (``xblocks.level_challenge.olx`` builds each question), read here
with every problem reported by line:

    <level_challenge display_name="…">
      <level title="…" count="10" …/>            (levels: attributes passed through unchanged)
      <bank>
        <question id="q-1" kind="single" difficulty="easy">
          <stem>HTML</stem> <option id="A">HTML</option>… <answer>A</answer>…
          <explanation>HTML</explanation> <tag>知识点</tag>…
        </question>
      </bank>
    </level_challenge>
"""
from lxml import etree

from xblocks.level_challenge.bank_template import BankProblem, question_problems
from xblocks.level_challenge.olx import add_question_element, question_from_element
from xblocks.level_challenge.questions import Question

from .i18n import _
from .moodle_xml import parse_xml_bytes

TAG = "level_challenge"


def questions_from_element(root) -> tuple[list[Question], list[BankProblem]]:
    """The questions in a parsed ``<level_challenge>`` element, with every problem by line."""
    questions, problems, numbered = [], [], []
    for element in root.iterfind("bank/question"):
        try:
            question = question_from_element(element)
        except ValueError as exc:
            problems.append(BankProblem(element.sourceline, "", _("not a question: {reason}").format(reason=exc)))
            continue
        questions.append(question)
        numbered.append((element.sourceline, question))
    problems.extend(question_problems(numbered))
    return questions, problems


def read_olx(data: bytes, filename: str = "") -> tuple[list[Question], list[BankProblem]]:
    """Questions from a level_challenge OLX file."""
    root, problem = parse_xml_bytes(data)
    if problem:
        return [], [problem]
    if root.tag != TAG:
        return [], [BankProblem(root.sourceline, "", _("the root element is <{tag}>, not <level_challenge>").format(
            tag=root.tag))]
    questions, problems = questions_from_element(root)
    if not questions and not problems:
        problems.append(BankProblem(None, "", _("the file holds no questions")))
    return questions, problems


def block_element(questions, *, display_name: str = "", url_name: str = "", levels=()) -> etree._Element:
    """A ``<level_challenge>`` element holding ``questions`` (and the given levels' attributes)."""
    root = etree.Element(TAG)
    if url_name:
        root.set("url_name", url_name)
    if display_name:
        root.set("display_name", display_name)
    for level in levels:
        etree.SubElement(root, "level", {key: str(value) for key, value in level.items()})
    bank = etree.SubElement(root, "bank")
    for question in questions:
        add_question_element(bank, question)
    return root


def write_olx(questions, *, display_name: str = "") -> tuple[bytes, list[BankProblem]]:
    """A level_challenge OLX file holding every question."""
    root = block_element(questions, display_name=display_name)
    return etree.tostring(root, encoding="utf-8", pretty_print=True), []
