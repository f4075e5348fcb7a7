"""Messages of the block's pure-logic modules, from the block package's catalog in the active language."""
from pathlib import Path

from cadre_common.i18n import package_gettext

_ = package_gettext(Path(__file__).parent)
