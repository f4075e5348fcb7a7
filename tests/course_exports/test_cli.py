"""The `cadre-course` command: exit codes, every problem printed, nothing written on bad input."""

import shutil

import pytest

from course_exports.cli import main
from tests.course_exports.conftest import EXAMPLES

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart


def test_convert_writes_the_target_format(tmp_path, capsys):
    assert main(["convert", str(EXAMPLES / "demo_bank.xlsx"), str(tmp_path / "bank.gift")]) == 0
    assert "30 questions written" in capsys.readouterr().out
    assert (tmp_path / "bank.gift").read_text(encoding="utf-8").startswith("// [id:union-001]")


def test_convert_reports_questions_the_target_cannot_hold(tmp_path, capsys):
    assert main(["convert", str(EXAMPLES / "demo_bank.xlsx"), str(tmp_path / "bank.aiken")]) == 0
    assert "skipped: Aiken holds only single-choice questions (union-011)" in capsys.readouterr().err


def test_convert_of_a_bad_bank_lists_every_problem_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("题型,题干,选项A,选项B,答案\n单选,问一,甲,乙,AB\n单选,,甲,乙,A\n多选,问三,甲,乙,E\n", encoding="gbk")
    assert main(["convert", str(bad), str(tmp_path / "out.gift")]) == 1
    err = capsys.readouterr().err
    assert "row 2, column 答案: a single question has exactly one answer, not 2" in err
    assert "row 3, column 题干: the stem is empty" in err
    assert 'row 4, column 答案: "E" is not an option' in err
    assert "3 problems; nothing written" in err
    assert not (tmp_path / "out.gift").exists()


def test_check_prints_a_summary_by_type_difficulty_and_tag(capsys):
    assert main(["check", str(EXAMPLES / "demo_bank.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "30 questions" in out
    assert "单选 single: 14" in out and "判断 true/false: 7" in out
    assert "易 easy:" in out and "工会法:" in out
    assert out.rstrip().endswith("No problems.")


def test_check_of_an_unknown_file_type_fails(tmp_path, capsys):
    (tmp_path / "bank.docx").write_bytes(b"x")
    assert main(["check", str(tmp_path / "bank.docx")]) == 1
    assert "cannot tell the format" in capsys.readouterr().out


def test_build_then_extract_gives_back_editable_banks(tmp_path, capsys):
    shutil.copy(EXAMPLES / "demo_outline.yaml", tmp_path)
    shutil.copy(EXAMPLES / "demo_bank.xlsx", tmp_path)
    shutil.copy(EXAMPLES / "demo_survey.xml", tmp_path)
    assert main(["build", str(tmp_path / "demo_outline.yaml"), "-o", str(tmp_path / "course.tar.gz")]) == 0
    assert main(["extract", str(tmp_path / "course.tar.gz"), "-d", str(tmp_path / "banks")]) == 0
    assert sorted(path.name for path in (tmp_path / "banks").iterdir()) == [
        "c1s1u2_level_challenge1.xlsx",
        "c2s1u1_level_challenge2.xlsx",
        "c2s1u2_demand_survey1.survey.xml",
        "outline.yaml",
    ]
    assert main(["check", str(tmp_path / "banks" / "c1s1u2_level_challenge1.xlsx")]) == 0


def test_build_of_a_broken_outline_exits_non_zero(tmp_path, capsys):
    (tmp_path / "outline.yaml").write_text("chapters: 3\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "outline.yaml"), "-o", str(tmp_path / "c.tar.gz")]) == 1
    assert "nothing written" in capsys.readouterr().err
    assert not (tmp_path / "c.tar.gz").exists()


def test_extract_of_something_that_is_not_an_archive(tmp_path, capsys):
    (tmp_path / "x.tar.gz").write_bytes(b"not a tarball")
    assert main(["extract", str(tmp_path / "x.tar.gz"), "-d", str(tmp_path / "out")]) == 1
    assert "not a readable course archive" in capsys.readouterr().err


def test_wrong_usage_exits_with_2():
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == 2


def test_convert_into_a_missing_directory_is_an_error_not_a_traceback(tmp_path, capsys):
    assert main(["convert", str(EXAMPLES / "demo_bank.xlsx"), str(tmp_path / "no" / "bank.gift")]) == 1
    assert "cannot be written" in capsys.readouterr().err


def test_check_piped_into_head_stops_quietly(tmp_path):
    """More problems than a pipe holds, read by ``head``: no traceback when head stops reading."""
    import subprocess
    import sys
    from pathlib import Path

    bank = tmp_path / "bank.csv"
    rows = ["题型,题干,选项A,选项B,答案"] + [f"单选,第{n}题,甲,乙,E" for n in range(4000)]
    bank.write_text("\n".join(rows), encoding="utf-8")
    script = Path(sys.executable).parent / "cadre-course"
    result = subprocess.run(
        f"'{script}' check '{bank}' | head -1", shell=True, capture_output=True, text=True, check=False
    )
    assert result.stdout.strip()
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
