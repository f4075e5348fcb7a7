"""Defining credit rules from code (seed data, course builders); administrators use Django admin."""
from decimal import Decimal

from opaque_keys.edx.django.models import CourseKeyField
from opaque_keys.edx.keys import CourseKey

from credit_plugin.data import CreditRuleData
from credit_plugin.ledger.recording import amount
from credit_plugin.models import CreditRule


def save_credit_rule(
    *, title: str, trigger: str, credits, hours, course_key: str = "", course_prefix: str = "", block_key: str = "",
    repeatable_each_year: bool = False,
) -> CreditRuleData:
    """Create or update the rule for this course, course prefix or block and trigger."""
    rule, _ = CreditRule.objects.update_or_create(
        course_key=CourseKey.from_string(course_key) if course_key else CourseKeyField.Empty,
        course_prefix=course_prefix, block_key=block_key, trigger=trigger,
        defaults={"title": title, "credits": amount(credits), "hours": amount(hours),
                  "repeatable_each_year": repeatable_each_year, "active": True},
    )
    return CreditRuleData(id=rule.id, title=rule.title, trigger=rule.trigger, credits=Decimal(rule.credits),
                          hours=Decimal(rule.hours), course_key=str(rule.course_key), course_prefix=rule.course_prefix,
                          block_key=rule.block_key)
