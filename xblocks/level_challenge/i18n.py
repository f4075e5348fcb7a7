"""Messages of the pure-logic modules, translated by Django in Studio/LMS or by the console's locale."""
from pathlib import Path

from xblocks.i18n import package_gettext

_ = package_gettext(Path(__file__).parent)
