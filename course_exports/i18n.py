"""Messages of course_exports, from its own catalog in the active language (or the console's)."""
from pathlib import Path

from cadre_common.i18n import package_gettext

_ = package_gettext(Path(__file__).parent)
