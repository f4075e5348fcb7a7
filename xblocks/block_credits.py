"""
Credits and class hours an author gives for completing a block, set in Studio's editor: checked
(a number ≥ 0 with at most two decimal places, below the configured ceiling), kept on the block as
text, and written as the ledger's credit rule for the block (trigger: block completed) through
``credit_plugin.api``. Operators still see and override the rule in the admin; the block's next
save in Studio writes its values again.
"""
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service

from credit_plugin import api as credit_api

CREDIT_TEXT = {
    "credits": _("Credits for completing this block"),
    "hours": _("Class hours for completing this block"),
    "credits_help": _("Empty: this block earns no credits of its own. At most two decimal places."),
    "not_amount": _("Enter a number of at least 0 with at most two decimal places, like 2 or 0.5."),
    "too_large": _("Enter less than {ceiling}."),
}


def ceiling(name: str) -> Decimal:
    """The largest value an author may set, from the credit plugin's settings (values stay below it)."""
    return credit_api.block_rule_ceilings()[name]


@dataclass(frozen=True)
class CreditProblem:
    field: str  # credits or hours
    message: str

    def to_dict(self) -> dict:
        return {"level": None, "field": self.field, "message": self.message}


def read_amount(value, name: str, *, translate) -> tuple[str, CreditProblem | None]:
    """The amount as the block keeps it ("" for none, else like "2.00"), or the problem to show next to it."""
    text = str(value if value is not None else "").strip()
    if not text:
        return "", None
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number < 0 or number.as_tuple().exponent < -2:
        return "", CreditProblem(name, translate(CREDIT_TEXT["not_amount"]))
    if number >= ceiling(name):
        return "", CreditProblem(name, translate(CREDIT_TEXT["too_large"]).format(ceiling=ceiling(name)))
    return f"{number:.2f}", None


def read_credits(data: dict, *, translate) -> tuple[dict, list[CreditProblem]]:
    """{"credits": ..., "hours": ...} as the block keeps them, and the problems of the two fields."""
    values, problems = {}, []
    for name in ("credits", "hours"):
        values[name], problem = read_amount(data.get(name), name, translate=translate)
        if problem:
            problems.append(problem)
    return values, problems


def save_rule(*, block_key: str, title: str, credits: str, hours: str):
    """The block's completion rule in the ledger, when the author gave credits or hours; None when not."""
    if not credits and not hours:
        return None
    return credit_api.save_credit_rule(title=title, trigger=credit_api.Trigger.BLOCK_COMPLETED,
                                       credits=Decimal(credits or "0"), hours=Decimal(hours or "0"),
                                       block_key=block_key)
