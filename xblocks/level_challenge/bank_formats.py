"""
The bank file formats the block's Studio import accepts, found through entry points.

The block reads the XLSX/CSV template itself; other packages (course_exports: GIFT, Aiken,
Moodle XML, OLX) register readers in the ``cadre_training.bank_formats`` entry-point group, named
by the file extension they read, so the block never imports them (docs/decisions/0004).
"""
import logging
from importlib.metadata import entry_points
from pathlib import PurePath

from .bank_template import BankProblem, _, read_bank_template

log = logging.getLogger(__name__)
ENTRY_POINT_GROUP = "cadre_training.bank_formats"
BUILT_IN = {"xlsx": read_bank_template, "xlsm": read_bank_template, "csv": read_bank_template}


def bank_readers() -> dict:
    """Reader per lower-case extension: ``reader(data: bytes, filename: str) -> (questions, problems)``."""
    readers = {}
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            readers[entry_point.name.lower()] = entry_point.load()
        except Exception:  # a broken plugin must not break the editor  # noqa: BLE001
            log.exception("Cannot load bank format %s", entry_point.value)
    return {**readers, **BUILT_IN}


def read_bank_file(data: bytes, filename: str):
    """Questions and problems from an uploaded bank file, whichever registered format it is in."""
    extension = PurePath(filename.lower()).suffix.lstrip(".")
    readers = bank_readers()
    if extension not in readers:
        return [], [BankProblem(None, "", _("files ending in .{extension} cannot be imported; use one of: "
                                            "{extensions}").format(extension=extension,
                                                                   extensions=", ".join(sorted(readers))))]
    return readers[extension](data, filename)
