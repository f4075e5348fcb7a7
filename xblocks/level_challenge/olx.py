"""
The block's OLX: settings as attributes, ``<level>`` elements, and the bank as ``<bank><question>``.

    <level_challenge display_name="…" competition_start="…" competition_end="…" leaderboard_names="masked">
      <level title="第一关" count="10" tags="工会法,章程" quotas="easy:5,medium:5" pass_percent="60" …/>
      <bank>
        <question id="q-1" kind="single" difficulty="easy">
          <stem>HTML</stem><option id="A">HTML</option>…<answer>A</answer><explanation>…</explanation><tag>…</tag>
        </question>
      </bank>
    </level_challenge>

The bank's markup is question_bank's (``question_bank.api``), which sanitises author HTML on the
way in; the levels' attributes are the block's own.
"""

from lxml import etree

from question_bank import api as bank_api
from xblocks.level_challenge.levels import Level

LEVEL_DEFAULTS = Level(title="").to_dict()


def level_attributes(level: Level) -> dict:
    """Attributes of a ``<level>``: only those that differ from the defaults, in a fixed order."""
    values = level.to_dict()
    attributes = {"title": level.title, "count": str(level.count)}
    if level.tags:
        attributes["tags"] = ",".join(level.tags)
    if level.quotas:
        attributes["quotas"] = ",".join(f"{key}:{value}" for key, value in level.quotas.items())
    for name in ("pass_percent", "points_per_correct", "time_limit_seconds", "attempts_allowed"):
        if values[name] != LEVEL_DEFAULTS[name]:
            attributes[name] = str(values[name])
    if not level.requires_previous:
        attributes["requires_previous"] = "false"
    if level.prerequisite_block:
        attributes["prerequisite_block"] = level.prerequisite_block
    return attributes


def level_from_attributes(attributes, *, number: int = 1) -> Level:
    data = dict(attributes)
    data["tags"] = [tag.strip() for tag in data.get("tags", "").split(",") if tag.strip()]
    data["quotas"] = {
        part.split(":")[0].strip(): part.split(":")[1].strip() for part in data.get("quotas", "").split(",")
        if ":" in part
    }
    data["requires_previous"] = data.get("requires_previous", "true").lower() != "false"
    return Level.from_dict(data, number=number)


def read_children(node) -> tuple[list[Level], list[bank_api.Question]]:
    """The levels and the bank's questions; ValueError for a question or level that cannot be read."""
    levels = [level_from_attributes(child.attrib, number=number)
              for number, child in enumerate(node.iterfind("level"), start=1)]
    return levels, bank_api.questions_in(node)


def write_children(node, levels, questions):
    for level in levels:
        etree.SubElement(node, "level", level_attributes(level))
    bank_api.add_bank_element(node, questions)
