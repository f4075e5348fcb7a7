"""
The survey's OLX: settings as attributes, an optional ``<intro>`` and one ``<question>`` each.

    <demand_survey display_name="学习需求调查" anonymous="true" closes_at="2026-12-31T23:59+08:00">
      <intro>…</intro>
      <question id="q1" kind="single"><prompt>…</prompt><option id="a">…</option>…</question>
      <question id="q2" kind="topics" max_picks="3" ranked="true"><prompt>…</prompt><topic>basics</topic></question>
      <question id="q3" kind="rating" low_label="不需要" high_label="非常需要"><prompt>…</prompt></question>
    </demand_survey>

Only attributes that differ from a question's defaults are written, in a fixed order, so that
export → import → export gives the same bytes.
"""
from lxml import etree

from xblocks.demand_survey.questions import Option, QuestionKind, SurveyQuestion


def question_from_element(element) -> SurveyQuestion:
    return SurveyQuestion(
        id=element.get("id", ""),
        kind=QuestionKind(element.get("kind", "")),
        prompt=(element.findtext("prompt") or "").strip(),
        options=tuple(
            Option(option.get("id", ""), (option.text or "").strip()) for option in element.iterfind("option")
        ),
        required=element.get("required", "true").lower() != "false",
        max_picks=int(element.get("max_picks", "0")),
        ranked=element.get("ranked", "false").lower() == "true",
        topics=tuple((topic.text or "").strip() for topic in element.iterfind("topic")),
        max_length=int(element.get("max_length", "0")),
        low_label=element.get("low_label", ""),
        high_label=element.get("high_label", ""),
    )


def add_question_element(parent, question: SurveyQuestion) -> None:
    attributes = {"id": question.id, "kind": question.kind.value}
    if not question.required:
        attributes["required"] = "false"
    if question.max_picks:
        attributes["max_picks"] = str(question.max_picks)
    if question.ranked:
        attributes["ranked"] = "true"
    if question.max_length:
        attributes["max_length"] = str(question.max_length)
    if question.low_label:
        attributes["low_label"] = question.low_label
    if question.high_label:
        attributes["high_label"] = question.high_label
    element = etree.SubElement(parent, "question", attributes)
    etree.SubElement(element, "prompt").text = question.prompt
    for option in question.options:
        etree.SubElement(element, "option", id=option.id).text = option.text
    for code in question.topics:
        etree.SubElement(element, "topic").text = code


def read_children(node) -> tuple[str, list[SurveyQuestion]]:
    """The intro text and the questions; raises ValueError for an unknown kind or a bad number."""
    return (node.findtext("intro") or "").strip(), [question_from_element(e) for e in node.iterfind("question")]


def write_children(node, intro: str, questions: list[SurveyQuestion]) -> None:
    if intro:
        etree.SubElement(node, "intro").text = intro
    for question in questions:
        add_question_element(node, question)
