"""
Which bank format a file is in, and its reader and writer: the built-in formats by extension (and,
for .txt and .xml, by content), and other packages' readers from the ``cadre_training.bank_formats``
entry-point group, named by the extension they read (docs/decisions/0010).
"""
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import PurePath

from cadre_common.problems import RowProblem
from cadre_common.spreadsheets import too_big, upload_limits
from question_bank.aiken import read_aiken, write_aiken
from question_bank.gift import read_gift, write_gift
from question_bank.i18n import _
from question_bank.moodle_xml import read_moodle_xml, write_moodle_xml
from question_bank.olx import read_olx, write_olx
from question_bank.questions import Question
from question_bank.template import read_template, write_template

log = logging.getLogger(__name__)
ENTRY_POINT_GROUP = "cadre_training.bank_formats"
Reader = Callable[[bytes, str], tuple[list[Question], list[RowProblem]]]
Writer = Callable[[Sequence[Question], str], tuple[bytes, list[RowProblem]]]


class UnknownFormat(ValueError):
    """The format cannot be told from the file's name or content, or it cannot be written."""


@dataclass(frozen=True)
class BankFormat:
    """
    A bank file format: its name, the extensions it is known by, a reader that never raises on bad
    input (every problem with its row or line; unsupported questions ``skipped``), and a writer that
    returns the bytes and the questions it had to skip. Another package's format reads only.
    """

    name: str
    extensions: tuple[str, ...]
    read: Reader
    write: Writer | None = None


def _template_format(name: str, extensions: tuple[str, ...]) -> BankFormat:
    def read(data: bytes, filename: str):
        # ``--from csv`` on "bank.dat": the spreadsheet reader goes by the extension.
        return read_template(data, filename if filename.lower().endswith(extensions) else f"{filename}.{name}")

    return BankFormat(name, extensions, read, lambda questions, filename: (
        write_template(questions, filename if filename.lower().endswith(extensions) else f"{filename}.{name}"), []))


BUILT_IN = {
    bank_format.name: bank_format for bank_format in (
        _template_format("xlsx", ("xlsx", "xlsm")),
        _template_format("csv", ("csv",)),
        BankFormat("gift", ("gift",), read_gift, lambda questions, filename: write_gift(questions)),
        BankFormat("aiken", ("aiken",), read_aiken, lambda questions, filename: write_aiken(questions)),
        BankFormat("moodle", (), read_moodle_xml, lambda questions, filename: write_moodle_xml(questions)),
        BankFormat("olx", ("olx",), read_olx, lambda questions, filename: write_olx(questions)),
    )
}
BY_EXTENSION = {extension: bank_format for bank_format in BUILT_IN.values() for extension in bank_format.extensions}
SNIFFED = ("txt", "xml")  # GIFT or Aiken; Moodle XML or level_challenge OLX


@functools.cache
def plugin_formats() -> dict[str, BankFormat]:
    """Readers other packages register, by the lower-case extension they read (loaded once per process)."""
    found = {}
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        extension = entry_point.name.lower()
        try:
            found[extension] = BankFormat(extension, (extension,), entry_point.load())
        except Exception:  # a broken plugin must not break the editor  # noqa: BLE001
            log.exception("Cannot load bank format %s", entry_point.value)
    return found


def readable_extensions() -> list[str]:
    """Every extension a bank file may have, built-in or registered, sorted."""
    return sorted({*BY_EXTENSION, *SNIFFED, *plugin_formats()})


def sniff_text(data: bytes) -> str:
    """GIFT or Aiken for a .txt file: Aiken has ANSWER: lines, GIFT has braces."""
    head = data[:65536].decode("utf-8", errors="replace")
    return "aiken" if "ANSWER:" in head.upper() and "{" not in head else "gift"


def sniff_xml(data: bytes) -> str:
    head = data[:4096].decode("utf-8", errors="replace")
    return "olx" if "<level_challenge" in head and "<quiz" not in head else "moodle"


def format_of(filename: str, data: bytes | None = None, *, format_name: str = "") -> BankFormat:
    """The format named ``format_name``, or the one ``filename`` (and ``data`` when given) is in."""
    if format_name:
        if format_name not in BUILT_IN:
            raise UnknownFormat(_("unknown format \"{name}\"; use one of: {names}").format(
                name=format_name, names=", ".join(BUILT_IN)))
        return BUILT_IN[format_name]
    path = PurePath(filename.lower())
    extension = path.suffix.lstrip(".")
    if extension in BY_EXTENSION:
        return BY_EXTENSION[extension]
    if extension == "txt":
        return BUILT_IN[sniff_text(data) if data is not None else "gift"]
    if extension == "xml":
        if data is not None:
            return BUILT_IN[sniff_xml(data)]
        return BUILT_IN["olx" if path.stem.endswith(".olx") else "moodle"]
    if extension in plugin_formats():
        return plugin_formats()[extension]
    raise UnknownFormat(_("cannot tell the format of \"{filename}\"; name it .{extensions}").format(
        filename=filename, extensions=", .".join(readable_extensions())))


def read_bank(data: bytes, *, filename: str, format_name: str = "") -> tuple[list[Question], list[RowProblem]]:
    """
    The questions in a bank file and every problem found; never raises for what the file holds.
    A file over the upload limit is refused unread; one of more questions than a spreadsheet may
    have rows is refused (a GIFT or XML file is bounded as an XLSX or CSV one is), for the text
    formats by a count of their markers before the parse.
    """
    refusal = too_big(len(data))
    if refusal:
        return [], [RowProblem(None, "", refusal)]
    most = upload_limits()[1]
    try:
        counted = _marked_questions(format_of(filename, data, format_name=format_name).name, data)
    except UnknownFormat:
        counted = 0
    if counted > most:
        return [], [_too_many_questions(most)]
    questions, problems = _read_bank(data, filename=filename, format_name=format_name)
    if len(questions) > most:
        return [], [_too_many_questions(most)]
    return questions, problems


# What opens each question in a text format, counted before parsing (at least one per question).
_QUESTION_MARKERS = {"gift": (b"{", b"\\{"), "aiken": (b"ANSWER", b""), "moodle": (b"<question ", b'type="category"'),
                     "olx": (b"<question ", b"")}


def _marked_questions(format_name: str, data: bytes) -> int:
    """How many questions a text-format file can hold at most, by its markers (0 for other formats)."""
    if format_name not in _QUESTION_MARKERS:
        return 0
    marker, not_one = _QUESTION_MARKERS[format_name]
    text = data.upper() if format_name == "aiken" else data
    return text.count(marker) - (text.count(not_one) if not_one else 0)


def _too_many_questions(most: int) -> RowProblem:
    return RowProblem(None, "", _("the file holds more than {most} questions; split it into smaller files").format(
        most=most))


def _read_bank(data: bytes, *, filename: str, format_name: str) -> tuple[list[Question], list[RowProblem]]:
    try:
        bank_format = format_of(filename, data, format_name=format_name)
    except UnknownFormat as error:
        return [], [RowProblem(None, "", str(error))]
    if bank_format.name in BUILT_IN:
        return bank_format.read(data, filename)
    try:
        return bank_format.read(data, filename)
    except Exception:  # another package's reader must not break the editor  # noqa: BLE001
        log.exception("The bank format %s failed on %s", bank_format.name, filename)
        return [], [RowProblem(None, "", _("the .{extension} reader failed on this file").format(
            extension=bank_format.name))]


def write_bank(
    questions: Sequence[Question], *, filename: str, format_name: str = ""
) -> tuple[bytes, list[RowProblem]]:
    """``(bytes, skipped questions)`` for ``questions`` in the format ``filename`` (or ``format_name``) names."""
    bank_format = format_of(filename, format_name=format_name)
    if bank_format.write is None:
        raise UnknownFormat(_("files ending in .{extension} can be read but not written").format(
            extension=bank_format.name))
    return bank_format.write(questions, filename)
