"""
The XLSX/CSV question-bank template (题型, 题干, 选项A–H, 答案, 解析, 难度, 知识点): read and write.

Reads the variants authors actually send: Chinese or English headers, title rows above the
header, answers written ``B``, ``A,B,D``, ``ABD``, ``A、B、D``, in lower case or full width,
true/false as 对/错, 正确/错误, √/×, T/F; up to 8 options; CSV in UTF-8 (with or without BOM),
GB18030 or GBK. The file is read by ``cadre_common.spreadsheets``; reading is all-or-nothing:
the caller gets every problem with its row and column.
"""
import re
import unicodedata
from collections.abc import Iterable, Iterator

from cadre_common.problems import RowProblem
from cadre_common.spreadsheets import (
    Columns,
    SheetSpec,
    UnreadableFile,
    aliases_matcher,
    csv_bytes,
    find_sheet,
    fold,
    read_sheets,
    xlsx_bytes,
)
from cadre_common.spreadsheets.reading import HEADER_SEARCH_ROWS
from question_bank.html import clean_html
from question_bank.i18n import _
from question_bank.questions import (
    FALSE_ID,
    OPTION_IDS,
    TRUE_FALSE_OPTIONS,
    TRUE_ID,
    Difficulty,
    Option,
    Question,
    QuestionKind,
    question_problems,
    stable_question_id,
)

COLUMNS = ("id", "kind", "stem", *(f"option_{letter}" for letter in OPTION_IDS), "answer", "explanation",
           "difficulty", "tags")
# The header the writer puts on top (Chinese, as authors use it).
CHINESE_HEADERS = {"id": "题号", "kind": "题型", "stem": "题干", "answer": "答案", "explanation": "解析",
                   "difficulty": "难度", "tags": "知识点", **{f"option_{x}": f"选项{x}" for x in OPTION_IDS}}
HEADER_ALIASES = {
    "id": ("题号", "编号", "试题编号", "id", "questionid", "no"),
    "kind": ("题型", "类型", "试题类型", "type", "kind", "questiontype"),
    "stem": ("题干", "题目", "试题", "题目内容", "试题内容", "stem", "question", "questiontext"),
    "answer": ("答案", "正确答案", "标准答案", "参考答案", "answer", "correctanswer", "key"),
    "explanation": ("解析", "答案解析", "试题解析", "explanation", "analysis", "feedback"),
    "difficulty": ("难度", "难易度", "难易程度", "difficulty", "level"),
    "tags": ("知识点", "标签", "tags", "tag", "knowledgepoint", "category"),
}
KIND_WORDS = {
    QuestionKind.SINGLE: ("单选", "单选题", "单项选择", "单项选择题", "单选择题", "single", "singlechoice", "sc"),
    QuestionKind.MULTIPLE: ("多选", "多选题", "多项选择", "多项选择题", "不定项", "不定项选择题", "multiple",
                            "multiplechoice", "mc"),
    QuestionKind.TRUE_FALSE: ("判断", "判断题", "是非题", "对错题", "truefalse", "true_false", "tf", "judge"),
}
DIFFICULTY_WORDS = {
    Difficulty.EASY: ("易", "容易", "简单", "低", "1", "easy"),
    Difficulty.MEDIUM: ("中", "中等", "一般", "适中", "2", "medium", "normal"),
    Difficulty.HARD: ("难", "困难", "较难", "高", "3", "hard", "difficult"),
}
TRUE_WORDS = ("对", "正确", "√", "✓", "✔", "T", "TRUE", "Y", "YES", "是")
FALSE_WORDS = ("错", "错误", "×", "✗", "✘", "X", "F", "FALSE", "N", "NO", "否")
ANSWER_SEPARATORS = re.compile(r"[\s,，、;；/|]+")
TAG_SEPARATORS = re.compile(r"[,，;；、|]+")
OPTION_HEADER = re.compile(r"(?:选项|option|choice)?([a-h])")
KIND_LABELS = {QuestionKind.SINGLE: "单选", QuestionKind.MULTIPLE: "多选", QuestionKind.TRUE_FALSE: "判断"}
DIFFICULTY_LABELS = {Difficulty.EASY: "易", Difficulty.MEDIUM: "中", Difficulty.HARD: "难"}

_named_column = aliases_matcher(HEADER_ALIASES)
_kind_named = aliases_matcher(KIND_WORDS)
_difficulty_named = aliases_matcher(DIFFICULTY_WORDS)


def _column_for(header: str) -> str | None:
    """The template column a header means: a named column, or an option letter (A, 选项A, Option A…)."""
    match = OPTION_HEADER.fullmatch(fold(header))
    return _named_column(header) or (f"option_{match.group(1).upper()}" if match else None)


def parse_kind(value: str) -> QuestionKind | None:
    return _kind_named(value)


def parse_difficulty(value: str) -> Difficulty | None:
    """易/中/难 and their synonyms; an empty cell is 中 (medium)."""
    return _difficulty_named(value) if fold(value) else Difficulty.MEDIUM


def parse_answer(value: str, kind: QuestionKind | None) -> tuple[str, ...] | None:
    """Option ids named by an answer cell, or None when it cannot be read."""
    text = unicodedata.normalize("NFKC", str(value)).strip().upper()
    if kind == QuestionKind.TRUE_FALSE:
        if text in TRUE_WORDS or text == "A":
            return (TRUE_ID,)
        if text in FALSE_WORDS or text == "B":
            return (FALSE_ID,)
        return None
    parts = [part for part in ANSWER_SEPARATORS.split(text) if part]
    if len(parts) == 1 and re.fullmatch(r"[A-Z]+", parts[0]):
        parts = list(parts[0])  # ABD
    if not parts or any(not re.fullmatch(r"[A-Z]", part) for part in parts):
        return None
    return tuple(parts)


def parse_tags(value: str) -> tuple[str, ...]:
    return tuple(tag.strip() for tag in TAG_SEPARATORS.split(str(value or "")) if tag.strip())


def read_template(data: bytes, filename: str) -> tuple[list[Question], list[RowProblem]]:
    """Questions from an XLSX or CSV template, and every problem found (row, column header, what)."""
    try:
        sheets = read_sheets(data, filename, first_only=True)
    except UnreadableFile as error:
        return [], [RowProblem(None, "", str(error))]
    sheet = find_sheet(sheets[0] if sheets else [], _column_for, lambda found: {"stem", "answer"} <= found)
    if sheet is None:
        return [], [RowProblem(None, "", _("no header row with 题干 (stem) and 答案 (answer) columns in the first "
                                           "{count} rows").format(count=HEADER_SEARCH_ROWS))]
    questions, problems, numbered = [], [], []
    for number, cells in sheet.rows:
        question, row_problems = _question_from_row(number, cells, sheet.columns)
        problems.extend(row_problems)
        if question is not None:
            questions.append(question)
            numbered.append((number, question))
    located = {part: sheet.columns.label(part) for part in ("id", "stem", "answer")}
    problems.extend(question_problems(numbered, columns=located))
    if not questions and not problems:
        problems.append(RowProblem(None, "", _("the file holds no questions")))
    return questions, sorted(problems, key=lambda problem: (problem.row or 0, problem.column))


def _question_from_row(number: int, cells: list[str], columns: Columns) -> tuple[Question | None, list[RowProblem]]:
    def value(column):
        return columns.value(cells, column)

    def problem(column, message):
        return RowProblem(number, columns.label(column), message)

    problems = []
    option_texts = [(letter, clean_html(value(f"option_{letter}"))) for letter in OPTION_IDS]
    while option_texts and not option_texts[-1][1]:
        option_texts.pop()
    kind = parse_kind(value("kind")) if value("kind") else _guess_kind(value("answer"), option_texts)
    if kind is None:
        problems.append(problem("kind", _("\"{value}\" is not a question type (单选, 多选, 判断)").format(
            value=value("kind"))))
    options = TRUE_FALSE_OPTIONS if kind == QuestionKind.TRUE_FALSE else tuple(
        Option(letter, text) for letter, text in option_texts)
    answer = parse_answer(value("answer"), kind)
    if answer is None:
        problems.append(problem("answer", _("\"{value}\" is not an answer").format(value=value("answer"))
                                if value("answer") else _("the answer is empty")))
    else:
        known = {option.id for option in options}
        problems.extend(problem("answer", _("\"{value}\" is not an option").format(value=letter))
                        for letter in answer if letter not in known)
    difficulty = parse_difficulty(value("difficulty"))
    if difficulty is None:
        problems.append(problem("difficulty", _("\"{value}\" is not a difficulty (易, 中, 难)").format(
            value=value("difficulty"))))
    stem = clean_html(value("stem"))
    if not stem:
        problems.append(problem("stem", _("the stem is empty")))
    if problems:
        return None, problems
    return Question(
        id=value("id") or stable_question_id(kind.value, stem, [option.text for option in options]),
        kind=kind, stem=stem, options=options, answer=answer, explanation=clean_html(value("explanation")),
        difficulty=difficulty, tags=parse_tags(value("tags")),
    ), []


def _guess_kind(answer_cell: str, option_texts: list) -> QuestionKind:
    """Without a 题型 column: true/false words mean 判断, several letters 多选, else 单选."""
    text = unicodedata.normalize("NFKC", answer_cell).strip().upper()
    if not option_texts and (text in TRUE_WORDS or text in FALSE_WORDS):
        return QuestionKind.TRUE_FALSE
    letters = parse_answer(answer_cell, QuestionKind.MULTIPLE) or ()
    return QuestionKind.MULTIPLE if len(letters) > 1 else QuestionKind.SINGLE


def template_rows(questions: Iterable[Question]) -> Iterator[list[str]]:
    """The header and one row of cell texts per question, as the template lays them out."""
    yield [CHINESE_HEADERS[column] for column in COLUMNS]
    for question in questions:
        texts = {option.id: option.text for option in question.options}
        if question.kind == QuestionKind.TRUE_FALSE:
            answer = "对" if question.answer == (TRUE_ID,) else "错"
            option_cells = [""] * len(OPTION_IDS)
        else:
            answer = "".join(question.answer)
            option_cells = [texts.get(letter, "") for letter in OPTION_IDS]
        yield [question.id, KIND_LABELS[question.kind], question.stem, *option_cells, answer, question.explanation,
               DIFFICULTY_LABELS[question.difficulty], "；".join(question.tags)]


def write_template(questions: Iterable[Question], filename: str) -> bytes:
    """
    The questions as an XLSX workbook, or UTF-8 CSV with a BOM when ``filename`` ends in .csv. A text
    that a spreadsheet would run as a formula (=, +, -, @…) is written as text and reads back the same.
    """
    rows = template_rows(questions)
    if filename.lower().endswith(".csv"):
        return csv_bytes(rows)
    return xlsx_bytes([SheetSpec(title="题库", rows=rows, bold_rows=frozenset({1}))])
