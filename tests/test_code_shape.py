"""
The shipped code keeps the shape a newcomer can read: no module over 400 lines, no function over
60 (docs/decisions/0011). A module or function that outgrows them is split by what it does.
"""
import ast
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("cadre_common", "question_bank", "xblocks", "credit_plugin", "survey_plugin", "course_exports")
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 400, 60


def shipped_modules():
    for package in SHIPPED:
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_every_shipped_package_is_checked():
    found = {path.relative_to(REPO_ROOT).parts[0] for path in shipped_modules()}
    assert found == set(SHIPPED)


@pytest.mark.parametrize("path", list(shipped_modules()), ids=lambda path: str(path.relative_to(REPO_ROOT)))
def test_modules_and_functions_stay_small(path):
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES, f"{path.name} has {source.count(chr(10))} lines"
    long = [
        f"{node.name} (line {node.lineno}): {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, long
