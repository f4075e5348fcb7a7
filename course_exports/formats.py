"""Which bank format a file is in, by its extension (and, for .txt and .xml, by its content)."""
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from xblocks.level_challenge.bank_template import BankProblem, read_bank_template, write_bank_template

from .aiken import read_aiken, write_aiken
from .gift import read_gift, write_gift
from .i18n import _
from .moodle_xml import read_moodle_xml, write_moodle_xml
from .olx_bank import read_olx, write_olx


@dataclass(frozen=True)
class BankFormat:
    name: str
    read: Callable  # (data: bytes, filename: str) -> (list[Question], list[BankProblem])
    write: Callable  # (questions, filename: str) -> (bytes, list[BankProblem] skipped)


FORMATS = {
    "xlsx": BankFormat("xlsx", read_bank_template, lambda questions, name: (write_bank_template(questions, name), [])),
    "csv": BankFormat("csv", read_bank_template, lambda questions, name: (write_bank_template(questions, name), [])),
    "gift": BankFormat("gift", read_gift, lambda questions, name: write_gift(questions)),
    "aiken": BankFormat("aiken", read_aiken, lambda questions, name: write_aiken(questions)),
    "moodle": BankFormat("moodle", read_moodle_xml, lambda questions, name: write_moodle_xml(questions)),
    "olx": BankFormat("olx", read_olx, lambda questions, name: write_olx(questions)),
}
EXTENSIONS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv", ".gift": "gift", ".aiken": "aiken", ".olx": "olx"}


class UnknownFormat(ValueError):
    """The file's format cannot be told from its name or content."""


def sniff_text(data: bytes) -> str:
    """GIFT or Aiken for a .txt file: Aiken has ANSWER: lines, GIFT has braces."""
    head = data[:65536].decode("utf-8", errors="replace")
    return "aiken" if "ANSWER:" in head.upper() and "{" not in head else "gift"


def sniff_xml(data: bytes) -> str:
    head = data[:4096].decode("utf-8", errors="replace")
    return "olx" if "<level_challenge" in head and "<quiz" not in head else "moodle"


def format_of(filename: str, data: bytes | None = None, *, name: str = "") -> BankFormat:
    """The format named ``name``, or the one ``filename`` (and ``data`` when given) is in."""
    if name:
        if name not in FORMATS:
            raise UnknownFormat(_("unknown format \"{name}\"; use one of: {names}").format(
                name=name, names=", ".join(FORMATS)))
        return FORMATS[name]
    path = PurePath(filename.lower())
    suffix = path.suffix
    if suffix in EXTENSIONS:
        return FORMATS[EXTENSIONS[suffix]]
    if suffix == ".txt":
        return FORMATS[sniff_text(data) if data is not None else "gift"]
    if suffix == ".xml":
        if data is not None:
            return FORMATS[sniff_xml(data)]
        return FORMATS["olx" if path.stem.endswith(".olx") else "moodle"]
    raise UnknownFormat(_("cannot tell the format of \"{filename}\"; name it .xlsx, .csv, .gift, .txt, .aiken, "
                          ".xml or .olx").format(filename=filename))


def read_text(data: bytes, filename: str = ""):
    """A .txt bank: GIFT or Aiken, told from its content (registered for the block's import)."""
    return FORMATS[sniff_text(data)].read(data, filename)


def read_xml(data: bytes, filename: str = ""):
    """An .xml bank: Moodle XML or level_challenge OLX, told from its root (registered for the block)."""
    return FORMATS[sniff_xml(data)].read(data, filename)


def read_bank(data: bytes, filename: str, *, name: str = "") -> tuple[list, list[BankProblem]]:
    try:
        bank_format = format_of(filename, data, name=name)
    except UnknownFormat as exc:
        return [], [BankProblem(None, "", str(exc))]
    return bank_format.read(data, filename)
