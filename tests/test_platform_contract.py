"""docs/platform-contract.rst names, for each place the suite meets edx-platform, the test that pins it: they exist."""
import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONTRACT = REPO / "docs" / "platform-contract.rst"


def named_tests() -> list[tuple[str, str]]:
    return re.findall(r"``(tests/[\w/]+\.py)::(test_\w+)``", CONTRACT.read_text(encoding="utf-8"))


def test_every_row_names_a_test_and_every_named_test_exists():
    rows = CONTRACT.read_text(encoding="utf-8").split("   * - ")[2:]  # after the table's header row
    unpinned = [row.splitlines()[0] for row in rows if not re.search(r"``tests/[\w/]+\.py::test_\w+``", row)]
    assert len(rows) >= 15 and unpinned == []
    tests = named_tests()
    missing = []
    for path, name in tests:
        tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
        if name not in {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}:
            missing.append(f"{path}::{name}")
    assert missing == []
