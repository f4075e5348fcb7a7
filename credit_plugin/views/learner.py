"""The learner's page "我的培训档案 / My training record": the year's progress and every entry."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from credit_plugin import api, config
from credit_plugin.data import SourceKind
from credit_plugin.export import entries_workbook
from credit_plugin.models import Certificate

FIRST_YEAR, LAST_YEAR = 2000, 2100


def requested_year(request) -> int | None:
    """The ?year= of the request (default: this year in the credit time zone); None when invalid."""
    raw = request.GET.get("year")
    if raw is None:
        return timezone.now().astimezone(config.credit_time_zone()).year
    try:
        year = int(raw)
    except ValueError:
        return None
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


@login_required
def my_record(request):
    year = requested_year(request)
    if year is None:
        return HttpResponseBadRequest(_("The year must be a number from 2000 to 2100."))
    summary = api.year_summary(user_id=request.user.id, year=year)
    years = sorted(set(api.years_with_entries(user_id=request.user.id)) | {year, requested_year_now()}, reverse=True)
    labels = dict(SourceKind.choices)
    zone = config.credit_time_zone()
    rows = [
        {"entry": entry, "kind": labels[entry.source_kind], "day": entry.earned_at.astimezone(zone).date()}
        for entry in api.entries(user_id=request.user.id, year=year)
    ]
    return render(
        request,
        "credit_plugin/my_record.html",
        {
            "base_template": config.get("CADRE_TRAINING_BASE_TEMPLATE"),
            "summary": summary,
            "years": years,
            "rows": rows,
            "credits_left": max(summary.credit_target - summary.credits, 0),
            "hours_left": max(summary.hour_target - summary.hours, 0),
            "credit_percent": round(summary.credit_progress * 100),
            "hour_percent": round(summary.hour_progress * 100),
            "certificates": Certificate.objects.filter(user=request.user, year=year).exclude(status="superseded"),
        },
    )


def requested_year_now() -> int:
    return timezone.now().astimezone(config.credit_time_zone()).year


@login_required
def my_record_xlsx(request):
    year = requested_year(request)
    if year is None:
        return HttpResponseBadRequest(_("The year must be a number from 2000 to 2100."))
    summary = api.year_summary(user_id=request.user.id, year=year)
    data = entries_workbook(
        summary=summary,
        entries=api.entries(user_id=request.user.id, year=year),
        learner_name=request.user.get_full_name() or request.user.username,
    )
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="training-record-{year}.xlsx"'
    return response
