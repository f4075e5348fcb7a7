"""Credit rules: defining them, which rule a course or block matches, and granting its credits once."""

from datetime import datetime
from decimal import Decimal

from django.db.models import Q
from opaque_keys.edx.django.models import CourseKeyField
from opaque_keys.edx.keys import CourseKey

from credit_plugin import config
from credit_plugin.ledger.data import CreditRuleData, LedgerEntryData, SourceKind, Trigger
from credit_plugin.ledger.models import CreditRule, LedgerEntry
from credit_plugin.ledger.policy import credit_year
from credit_plugin.ledger.recording import amount, record_entry, reverse_entry


def course_rules(course_key: CourseKey, trigger: str) -> list[CreditRule]:
    """Active rules of ``trigger`` for this course run or for every run of its org+course."""
    prefix = f"{course_key.org}+{course_key.course}"
    return list(
        CreditRule.objects.filter(active=True, trigger=trigger)
        .filter(Q(course_key=course_key) | Q(course_prefix=prefix))
        .order_by("id")
    )


def block_rules(block_key: str) -> list[CreditRule]:
    return list(CreditRule.objects.filter(active=True, trigger=Trigger.BLOCK_COMPLETED, block_key=block_key))


def block_rule_ceilings() -> dict[str, Decimal]:
    """The largest credits and hours an author may set on a block (settings; the values must stay below them)."""
    return {"credits": Decimal(str(config.get("CADRE_TRAINING_BLOCK_CREDITS_CEILING"))),
            "hours": Decimal(str(config.get("CADRE_TRAINING_BLOCK_HOURS_CEILING")))}


def block_rule_keys() -> list[str]:
    """The blocks that an active completion rule pays for."""
    return list(CreditRule.objects.filter(active=True, trigger=Trigger.BLOCK_COMPLETED)
                .exclude(block_key="").values_list("block_key", flat=True).distinct())


def _grant_key_base(rule: CreditRule, user_id: int, year: int) -> str:
    base = f"rule:{rule.id}:user:{user_id}"
    return f"{base}:year:{year}" if rule.repeatable_each_year else base


def _grants(rule: CreditRule, user_id: int, base: str):
    return LedgerEntry.objects.filter(user_id=user_id, idempotency_key__startswith=f"{base}#")


def grant(*, rule: CreditRule, user_id: int, earned_at: datetime, reference: str, recorded_by: str) -> LedgerEntryData:
    """
    Grant the rule's credits unless the learner already holds them.

    Grants are keyed ``<rule>:<user>[:year]#n``: a repeated event finds the standing grant; after
    a reversal (a revoked certificate) a new fact earns grant n+1.
    """
    base = _grant_key_base(rule, user_id, credit_year(earned_at))
    grants = list(_grants(rule, user_id, base).order_by("id"))
    reversed_ids = set(LedgerEntry.objects.filter(reverses__in=grants).values_list("reverses_id", flat=True))
    standing = [entry for entry in grants if entry.id not in reversed_ids]
    kind = SourceKind.COURSE_BLOCK if rule.trigger == Trigger.BLOCK_COMPLETED else SourceKind.ONLINE_COURSE
    return record_entry(
        user_id=user_id,
        credits=rule.credits,
        hours=rule.hours,
        earned_at=earned_at,
        source_kind=kind,
        reference=reference,
        title=rule.title,
        recorded_by=recorded_by,
        idempotency_key=standing[0].idempotency_key if standing else f"{base}#{len(grants) + 1}",
    )


def revoke_grants(*, rule: CreditRule, user_id: int, reason: str, recorded_by: str) -> list[LedgerEntryData]:
    """Reverse every standing grant of ``rule`` to the learner (any year)."""
    prefix = f"rule:{rule.id}:user:{user_id}"
    grants = LedgerEntry.objects.filter(user_id=user_id).filter(
        Q(idempotency_key__startswith=f"{prefix}#") | Q(idempotency_key__startswith=f"{prefix}:year:")
    )
    grants = grants.exclude(source_kind=SourceKind.REVERSAL).filter(reversed_by__isnull=True)
    return [reverse_entry(entry_id=entry.id, reason=reason, recorded_by=recorded_by) for entry in grants]


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
