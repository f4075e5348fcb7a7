"""
The pages of a cadre's record: the learner's own "我的培训档案 / My training record" (the year's
progress, every entry, its certificates) and the administrators' page of a learner (the same, with
adjustments, reversals, revoking and reissuing).
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

from cadre_common.spreadsheets import CONTENT_TYPES
from credit_plugin import config
from credit_plugin.certificates import api as certificates_api
from credit_plugin.compliance.record_workbook import entries_workbook
from credit_plugin.ledger import api as ledger_api
from credit_plugin.ledger.views import AdjustmentForm, ImportForm
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
