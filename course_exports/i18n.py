"""Translated messages for course_exports, in Django when it runs there, else from the user's locale."""
import gettext as python_gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "conf" / "locale"
_catalog = python_gettext.translation("django", localedir=LOCALE_DIR, fallback=True)


def _(text: str) -> str:
    """``text`` in the language of the request (inside Django) or of LANGUAGE/LANG (the console)."""
    from django.conf import settings  # pylint: disable=import-outside-toplevel

    if settings.configured:
        from django.utils.translation import gettext  # pylint: disable=import-outside-toplevel

        return gettext(text)
    return _catalog.gettext(text)
