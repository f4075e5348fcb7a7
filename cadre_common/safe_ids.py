"""
The ids that authors and files give to questions and options, kept to a safe alphabet.

An id travels into HTML attributes, CSS selectors, form field names, URLs and database columns;
letters, digits, ``-``, ``_`` and ``.`` are safe in all of them, and ``ID_MAX_LENGTH`` fits the
narrowest column that stores one (survey_plugin's ``question_id`` and ``option``; a test holds them
together). Anything else is refused where it is read, saying which id and why.
"""
import re

from cadre_common.i18n import _

ID_MAX_LENGTH = 64
_SAFE = re.compile(r"[A-Za-z0-9._-]+")


def is_safe_id(value) -> bool:
    """Whether ``value`` is a non-empty id of letters, digits, ``-``, ``_`` and ``.`` within ``ID_MAX_LENGTH``."""
    return isinstance(value, str) and len(value) <= ID_MAX_LENGTH and _SAFE.fullmatch(value) is not None


def id_problem(value) -> str | None:
    """What is wrong with ``value`` as an id (None when it is safe), in words an author can act on."""
    if is_safe_id(value):
        return None
    shown = str(value)
    shown = shown if len(shown) <= 40 else shown[:40] + "…"
    if len(str(value)) > ID_MAX_LENGTH:
        return _("the id %(id)r is longer than %(most)s characters") % {"id": shown, "most": ID_MAX_LENGTH}
    return _("the id %(id)r may hold only letters, digits, -, _ and .") % {"id": shown}
