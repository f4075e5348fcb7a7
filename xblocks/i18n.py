"""Translation for the XBlocks' pure-logic modules, shared by every block package."""
import gettext as python_gettext
from pathlib import Path


def package_gettext(package_dir: Path):
    """
    A ``_`` for a block package: Django's translation when Django is configured (the LMS's or
    Studio's language), else the package's own catalog for the console's LANGUAGE/LANG.
    """
    catalog = python_gettext.translation("django", localedir=package_dir / "conf" / "locale", fallback=True)

    def _(text):
        from django.conf import settings  # pylint: disable=import-outside-toplevel

        if settings.configured:
            from django.utils.translation import gettext  # pylint: disable=import-outside-toplevel

            return gettext(text)
        return catalog.gettext(text)

    return _
