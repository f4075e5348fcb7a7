"""Messages of the pure-logic modules, translated by Django in Studio/LMS or by the console's locale."""
import gettext as python_gettext
from pathlib import Path

_catalog = python_gettext.translation("django", localedir=Path(__file__).parent / "conf" / "locale", fallback=True)


def _(text):
    """``text`` translated: by Django inside Studio or the LMS, else for the console's LANGUAGE/LANG."""
    from django.conf import settings  # pylint: disable=import-outside-toplevel

    if settings.configured:
        from django.utils.translation import gettext  # pylint: disable=import-outside-toplevel

        return gettext(text)
    return _catalog.gettext(text)
