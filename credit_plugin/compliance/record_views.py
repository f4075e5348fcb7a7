"""
The pages of a cadre's record: the learner's own "我的培训档案 / My training record" (the year's
progress, every entry, its certificates) and the administrators' page of a learner (the same, with
adjustments, reversals, revoking and reissuing).
"""
from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cadre_common.spreadsheets import CONTENT_TYPES
from credit_plugin import config
from credit_plugin.certificates import api as certificates_api
from credit_plugin.compliance.record_workbook import entries_workbook
from credit_plugin.ledger import api as ledger_api
from credit_plugin.ledger.views import AdjustmentForm, ImportForm, learner_page_url
from credit_plugin.organisations import api as organisations_api
from credit_plugin.pages import page
from credit_plugin.rest import YearQuery


def requested_year(request) -> int | None:
    """The ?year= of the request (this year in the credit time zone when absent); None when it is not a year."""
    query = YearQuery(data=request.GET)
    return query.validated_data["year"] if query.is_valid() else None


def _bad_year() -> HttpResponseBadRequest:
    return HttpResponseBadRequest(_("The year must be a number from 2000 to 2100."))


@login_required
def my_record(request):
    year = requested_year(request)
    if year is None:
        return _bad_year()
    summary = ledger_api.year_summary(user_id=request.user.id, year=year)
    years = sorted(set(ledger_api.years_with_entries(user_id=request.user.id)) | {year, config.current_year()},
                   reverse=True)
    labels, zone = dict(ledger_api.SourceKind.choices), config.credit_time_zone()
    rows = [
        {"entry": entry, "kind": labels[entry.source_kind], "day": entry.earned_at.astimezone(zone).date()}
        for entry in ledger_api.entries(user_id=request.user.id, year=year)
    ]
    return page(request, "credit_plugin/my_record.html", {
        "summary": summary, "years": years, "rows": rows,
        "credits_left": max(summary.credit_target - summary.credits, 0),
        "hours_left": max(summary.hour_target - summary.hours, 0),
        "credit_percent": round(summary.credit_progress * 100),
        "hour_percent": round(summary.hour_progress * 100),
        "certificates": certificates_api.certificates_of(user_id=request.user.id, year=year, superseded=False),
    })


@login_required
def my_record_xlsx(request):
    year = requested_year(request)
    if year is None:
        return _bad_year()
    data = entries_workbook(
        summary=ledger_api.year_summary(user_id=request.user.id, year=year),
        entries=ledger_api.entries(user_id=request.user.id, year=year),
        learner_name=organisations_api.name_of(request.user.id) or request.user.username,
    )
    response = HttpResponse(data, content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="training-record-{year}.xlsx"'
    return response


def credits_admin(request):
    """Look up a learner; their year, entries (with reversal), certificates, and the adjustment form."""
    organisations_api.require_admin(request)
    username = request.GET.get("username", "").strip()
    learner_id = organisations_api.user_ids_by_username([username]).get(username) if username else None
    if learner_id and not organisations_api.can_view_learner(request.user, learner_id):
        learner_id = None  # outside the administrator's organisations: answered like an unknown username
    province_admin = organisations_api.is_province_admin(request.user)
    context = {
        "username": username, "learner": {"id": learner_id, "username": username} if learner_id else None,
        "adjustment_form": AdjustmentForm.for_learner(username), "import_form": ImportForm(),
        "province_admin": province_admin,
        "failed_events": ledger_api.failed_event_count() if province_admin else 0,
    }
    if username and learner_id is None:
        messages.error(request, _("No learner with username %(username)s.") % {"username": username})
    if learner_id:
        year = requested_year(request) or config.current_year()
        labels = dict(ledger_api.SourceKind.choices)
        context.update(
            learner_name=organisations_api.name_of(learner_id),
            summary=ledger_api.year_summary(user_id=learner_id, year=year),
            rows=[(entry, labels[entry.source_kind], ledger_api.recorded_by_label(entry.recorded_by))
                  for entry in ledger_api.entries(user_id=learner_id, year=year)],
            certificates=certificates_api.certificates_of(user_id=learner_id),
        )
    return page(request, "credit_plugin/admin.html", context)


@transaction.non_atomic_requests  # under the LMS's ATOMIC_REQUESTS the certificate would follow the response
@require_POST
def manual_adjustment(request):
    """Record an administrator's adjustment once, and say what followed: the year's certificate, if it was issued."""
    organisations_api.require_admin(request)
    form = AdjustmentForm(request.POST)
    username = request.POST.get("username", "")
    learner_id = organisations_api.user_ids_by_username([username]).get(username)
    if learner_id is not None and not organisations_api.can_change_learner(request.user, learner_id):
        learner_id = None  # outside the administrator's organisations: as if there were no such learner
    if not form.is_valid() or learner_id is None:
        errors = "; ".join(f"{key}: {' '.join(value)}" for key, value in form.errors.items()) or _("unknown learner")
        messages.error(request, _("The adjustment was not recorded: %(errors)s") % {"errors": errors})
        return redirect(learner_page_url(username))
    data = form.cleaned_data
    held = {certificate.code for certificate in certificates_api.certificates_of(user_id=learner_id)}
    try:
        ledger_api.record_entry(
            user_id=learner_id, credits=data["credits"], hours=data["hours"],
            earned_at=datetime.combine(data["day"], time(12), tzinfo=config.credit_time_zone()),
            source_kind=ledger_api.SourceKind.MANUAL_ADJUSTMENT, reference="", title=_("Manual adjustment"),
            recorded_by=request.user.username, reason=data["reason"], idempotency_key=f"manual:{data['request_id']}",
        )
    except ledger_api.LedgerError as error:
        messages.error(request, str(error))
        return redirect(learner_page_url(username, data["day"].year))
    messages.success(request, _("Adjustment recorded for %(user)s.") % {"user": username})
    for certificate in certificates_api.certificates_of(user_id=learner_id):
        if certificate.code not in held:  # the adjustment completed the year: its certificate was issued now
            messages.success(request, _("The year's targets are met: %(title)s %(serial)s was issued.") % {
                "title": certificate.title, "serial": certificate.serial_number})
    return redirect(learner_page_url(username, data["day"].year))
