"""
The one way into the question bank: the question model, sanitising, every bank format read and
written, the OLX markup the level_challenge block carries its bank in, and a bank's summary.
"""
from cadre_common.problems import RowProblem
from question_bank.formats import BUILT_IN as _BUILT_IN
from question_bank.formats import (
    ENTRY_POINT_GROUP,
    BankFormat,
    UnknownFormat,
    format_of,
    read_bank,
    readable_extensions,
    write_bank,
)
from question_bank.html import clean_html
from question_bank.olx import (
    add_bank_element,
    level_challenge_element,
    questions_from_element,
    questions_in,
)
from question_bank.questions import (
    FALSE_ID,
    OPTION_IDS,
    TRUE_FALSE_OPTIONS,
    TRUE_ID,
    Difficulty,
    Option,
    Question,
    QuestionKind,
    stable_question_id,
)
from question_bank.summary import BankSummary, bank_summary

# The formats that can be both read and written, by name (``cadre-course --from/--to``).
FORMAT_NAMES = tuple(_BUILT_IN)

__all__ = [
    "ENTRY_POINT_GROUP",
    "FALSE_ID",
    "FORMAT_NAMES",
    "OPTION_IDS",
    "TRUE_FALSE_OPTIONS",
    "TRUE_ID",
    "BankFormat",
    "BankSummary",
    "Difficulty",
    "Option",
    "Question",
    "QuestionKind",
    "RowProblem",
    "UnknownFormat",
    "add_bank_element",
    "bank_summary",
    "clean_html",
    "format_of",
    "level_challenge_element",
    "questions_from_element",
    "questions_in",
    "read_bank",
    "readable_extensions",
    "stable_question_id",
    "write_bank",
]
