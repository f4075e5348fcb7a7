"""
Messages of the blocks' pure-logic modules (no runtime, so no i18n service): read from the same
bundled catalog of the root package that XBlockI18nService falls back to,
``xblocks/translations/<locale>/LC_MESSAGES/text.mo`` (decision 0014), in the active language.
"""
from pathlib import Path

from cadre_common.i18n import package_gettext

_ = package_gettext(Path(__file__).parent, locale_dir="translations", domain="text")
