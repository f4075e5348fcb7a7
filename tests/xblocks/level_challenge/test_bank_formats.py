"""The block's bank import finds every format through entry points, without importing course_exports."""

import ast
from pathlib import Path

import pytest

from xblocks.level_challenge import bank_formats
from xblocks.level_challenge.bank_formats import bank_readers, read_bank_file

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart


GIFT = "::q1::工会会员有退会的自由。 {TRUE}\n".encode()


def test_the_template_and_the_registered_formats_are_offered():
    assert {"xlsx", "csv", "gift", "aiken", "txt", "xml", "olx"} <= set(bank_readers())


def test_a_gift_upload_is_read_through_the_registered_reader():
    questions, problems = read_bank_file(GIFT, "题库.GIFT")
    assert problems == []
    assert [(question.id, question.answer) for question in questions] == [("q1", ("T",))]


def test_an_unknown_extension_is_a_clear_problem():
    questions, problems = read_bank_file(b"x", "bank.docx")
    assert questions == []
    assert "files ending in .docx cannot be imported" in problems[0].message


def test_the_block_package_never_imports_course_exports():
    source = Path(bank_formats.__file__).read_text(encoding="utf-8")
    imported = [node.module or "" for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)]
    assert not any(module.startswith("course_exports") for module in imported)
