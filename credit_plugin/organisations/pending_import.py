"""
Roster rows without a username: cadres appointed who have no account yet (docs/decisions/0024).
Checked in the import's dry run like every row; written as ``PendingCadre``, found again by their
e-mail (else phone), and invited once the import is committed.
"""
from django.apps import apps
from django.utils.translation import gettext as _

from credit_plugin.organisations.cadre_fields import (
    PHONE,
    STATUSES,
    check_employee_number,
    check_organisation_and_category,
    config_today,
    day,
    is_email,
    normalise_phone,
    pick,
)
from credit_plugin.organisations.data import CadreStatus, PlannedCadre
from credit_plugin.organisations.models import Organisation, PendingCadre


def pending_columns() -> dict:
    """Where a pending cadre's values are kept, and where their name goes once they register."""
    return {"name": (apps.get_model("student", "UserProfile"), "name"), "email": (PendingCadre, "email"),
            "position": (PendingCadre, "position"), "employee_number": (PendingCadre, "employee_number"),
            "phone": (PendingCadre, "phone")}


def contact_key(email: str, phone: str) -> str:
    return email.lower() if email else phone


def plan_pending(number, value, context, problem):
    """A row without a username: a cadre who has no account yet, invited once the import is written."""
    if not value("name"):
        problem("name", _("a cadre without a username needs a name (and is invited by e-mail or phone)"))
    email, phone = value("email"), normalise_phone(value("phone"))
    if email and not is_email(email):
        problem("email", _("%(value)r is not an e-mail address") % {"value": email})
    if value("phone") and not PHONE.match(phone):
        problem("phone", _("%(value)r is not a phone number (11-digit mobile or area code and number)") % {
            "value": value("phone")})
    if not email and not phone:
        problem("email", _("a cadre without a username needs an e-mail address or a phone number for the invitation"))
        return None
    key = contact_key(email, phone)
    if key in context.seen_contacts:
        problem("email" if email else "phone", _("%(value)s is already on row %(row)s") % {
            "value": email or phone, "row": context.seen_contacts[key]})
        return None
    context.seen_contacts[key] = number
    if value("registered_on"):
        problem("registered_on", _("a cadre without an account has not registered: leave the date empty "
                                   "(it is the day they accept the invitation)"))
    code, category = check_organisation_and_category(value, context, problem)
    took_office_on = day(value("took_office_on"), "took_office_on", context.today, problem, required=True)
    employee_number = check_employee_number(value("employee_number") or None, "", number, context, problem)
    status = pick(value("status"), STATUSES)
    if status != CadreStatus.SERVING:
        problem("status", _("only a serving cadre is invited (状态 empty or 在职)"))
    return PlannedCadre(
        row=number, username="", full_name=value("name"), email=email, organisation_code=code,
        position=value("position"), category=category or "", took_office_on=took_office_on, registered_on=None,
        employee_number=employee_number, phone=phone, status=str(CadreStatus.SERVING), user_exists=False,
        pending=True,
    )


def write_pending(planned: PlannedCadre, organisation: Organisation) -> list[int]:
    """Create or update the pending cadre; one who registered already is left as they are."""
    key = contact_key(planned.email, planned.phone)
    existing = PendingCadre.objects.filter(contact_key=key).first()
    if existing and existing.registered_on is not None:
        return []
    pending, created = PendingCadre.objects.update_or_create(contact_key=key, defaults={
        "full_name": planned.full_name, "organisation": organisation, "position": planned.position,
        "category": planned.category, "took_office_on": planned.took_office_on, "email": planned.email,
        "phone": planned.phone, "employee_number": planned.employee_number,
    }, create_defaults={
        "full_name": planned.full_name, "organisation": organisation, "position": planned.position,
        "category": planned.category, "took_office_on": planned.took_office_on, "email": planned.email,
        "phone": planned.phone, "employee_number": planned.employee_number, "imported_on": config_today(),
    })
    return [pending.id] if created or not pending.invitations.exists() else []
