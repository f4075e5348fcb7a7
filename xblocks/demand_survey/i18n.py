"""Messages of the survey's pure-logic modules: Django's translation in the LMS, the package catalog elsewhere."""
import gettext as python_gettext
from pathlib import Path

_catalog = python_gettext.translation("django", localedir=Path(__file__).parent / "conf" / "locale", fallback=True)


def _(text):
    """``text`` translated by Django when it is configured (the LMS's language), else by this package's catalog."""
    from django.conf import settings  # pylint: disable=import-outside-toplevel

    if settings.configured:
        from django.utils.translation import gettext  # pylint: disable=import-outside-toplevel

        return gettext(text)
    return _catalog.gettext(text)
