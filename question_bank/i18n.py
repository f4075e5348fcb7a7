"""Messages of the question bank, from its own catalog in the active language."""
from pathlib import Path

from cadre_common.i18n import package_gettext

_ = package_gettext(Path(__file__).parent)
