"""
Translation for packages whose messages are not in Django's catalogs (the blocks' logic, the
question bank, course_exports, this package): each package ships its catalog (``conf/locale``; the
XBlocks the bundled ``translations`` of decision 0014) and reads it in the language Django has
active, or in the console's LANGUAGE/LANG outside Django.
"""
import functools
import gettext as python_gettext
from pathlib import Path

# Django language codes whose catalog is filed under another locale name.
LOCALE_ALIASES = {"zh_Hans": "zh_CN", "zh": "zh_CN", "zh_Hant": "zh_TW"}


@functools.cache
def _catalog(locale_dir: str, domain: str, locale: str | None) -> python_gettext.NullTranslations:
    languages = [LOCALE_ALIASES.get(locale, locale)] if locale else None
    return python_gettext.translation(domain, localedir=locale_dir, languages=languages, fallback=True)


def _active_locale() -> str | None:
    """The locale of Django's active language (None outside Django: the console's locale)."""
    from django.conf import settings

    if not settings.configured:
        return None
    from django.utils import translation

    language = translation.get_language()
    return translation.to_locale(language) if language else None


def package_gettext(package_dir: Path, *, locale_dir: str = "conf/locale", domain: str = "django"):
    """A ``_`` translating into the active language from ``<locale_dir>/<locale>/LC_MESSAGES/<domain>.mo``."""
    directory = str(package_dir / locale_dir)

    def _(text: str) -> str:
        return _catalog(directory, domain, _active_locale()).gettext(text)

    return _


_ = package_gettext(Path(__file__).parent)
