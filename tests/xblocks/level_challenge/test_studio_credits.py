"""Authors set the credits and class hours a challenge earns on completion; they become the ledger's rule for it."""
import json
from decimal import Decimal

import pytest

from credit_plugin.ledger.models import CreditRule
from tests.devhost_blocks import CourseContentRuntime, studio_handler, usage_key

pytestmark = pytest.mark.django_db
USAGE = "level-challenge.level_challenge.d0.u0"


def submit(client, **body):
    body.setdefault("levels", DEMO_LEVELS)
    response = client.post(studio_handler(USAGE, "studio_submit"), data=json.dumps(body),
                           content_type="application/json")
    return response.status_code, response.json()


DEMO_LEVELS = [{"title": "第一关", "count": 5}]


def test_credits_and_hours_saved_in_studio_are_the_blocks_completion_rule(staff_client, staff_user):
    status, report = submit(staff_client, credits="2", hours="1", display_name="工会知识闯关")
    assert (status, report["saved"]) == (200, True)
    [rule] = CreditRule.objects.filter(block_key=str(usage_key(USAGE)))
    assert (rule.trigger, rule.credits, rule.hours, rule.title, rule.active) == (
        "block_completed", Decimal("2.00"), Decimal("1.00"), "工会知识闯关", True)
    block = CourseContentRuntime(staff_user).get_block(USAGE)
    assert (block.completion_credits, block.completion_hours) == ("2.00", "1.00")
    submit(staff_client, credits="2.5", hours="1")  # saved again: the same rule, changed
    assert [(rule.credits, rule.hours) for rule in CreditRule.objects.all()] == [(Decimal("2.50"), Decimal("1.00"))]


@pytest.mark.parametrize(("credits", "message"), [
    ("-1", "请填写不小于 0、最多两位小数的数，如 2 或 0.5。"),
    ("1.005", "请填写不小于 0、最多两位小数的数，如 2 或 0.5。"),
    ("两分", "请填写不小于 0、最多两位小数的数，如 2 或 0.5。"),
    ("NaN", "请填写不小于 0、最多两位小数的数，如 2 或 0.5。"),
    ("100", "请填写小于 100 的数。"),
])
def test_an_amount_that_is_not_one_is_refused_next_to_its_field_and_nothing_is_saved(staff_client, staff_user,
                                                                                     credits, message):
    status, error = submit(staff_client, credits=credits, hours="1", display_name="不该保存")
    assert (status, error["error"]) == (400, "bad_levels")
    assert error["fields"] == [{"level": None, "field": "credits", "message": message}]
    assert error["message"].endswith(f"学分：{message}")
    assert not CreditRule.objects.exists()
    assert CourseContentRuntime(staff_user).get_block(USAGE).display_name != "不该保存"


def test_the_ceiling_is_a_setting(staff_client, settings):
    settings.CADRE_TRAINING_BLOCK_HOURS_CEILING = 8
    status, error = submit(staff_client, credits="1", hours="8")
    assert error["fields"] == [{"level": None, "field": "hours", "message": "请填写小于 8 的数。"}]


def test_without_credits_no_rule_is_written(staff_client):
    assert submit(staff_client, credits="", hours="")[0] == 200
    assert not CreditRule.objects.exists()


def test_a_learner_who_completes_the_block_earns_what_the_author_set_once(staff_client, staff_user, learner,
                                                                            completion_tracking):
    from django.test import Client

    from credit_plugin import api
    from tests.xblocks.level_challenge.test_block import play

    learner_client = Client()
    learner_client.force_login(learner)

    levels = [level.to_dict() for level in CourseContentRuntime(staff_user).get_block(USAGE).levels]
    assert submit(staff_client, levels=levels, credits="1.5", hours="0.5")[0] == 200
    for level in range(3):
        play(learner_client, level)
    play(learner_client, 0)  # played again after completing: no second grant

    def earned():
        return [(entry.credits, entry.hours) for entry in api.entries(user_id=learner.id)
                if entry.recorded_by == "completion"]

    assert earned() == [(Decimal("1.50"), Decimal("0.50"))]


def test_the_credits_travel_in_the_blocks_olx():
    from lxml import etree
    from xblock.test.toy_runtime import ToyRuntime

    from xblocks.level_challenge.demo import demo_scenario_xml

    xml = demo_scenario_xml().replace("<level_challenge ", '<level_challenge completion_credits="2.00" '
                                      'completion_hours="1.00" ', 1)
    runtime = ToyRuntime("author")
    challenge = runtime.get_block(runtime.parse_xml_string(xml))
    assert (challenge.completion_credits, challenge.completion_hours) == ("2.00", "1.00")
    node = etree.Element("level_challenge")
    challenge.add_xml_to_node(node)
    assert (node.get("completion_credits"), node.get("completion_hours")) == ("2.00", "1.00")
