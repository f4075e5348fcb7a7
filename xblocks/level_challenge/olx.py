"""
The block's OLX: settings as attributes, ``<level>`` elements, and the bank as ``<bank><question>``.

    <level_challenge display_name="…" competition_start="…" competition_end="…" leaderboard_names="masked">
      <level title="第一关" count="10" tags="工会法,章程" quotas="easy:5,medium:5" pass_percent="60" …/>
      <bank>
        <question id="q-1" kind="single" difficulty="easy">
          <stem>HTML</stem><option id="A">HTML</option>…<answer>A</answer><explanation>…</explanation><tag>…</tag>
        </question>
      </bank>
    </level_challenge>

The same markup course_exports reads and writes (course_exports/olx_bank.py). Author HTML is
sanitised on the way in.
"""

from lxml import etree

from xblocks.level_challenge.bank_template import clean_html
from xblocks.level_challenge.levels import Level
from xblocks.level_challenge.questions import Difficulty, Option, Question, QuestionKind

LEVEL_DEFAULTS = Level(title="").to_dict()


def level_attributes(level: Level) -> dict:
    """Attributes of a ``<level>``: only those that differ from the defaults, in a fixed order."""
    values = level.to_dict()
    attributes = {"title": level.title, "count": str(level.count)}
    if level.tags:
        attributes["tags"] = ",".join(level.tags)
    if level.quotas:
        attributes["quotas"] = ",".join(f"{key}:{value}" for key, value in level.quotas.items())
    for name in ("pass_percent", "points_per_correct", "time_limit_seconds", "attempts_allowed"):
        if values[name] != LEVEL_DEFAULTS[name]:
            attributes[name] = str(values[name])
    if not level.requires_previous:
        attributes["requires_previous"] = "false"
    if level.prerequisite_block:
        attributes["prerequisite_block"] = level.prerequisite_block
    return attributes


def level_from_attributes(attributes) -> Level:
    data = dict(attributes)
    data["tags"] = [tag.strip() for tag in data.get("tags", "").split(",") if tag.strip()]
    data["quotas"] = {
        part.split(":")[0].strip(): int(part.split(":")[1]) for part in data.get("quotas", "").split(",") if ":" in part
    }
    data["requires_previous"] = data.get("requires_previous", "true").lower() != "false"
    return Level.from_dict(data)


def question_from_element(element) -> Question:
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


def add_question_element(bank, question: Question):
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


def read_children(node) -> tuple[list[Level], list[Question]]:
    levels = [level_from_attributes(child.attrib) for child in node.iterfind("level")]
    questions = [question_from_element(element) for element in node.iterfind("bank/question")]
    return levels, questions


def write_children(node, levels, questions):
    for level in levels:
        etree.SubElement(node, "level", level_attributes(level))
    bank = etree.SubElement(node, "bank")
    for question in questions:
        add_question_element(bank, question)
