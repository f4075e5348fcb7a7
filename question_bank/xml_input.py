"""Parsing XML that authors upload: no entities, no DTD, no network, no huge trees."""
from lxml import etree

from cadre_common.problems import RowProblem
from question_bank.i18n import _

SAFE_PARSER = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def parse_untrusted_xml(data: bytes):
    """(the root element, None), or (None, a RowProblem saying why the bytes are not well-formed XML)."""
    try:
        return etree.fromstring(data, etree.XMLParser(**SAFE_PARSER)), None
    except (etree.XMLSyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        return None, RowProblem(line, "", _("not well-formed XML: {reason}").format(reason=getattr(exc, "msg", exc)))
