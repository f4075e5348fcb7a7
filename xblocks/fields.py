"""Field types the blocks share beyond ``xblock.fields``."""
import json
from datetime import UTC, datetime

from xblock.fields import DateTime, List

from cadre_common.dates import parse_zoned_datetime


def zoned_text(moment: datetime | None) -> str:
    """2026-12-01T09:00+08:00: ISO 8601 with the offset, seconds only where there are any."""
    if moment is None:
        return ""
    return moment.isoformat(timespec="minutes" if not (moment.second or moment.microsecond) else "auto")


class ZonedDateTime(DateTime):
    """
    A moment an author sets (a competition's window, a survey's dates), kept with the offset it was
    written with and written back the same way: 2026-12-01T09:00+08:00. One without a time zone is
    refused when it is set (Studio) or read from OLX, with a ValueError naming the field: "09:00"
    means nothing to a server in UTC and learners in Asia/Shanghai.
    """

    def from_json(self, value):
        """A stored value; one stored without a zone before zones were required is read as UTC."""
        if value is None or value == "":
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return moment if moment.utcoffset() is not None else moment.replace(tzinfo=UTC)

    def enforce_type(self, value):
        """A value being set: a zoned datetime, or text of one; ValueError names the field otherwise."""
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            if value.utcoffset() is None:
                raise ValueError(f"{self.name}: {value.isoformat()} has no time zone")
            return value
        try:
            return parse_zoned_datetime(value)
        except ValueError as error:
            raise ValueError(f"{self.name}: {error}") from error

    def from_string(self, serialized):
        """An OLX attribute (read as text, never as YAML)."""
        return self.enforce_type(serialized)

    def to_json(self, value):
        return zoned_text(value) if value is not None else None


def moment_from_form(text, *, label: str) -> datetime | None:
    """What an author typed for a ZonedDateTime field (empty: none); ValueError names the field by ``label``."""
    text = str(text or "").strip()
    if not text:
        return None
    try:
        return parse_zoned_datetime(text)
    except ValueError as error:
        raise ValueError(f"{label}: {error}") from error


class ChildList(List):
    """
    A List the block's OLX carries as child elements (its ``parse_xml`` and ``add_xml_to_node``
    read and write them), always assigned whole and never changed in place. By that contract it is
    not MUTABLE, which spares the deep copy XBlock makes of a mutable field on every first read
    (300 ms for a 5,000-question bank); as an attribute it is compact JSON, read with json, not YAML.
    """

    MUTABLE = False

    def from_string(self, serialized):
        return self.enforce_type(json.loads(serialized))

    def to_string(self, value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def list_or_legacy(block, name: str, legacy_name: str) -> list:
    """
    The List field ``name``; a block last saved before that field existed still holds the list as
    JSON text in the String field ``legacy_name``, which is read instead while the List is empty.
    """
    value = getattr(block, name)
    if value:
        return value
    legacy = getattr(block, legacy_name)  # read only for an empty List: each read may be a query
    return json.loads(legacy) if legacy else value


def forget_legacy(block, legacy_name: str) -> None:
    """Once the List is written, the legacy text is deleted so that it can never come back."""
    if block.fields[legacy_name].is_set_on(block):
        delattr(block, legacy_name)
