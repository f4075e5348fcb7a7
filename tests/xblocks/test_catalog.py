"""
Every word the blocks mark for translation is in their root package's catalog, found without GNU
gettext: Python through its syntax tree, templates through Django's own ``templatize`` (what
makemessages hands xgettext), scripts by their ``gettext("…")`` calls. And each script's words
are the ones the server translates for it when the page has no JavaScript catalog.
"""
import ast
import re
from pathlib import Path

import polib
import pytest
from django.utils.translation.template import templatize

from xblocks.demand_survey import authoring as survey_authoring
from xblocks.demand_survey import presentation as survey_presentation
from xblocks.level_challenge import authoring as challenge_authoring
from xblocks.level_challenge import presentation as challenge_presentation

PACKAGE = Path(__file__).resolve().parents[2] / "xblocks"
SOURCES = PACKAGE / "conf" / "locale" / "en" / "LC_MESSAGES"
# makemessages' keywords: the message's argument positions (pgettext's first is its context).
KEYWORDS = {"_": (0,), "gettext": (0,), "gettext_noop": (0,), "gettext_lazy": (0,), "ngettext": (0, 1),
            "ngettext_lazy": (0, 1), "pgettext": (1,), "npgettext": (1, 2)}
SCRIPT_CALL = re.compile(r"\bgettext\(\"((?:[^\"\\]|\\.)*)\"\)")
WORDS_TABLE = re.compile(r"(\w+|\"\w+\"): gettext\(\"((?:[^\"\\]|\\.)*)\"\)")


def marked_in_python(code: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(code)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        for position in KEYWORDS.get(name, ()):
            if position < len(node.args) and isinstance(node.args[position], ast.Constant):
                found.add(node.args[position].value)
    return {text for text in found if isinstance(text, str)}


def marked_in_template(source: str) -> set[str]:
    """The calls ``templatize`` writes for {% trans %} and {% blocktrans %}, read as Python."""
    code = templatize(source)
    found = set()
    for start in (match.start() for match in re.finditer(r"\b(n?p?gettext)\(", code)):
        ends = (index + 1 for index, char in enumerate(code[start:], start) if char == ")")
        call = next(code[start:end] for end in ends if _parses(code[start:end]))
        found |= marked_in_python(call)
    return found


def _parses(code: str) -> bool:
    try:
        ast.parse(code)
    except SyntaxError:
        return False
    return True


def catalog(domain: str) -> set[str]:
    entries = polib.pofile(str(SOURCES / f"{domain}.po"))
    return {text for entry in entries for text in (entry.msgid, entry.msgid_plural) if text}


def test_the_extractor_finds_what_it_should():
    assert marked_in_python('x = _("a")\ny = i18n.gettext("b")\nz = ngettext("c", "cs", n)\nw = str("d")') == {
        "a", "b", "c", "cs"}
    assert marked_in_template('{% load i18n %}{% trans "Save" %}{% blocktrans %}{{ n }} left{% endblocktrans %}') == {
        "Save", "%(n)s left"}


def test_every_marked_python_and_template_string_is_in_the_catalog():
    marked = set()
    for path in PACKAGE.rglob("*.py"):
        marked |= marked_in_python(path.read_text(encoding="utf-8"))
    for path in PACKAGE.rglob("templates/*.html"):
        marked |= marked_in_template(path.read_text(encoding="utf-8"))
    assert len(marked) > 150
    assert sorted(marked - catalog("django")) == []


def test_every_script_string_is_in_the_javascript_catalog():
    marked = {text for path in PACKAGE.rglob("static/js/*.js")
              for text in SCRIPT_CALL.findall(path.read_text(encoding="utf-8"))}
    assert sorted(marked - catalog("djangojs")) == []
    assert marked


@pytest.mark.parametrize(("script", "words"), [
    ("level_challenge/static/js/level_challenge.js", challenge_presentation.UI_TEXT),
    ("level_challenge/static/js/studio.js", challenge_authoring.SCRIPT_TEXT),
    ("demand_survey/static/js/demand_survey.js", survey_presentation.UI_TEXT),
    ("demand_survey/static/js/studio.js", survey_authoring.SCRIPT_TEXT),
])
def test_a_script_s_words_are_the_ones_the_server_translates_for_it(script, words):
    table = {key.strip('"'): text for key, text in WORDS_TABLE.findall((PACKAGE / script).read_text())}
    assert table == words
