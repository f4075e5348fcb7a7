"""
The checks a cadre row's values go through, shared by rows with an account and rows without one
(``cadre_import`` and ``pending_import``): categories, statuses, phones, e-mails, dates, 工号.
"""
import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from cadre_common import spreadsheets
from cadre_common.dates import parse_day
from credit_plugin import config
from credit_plugin.organisations.data import CadreCategory, CadreStatus

CATEGORIES = {
    CadreCategory.CHAIR: {"主席", "工会主席", "chair"},
    CadreCategory.VICE_CHAIR: {"副主席", "工会副主席", "vice-chair", "vice chair", "vice_chair"},
    CadreCategory.FULL_TIME: {"专职", "专职工作人员", "专职干部", "full-time", "full time", "full_time"},
    CadreCategory.PART_TIME: {"兼职", "兼职干部", "兼职工作人员", "part-time", "part time", "part_time"},
}
STATUSES = {
    CadreStatus.SERVING: {"", "在职", "在任", "serving"},
    CadreStatus.LEFT: {"离任", "离职", "调离", "left"},
}
# Mainland mobile numbers (with or without +86) and landlines with an area code.
PHONE = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}\d{7,8})$")


def pick(text: str, choices: dict, default=None):
    wanted = spreadsheets.fold(text)
    for value, spellings in choices.items():
        if wanted in {spreadsheets.fold(spelling) for spelling in spellings}:
            return str(value)
    return default


def is_email(text):
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def check_employee_number(employee_number, username, number, context, problem):
    if not employee_number:
        return None
    if employee_number in context.seen_numbers:
        problem("employee_number", _("employee number %(value)s is already on row %(row)s") % {
            "value": employee_number, "row": context.seen_numbers[employee_number]})
    elif context.numbers_in_use.get(employee_number, username) != username:
        problem("employee_number", _("employee number %(value)s belongs to %(user)s") % {
            "value": employee_number, "user": context.numbers_in_use[employee_number]})
    context.seen_numbers.setdefault(employee_number, number)
    return employee_number


def normalise_phone(text: str) -> str:
    digits = re.sub(r"[\s\-()（）]", "", text)
    return digits[3:] if digits.startswith("+86") else digits


def config_today() -> date:
    return timezone.now().astimezone(config.credit_time_zone()).date()


def day(text, column, today, problem, *, required):
    if not text:
        if required:
            problem(column, _("the date is empty"))
        return None
    found = parse_day(text)
    if found is None:
        problem(column, _("%(value)r is not a date (write it as 2026-05-01)") % {"value": text})
    elif found > today:
        problem(column, _("%(value)s is in the future") % {"value": found.isoformat()})
        return None
    return found


def check_organisation_and_category(value, context, problem) -> tuple[str, str | None]:
    """A roster row's organisation code (one the import knows) and cadre category, each checked where it stands."""
    code = value("organisation_code")
    if code not in context.known_codes:
        problem("organisation_code", _("no organisation %(code)s") % {"code": code})
    category = pick(value("category"), CATEGORIES)
    if category is None:
        problem("category", _("%(value)r is not a cadre category (主席, 副主席, 专职, 兼职)") % {
            "value": value("category")})
    return code, category
