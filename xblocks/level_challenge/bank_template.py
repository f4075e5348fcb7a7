"""
The XLSX/CSV question-bank template (题型, 题干, 选项A–H, 答案, 解析, 难度, 知识点): read and write.

Reads the variants authors actually send: Chinese or English headers, title rows above the
header, answers written ``B``, ``A,B,D``, ``ABD``, ``A、B、D``, in lower case or full width,
true/false as 对/错, 正确/错误, √/×, T/F; up to 8 options; CSV in UTF-8 (with or without BOM),
GB18030 or GBK. Reading is all-or-nothing: the caller gets every problem with its row and column.
"""
import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

import nh3

from .i18n import _
from .questions import FALSE_ID, OPTION_IDS, TRUE_ID, Difficulty, Option, Question, QuestionKind


@dataclass(frozen=True)
class BankProblem:
    """One thing wrong with a bank file: where (row or line, column) and what."""

    row: int | None
    column: str
    message: str
    skipped: bool = False  # a question of a type we do not support, reported and left out

    def __str__(self):
        where = []
        if self.row is not None:
            where.append(_("row {row}").format(row=self.row))
        if self.column:
            where.append(_("column {column}").format(column=self.column))
        return f"{', '.join(where)}: {self.message}" if where else self.message


COLUMNS = ("id", "kind", "stem", *(f"option_{letter}" for letter in OPTION_IDS), "answer", "explanation",
           "difficulty", "tags")
# The header written by write_bank_template (Chinese first, as authors use it).
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
CSV_ENCODINGS = ("utf-8-sig", "gb18030")  # GB18030 is a superset of GBK and GB2312
HEADER_SEARCH_ROWS = 10
TRUE_FALSE_OPTIONS = (Option(TRUE_ID, "正确"), Option(FALSE_ID, "错误"))  # how every format writes 判断 options


def clean_html(text: str) -> str:
    """Author HTML reduced to nh3's safe allowlist (plain text passes through, escaped)."""
    return nh3.clean(text).strip()


def _key(text) -> str:
    """A header or keyword folded for comparison: full width to half width, no spaces, lower case."""
    return re.sub(r"[\s_\-:：()（）]+", "", unicodedata.normalize("NFKC", str(text))).lower()


def _column_for(header) -> str | None:
    key = _key(header)
    if not key:
        return None
    for column, aliases in HEADER_ALIASES.items():
        if key in {_key(alias) for alias in aliases}:
            return column
    match = re.fullmatch(r"(?:选项|option|choice)?([a-h])", key)
    return f"option_{match.group(1).upper()}" if match else None


def stable_question_id(kind: str, stem: str, option_texts) -> str:
    """An id derived from the content, so re-importing the same sheet keeps every question's id."""
    digest = hashlib.sha1("\x1f".join([kind, stem, *option_texts]).encode("utf-8")).hexdigest()
    return f"q-{digest[:12]}"


def parse_kind(value) -> QuestionKind | None:
    key = _key(value)
    for kind, words in KIND_WORDS.items():
        if key in {_key(word) for word in words}:
            return kind
    return None


def parse_difficulty(value) -> Difficulty | None:
    key = _key(value)
    if not key:
        return Difficulty.MEDIUM
    for difficulty, words in DIFFICULTY_WORDS.items():
        if key in {_key(word) for word in words}:
            return difficulty
    return None


def parse_answer(value, kind: QuestionKind | None) -> tuple[str, ...] | None:
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


def parse_tags(value) -> tuple[str, ...]:
    return tuple(tag.strip() for tag in TAG_SEPARATORS.split(str(value or "")) if tag.strip())


def question_problems(numbered: list[tuple[int | None, Question]], *, stem_column: str = "") -> list[BankProblem]:
    """Every question's own problems plus duplicates (same stem and options) within the file."""
    problems, seen = [], {}
    for row, question in numbered:
        problems.extend(BankProblem(row, "", message) for message in question.problems())
        fingerprint = (_key(question.stem), tuple(_key(option.text) for option in question.options))
        if fingerprint in seen:
            problems.append(BankProblem(row, stem_column, _("duplicate of the question in row {row}").format(
                row=seen[fingerprint])))
        else:
            seen[fingerprint] = row
    return problems


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _sheet_rows(data: bytes, filename: str):
    """(row number, list of cell strings) for every row, or raise ValueError with a readable reason."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        import openpyxl  # pylint: disable=import-outside-toplevel

        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError, AttributeError) as exc:
            raise ValueError(_("not a readable XLSX workbook ({reason})").format(reason=type(exc).__name__)) from exc
        try:
            sheet = book.worksheets[0]
            return [(number, [_cell(value) for value in row])
                    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
        except Exception as exc:  # openpyxl raises many kinds on damaged sheets  # noqa: BLE001
            raise ValueError(_("not a readable XLSX workbook ({reason})").format(reason=type(exc).__name__)) from exc
        finally:
            book.close()
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError(_("the file is neither UTF-8 nor GB18030/GBK text"))
    if "\x00" in text:
        raise ValueError(_("the file is binary, not CSV text"))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        return [(number, [cell.strip() for cell in row])
                for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1)]
    except csv.Error as exc:
        raise ValueError(_("the CSV cannot be read: {reason}").format(reason=exc)) from exc


def _find_header(rows):
    """The header row (the first with a stem and an answer column) and where each column is."""
    for number, cells in rows[:HEADER_SEARCH_ROWS]:
        columns = {}
        for index, header in enumerate(cells):
            column = _column_for(header)
            if column and column not in columns:
                columns[column] = (index, header)
        if "stem" in columns and "answer" in columns:
            return number, columns
    return None, {}


def read_bank_template(data: bytes, filename: str) -> tuple[list[Question], list[BankProblem]]:
    """Questions from an XLSX or CSV template, and every problem found (row, column header, what)."""
    try:
        rows = _sheet_rows(data, filename)
    except ValueError as exc:
        return [], [BankProblem(None, "", str(exc))]
    header_row, columns = _find_header(rows)
    if header_row is None:
        return [], [BankProblem(None, "", _("no header row with 题干 (stem) and 答案 (answer) columns in the first "
                                            "{count} rows").format(count=HEADER_SEARCH_ROWS))]
    questions, problems, numbered = [], [], []
    for number, cells in rows:
        if number <= header_row or not any(cells):
            continue
        question, row_problems = _question_from_row(number, cells, columns)
        problems.extend(row_problems)
        if question is not None:
            questions.append(question)
            numbered.append((number, question))
    stem_column = columns["stem"][1]
    problems.extend(_in_column(problem, columns) for problem in question_problems(numbered, stem_column=stem_column))
    if not questions and not problems:
        problems.append(BankProblem(None, "", _("the file holds no questions")))
    return questions, sorted(problems, key=lambda problem: (problem.row or 0, problem.column))


def _in_column(problem: BankProblem, columns) -> BankProblem:
    """A problem of the question model placed in the column an author would fix (答案 for answer counts, …)."""
    message = problem.message.lower()
    column = "answer" if "answer" in message else "stem" if "stem" in message else ""
    if problem.column or column not in columns:
        return problem
    return BankProblem(problem.row, columns[column][1], problem.message, problem.skipped)


def _question_from_row(number, cells, columns):
    def value(column):
        index = columns.get(column, (None,))[0]
        return cells[index] if index is not None and index < len(cells) else ""

    def header(column):
        return columns.get(column, (None, column))[1]

    problems = []
    option_texts = [(letter, clean_html(value(f"option_{letter}"))) for letter in OPTION_IDS]
    while option_texts and not option_texts[-1][1]:
        option_texts.pop()
    kind = parse_kind(value("kind")) if value("kind") else None
    if value("kind") and kind is None:
        problems.append(BankProblem(number, header("kind"), _("\"{value}\" is not a question type (单选, 多选, 判断)")
                                    .format(value=value("kind"))))
    if kind is None and not value("kind"):
        kind = _guess_kind(value("answer"), option_texts)
    if kind == QuestionKind.TRUE_FALSE:
        options = TRUE_FALSE_OPTIONS
    else:
        options = tuple(Option(letter, text) for letter, text in option_texts)
    answer = parse_answer(value("answer"), kind)
    if answer is None:
        problems.append(BankProblem(number, header("answer"), _("\"{value}\" is not an answer").format(
            value=value("answer")) if value("answer") else _("the answer is empty")))
    else:
        known = {option.id for option in options}
        for letter in answer:
            if letter not in known:
                problems.append(BankProblem(number, header("answer"), _("\"{value}\" is not an option").format(
                    value=letter)))
    difficulty = parse_difficulty(value("difficulty"))
    if difficulty is None:
        problems.append(BankProblem(number, header("difficulty"), _("\"{value}\" is not a difficulty (易, 中, 难)")
                                    .format(value=value("difficulty"))))
    stem = clean_html(value("stem"))
    if not stem:
        problems.append(BankProblem(number, header("stem"), _("the stem is empty")))
    if problems or kind is None:
        return None, problems
    return Question(
        id=value("id") or stable_question_id(kind.value, stem, [option.text for option in options]),
        kind=kind, stem=stem, options=options, answer=answer, explanation=clean_html(value("explanation")),
        difficulty=difficulty, tags=parse_tags(value("tags")),
    ), []


def _guess_kind(answer_cell, option_texts):
    """Without a 题型 column: true/false words mean 判断, several letters 多选, else 单选."""
    text = unicodedata.normalize("NFKC", answer_cell).strip().upper()
    if not option_texts and (text in TRUE_WORDS or text in FALSE_WORDS):
        return QuestionKind.TRUE_FALSE
    letters = parse_answer(answer_cell, QuestionKind.MULTIPLE) or ()
    return QuestionKind.MULTIPLE if len(letters) > 1 else QuestionKind.SINGLE


KIND_LABELS = {QuestionKind.SINGLE: "单选", QuestionKind.MULTIPLE: "多选", QuestionKind.TRUE_FALSE: "判断"}
DIFFICULTY_LABELS = {Difficulty.EASY: "易", Difficulty.MEDIUM: "中", Difficulty.HARD: "难"}


def template_rows(questions):
    """The header and one row of cell strings per question, as write_bank_template lays them out."""
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


def write_bank_template(questions, filename: str) -> bytes:
    """The questions as an XLSX workbook (or UTF-8 CSV with BOM when ``filename`` ends in .csv)."""
    if filename.lower().endswith(".csv"):
        buffer = io.StringIO(newline="")
        csv.writer(buffer).writerows(template_rows(questions))
        return buffer.getvalue().encode("utf-8-sig")
    import openpyxl  # pylint: disable=import-outside-toplevel

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("题库")
    for row in template_rows(questions):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
