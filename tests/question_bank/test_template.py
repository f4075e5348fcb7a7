"""The XLSX/CSV bank template: the variants authors send are read, and every mistake is located."""

import csv
import io

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.api import Difficulty, Option, Question, QuestionKind, read_bank, write_bank

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart



def read_bank_template(data, filename):
    return read_bank(data, filename=filename)


def write_bank_template(questions, filename):
    data, skipped = write_bank(questions, filename=filename)
    assert skipped == []
    return data


HEADER = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "难度", "知识点"]


def xlsx(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, encoding="utf-8"):
    return "\n".join(",".join(row) for row in rows).encode(encoding)


def read_one(row, header=HEADER):
    questions, problems = read_bank_template(xlsx([header, row]), "bank.xlsx")
    assert problems == []
    assert len(questions) == 1
    return questions[0]


def test_a_chinese_sheet_with_a_title_row_is_read_from_its_header_on():
    data = xlsx(
        [
            ["2026年工会知识题库"],
            [],
            HEADER,
            [
                "单选",
                "基层工会委员会每届任期为（ ）。",
                "一年",
                "二年",
                "三年或五年",
                "十年",
                "C",
                "工会法第十三条",
                "中",
                "工会法；组织建设",
            ],
        ]
    )
    questions, problems = read_bank_template(data, "题库.xlsx")
    assert problems == []
    (question,) = questions
    assert question.kind == QuestionKind.SINGLE
    assert question.stem == "基层工会委员会每届任期为（ ）。"
    assert [option.text for option in question.options] == ["一年", "二年", "三年或五年", "十年"]
    assert question.answer == ("C",)
    assert question.difficulty == Difficulty.MEDIUM
    assert question.tags == ("工会法", "组织建设")
    assert question.explanation == "工会法第十三条"


def test_english_headers_are_understood():
    header = ["Type", "Question", "Option A", "Option B", "Option C", "Answer", "Explanation", "Difficulty", "Tags"]
    question = read_one(["multiple", "Pick two", "x", "y", "z", "A,C", "", "hard", "a, b"], header)
    assert question.kind == QuestionKind.MULTIPLE
    assert question.answer == ("A", "C")
    assert question.difficulty == Difficulty.HARD
    assert question.tags == ("a", "b")


@pytest.mark.parametrize("written", ["A,B,D", "ABD", "A、B、D", "abd", "ＡＢＤ", "A，B，D", "A B D", "a;b;d"])
def test_multiple_answers_in_every_common_spelling(written):
    question = read_one(["多选", "哪些对？", "甲", "乙", "丙", "丁", written, "", "", ""])
    assert question.answer == ("A", "B", "D")


@pytest.mark.parametrize(
    ("written", "answer"),
    [
        ("对", "T"),
        ("错", "F"),
        ("正确", "T"),
        ("错误", "F"),
        ("√", "T"),
        ("×", "F"),
        ("T", "T"),
        ("f", "F"),
        ("Ｔ", "T"),
    ],
)
def test_true_false_in_every_common_spelling(written, answer):
    question = read_one(["判断", "工会会员有退会的自由。", "", "", "", "", written, "", "易", ""])
    assert question.kind == QuestionKind.TRUE_FALSE
    assert [option.id for option in question.options] == ["T", "F"]
    assert question.answer == (answer,)


def test_eight_options_are_read():
    header = ["题型", "题干", *(f"选项{letter}" for letter in "ABCDEFGH"), "答案"]
    question = read_one(["多选", "八个选项", *"一二三四五六七八", "AH"], header)
    assert [option.id for option in question.options] == list("ABCDEFGH")
    assert question.answer == ("A", "H")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_in_utf8_with_or_without_bom_and_in_gbk(encoding):
    data = csv_bytes(
        [HEADER, ["单选", "工会经费按工资总额的百分之几拨缴？", "一", "二", "三", "五", "B", "", "易", "工会经费"]],
        encoding,
    )
    questions, problems = read_bank_template(data, "bank.csv")
    assert problems == []
    assert questions[0].stem == "工会经费按工资总额的百分之几拨缴？"
    assert questions[0].tags == ("工会经费",)


def test_without_a_type_column_the_answer_tells_single_from_multiple():
    header = ["题干", "A", "B", "C", "答案"]
    questions, problems = read_bank_template(
        xlsx([header, ["一个", "x", "y", "z", "B"], ["两个", "x", "y", "z", "BC"]]), "bank.xlsx"
    )
    assert problems == []
    assert [question.kind for question in questions] == [QuestionKind.SINGLE, QuestionKind.MULTIPLE]


def test_ids_are_kept_or_derived_stably_from_the_content():
    rows = [
        ["题号", *HEADER],
        ["q-7", "单选", "问", "甲", "乙", "", "", "A", "", "", ""],
        ["", "单选", "另一问", "甲", "乙", "", "", "A", "", "", ""],
    ]
    first, _ = read_bank_template(xlsx(rows), "bank.xlsx")
    again, _ = read_bank_template(xlsx(rows), "bank.xlsx")
    assert first[0].id == "q-7"
    assert first[1].id == again[1].id != ""


def test_hostile_html_is_sanitised():
    question = read_one(
        ["单选", "<script>alert(1)</script><b>粗体</b>", "<img src=x onerror=alert(1)>", "乙", "", "", "A", "", "", ""]
    )
    assert "<script" not in question.stem and "<b>粗体</b>" in question.stem
    assert "onerror" not in question.options[0].text


class TestBadInput:
    def problems(self, rows):
        questions, problems = read_bank_template(xlsx([HEADER, *rows]), "bank.xlsx")
        return [str(problem) for problem in problems]

    def test_an_answer_naming_a_missing_option_says_row_column_and_value(self):
        assert self.problems([["单选", "问", "甲", "乙", "", "", "E", "", "", ""]]) == [
            'row 2, column 答案: "E" is not an option'
        ]

    def test_a_single_choice_question_with_two_answers(self):
        assert self.problems([["单选", "问", "甲", "乙", "", "", "AB", "", "", ""]]) == [
            "row 2, column 答案: a single question has exactly one answer, not 2"
        ]

    def test_an_empty_stem(self):
        assert self.problems([["单选", "", "甲", "乙", "", "", "A", "", "", ""]]) == [
            "row 2, column 题干: the stem is empty"
        ]

    def test_duplicate_questions_point_at_the_first(self):
        row = ["单选", "问", "甲", "乙", "", "", "A", "", "", ""]
        assert self.problems([row, ["单选", "问 ", "甲", "乙", "", "", "B", "", "", ""]]) == [
            "row 3, column 题干: duplicate of the question in row 2"
        ]

    def test_unknown_type_and_difficulty(self):
        assert self.problems([["填空", "问", "甲", "乙", "", "", "A", "", "超难", ""]]) == [
            'row 2, column 难度: "超难" is not a difficulty (易, 中, 难)',
            'row 2, column 题型: "填空" is not a question type (单选, 多选, 判断)',
        ]

    def test_every_problem_in_the_file_is_listed_and_no_question_returned_for_bad_rows(self):
        questions, problems = read_bank_template(
            xlsx(
                [
                    HEADER,
                    ["单选", "", "甲", "", "", "", "", "", "", ""],
                    ["单选", "好", "甲", "乙", "", "", "Z", "", "", ""],
                ]
            ),
            "b.xlsx",
        )
        assert {problem.row for problem in problems} == {2, 3}
        assert len(questions) == 0

    def test_a_file_in_an_unknown_encoding(self):
        _questions, problems = read_bank_template(b"\xff\xfe\x00\xd8\x00\x00\x81", "bank.csv")
        assert [str(problem) for problem in problems] == [
            "The file is neither UTF-8 nor GB18030/GBK text; save it as CSV UTF-8 or as .xlsx."
        ]

    def test_a_sheet_without_the_header(self):
        _questions, problems = read_bank_template(xlsx([["a", "b"], ["c", "d"]]), "bank.xlsx")
        assert "no header row" in str(problems[0])

    def test_a_damaged_workbook(self):
        _questions, problems = read_bank_template(b"PK\x03\x04not really", "bank.xlsx")
        assert "not a readable .xlsx workbook" in str(problems[0])


def test_written_template_reads_back_to_the_same_questions():
    rows = [
        HEADER,
        ["单选", "问<b>一</b>", "甲", "乙", "丙", "", "C", "因为", "难", "a;b"],
        ["判断", "对吗", "", "", "", "", "错", "", "易", ""],
        ["多选", "哪些", "甲", "乙", "丙", "丁", "ABD", "", "", "c"],
    ]
    questions, _ = read_bank_template(xlsx(rows), "bank.xlsx")
    for name in ("again.xlsx", "again.csv"):
        again, problems = read_bank_template(write_bank_template(questions, name), name)
        assert problems == []
        assert again == questions


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["bank.csv", "bank.xlsx"]))
def test_no_bytes_make_the_reader_crash(data, filename):
    questions, problems = read_bank_template(data, filename)
    assert questions or problems


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=11), max_size=5))
def test_no_sheet_contents_make_the_reader_crash(rows):
    questions, problems = read_bank_template(
        csv_bytes([HEADER] + [[cell.replace(",", "").replace("\n", "") for cell in row] for row in rows]), "bank.csv"
    )
    assert questions or problems or not any(any(cell.strip() for cell in row) for row in rows)


def test_problems_read_in_chinese_for_chinese_authors():
    from django.utils import translation

    with translation.override("zh-cn"):
        _questions, problems = read_bank_template(
            xlsx([HEADER, ["单选", "问", "甲", "乙", "", "", "E", "", "", ""]]), "b.xlsx"
        )
        assert [str(problem) for problem in problems] == ["第 2 行，“答案”列：“E”不是选项"]


FORMULA_STARTS = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 531 1234", "-1 分", "@工会", "\t=1+1", "\r=1+1"]


def guarded_question(start):
    return Question(id=f"f-{len(start)}", kind=QuestionKind.SINGLE, stem=start + " 是什么？",
                    options=(Option("A", start), Option("B", "乙")), answer=("A",), explanation=start)


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_an_xlsx_export_never_writes_a_formula_and_reads_back_as_written(start):
    question = guarded_question(start)
    data = write_bank_template([question], "bank.xlsx")
    cells = [cell for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert start + " 是什么？" in [cell.value for cell in cells]
    (again,), problems = read_bank_template(data, "bank.xlsx")
    assert problems == []
    # The bank keeps texts trimmed (as every format reads them), so a leading TAB or CR is the one change.
    assert (again.stem, again.options[0].text, again.explanation) == (
        (start + " 是什么？").strip(), start.strip(), start.strip())


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_csv_export_guards_formulas_with_an_apostrophe_that_the_reader_takes_off(start):
    question = guarded_question(start)
    data = write_bank_template([question], "bank.csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert all(not cell or cell[0] not in "=+-@\t\r" for row in rows for cell in row)
    assert "'" + start + " 是什么？" in rows[1]
    (again,), problems = read_bank_template(data, "bank.csv")
    assert problems == []
    assert (again.stem, again.options[0].text, again.explanation) == (
        (start + " 是什么？").strip(), start.strip(), start.strip())
