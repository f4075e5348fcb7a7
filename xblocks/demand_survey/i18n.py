"""Messages of the survey's pure-logic modules: Django's translation in the LMS, the package catalog elsewhere."""
from pathlib import Path

from xblocks.i18n import package_gettext

_ = package_gettext(Path(__file__).parent)
