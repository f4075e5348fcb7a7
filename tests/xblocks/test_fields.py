"""The blocks' field types: zoned date-times that refuse a time without a zone, and lists OLX writes as children."""
from datetime import UTC, datetime, timedelta, timezone

import pytest
from xblock.core import XBlock
from xblock.fields import Scope

from xblocks.fields import ChildList, ZonedDateTime, moment_from_form, zoned_text

BEIJING = timezone(timedelta(hours=8))


class Dated(XBlock):
    opens = ZonedDateTime(display_name="Opens", help="When", scope=Scope.settings, default=None, enforce_type=True)
    items = ChildList(display_name="Items", help="What", scope=Scope.content, default=[], enforce_type=True)


FIELD = Dated.fields["opens"]


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 12, 1, 9, 0, tzinfo=BEIJING), "2026-12-01T09:00+08:00"),
        (datetime(2026, 12, 1, 9, 0, 30, tzinfo=BEIJING), "2026-12-01T09:00:30+08:00"),
        (datetime(2026, 12, 1, 1, 0, tzinfo=UTC), "2026-12-01T01:00+00:00"),
    ],
)
def test_a_moment_is_written_with_its_offset_and_read_back_the_same(moment, text):
    assert FIELD.to_string(moment) == FIELD.to_json(moment) == zoned_text(moment) == text
    assert FIELD.from_string(text) == FIELD.from_json(text) == moment
    assert FIELD.from_string(text).utcoffset() == moment.utcoffset()


@pytest.mark.parametrize("value", ["2026-12-01T09:00", "2026-12-01", datetime(2026, 12, 1, 9, 0), "next week", 17])
def test_a_value_without_a_zone_is_refused_when_set_naming_the_field(value, english):
    with pytest.raises((ValueError, TypeError), match="opens"):
        FIELD.enforce_type(value)
    with pytest.raises((ValueError, TypeError)):
        FIELD.from_string(str(value))


def test_empty_means_no_moment():
    assert FIELD.enforce_type("") is FIELD.from_json("") is FIELD.from_json(None) is None
    assert zoned_text(None) == ""


def test_a_value_stored_without_a_zone_before_zones_were_required_reads_as_utc():
    assert FIELD.from_json("2026-12-01T09:00") == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_the_form_names_the_field_by_its_label(english):
    assert moment_from_form(" ", label="Closes") is None
    assert moment_from_form("2026-12-31T18:00+08:00", label="Closes") == datetime(2026, 12, 31, 18, tzinfo=BEIJING)
    with pytest.raises(ValueError, match="^Closes: 2026-12-31T18:00 has no time zone"):
        moment_from_form("2026-12-31T18:00", label="Closes")


def test_a_child_list_is_compact_json_as_an_attribute_and_never_yaml():
    items = ChildList().from_string('[{"id": "q-1", "text": "工会: yes"}]')
    assert items == [{"id": "q-1", "text": "工会: yes"}]
    assert ChildList().to_string(items) == '[{"id":"q-1","text":"工会: yes"}]'
    with pytest.raises(ValueError):
        ChildList().from_string("- id: q-1")  # YAML would have read it


@pytest.mark.parametrize("block_type", ["level_challenge", "demand_survey"])
def test_every_authored_field_has_a_label_help_and_default(block_type):
    block_class = XBlock.load_class(block_type)
    for field in block_class.fields.values():
        if field.scope in (Scope.content, Scope.settings, Scope.user_state, Scope.user_state_summary) and \
                field.name not in ("parent", "tags", "children"):
            assert field.display_name and field.help, field.name
