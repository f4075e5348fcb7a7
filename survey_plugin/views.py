"""
The plugin's pages: the training administrators' demand dashboard and its export, Studio's page of
a course's demand, and the page that follows a response export with its download.
"""
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from cadre_common.file_task_pages import file_task_download, file_task_page
from cadre_common.file_tasks import expired_message
from cadre_common.organisation_scope import OrganisationScope
from cadre_common.spreadsheets import CONTENT_TYPES, table_bytes
from survey_plugin import config
from survey_plugin.audience import demand_scope
from survey_plugin.catalogue import course_topic_codes
from survey_plugin.data import DemandFilter, DemandRanking
from survey_plugin.demand import demand_ranking, refusal_message
from survey_plugin.filters import FilterError, RequestedDemand, requested_demand


def _ranking_for(request) -> tuple[OrganisationScope, RequestedDemand | None, DemandRanking | None,
                                     HttpResponse | None]:
    """The viewer's scope, filters and ranking, or the 400 answer to a bad filter (403 and 404 are raised)."""
    scope = demand_scope(request.user)
    if not scope.may_read:
        raise PermissionDenied
    try:
        requested = requested_demand(request.GET, scope=scope)
    except FilterError as error:
        if error.not_found:
            raise Http404(error.message) from error
        return scope, None, None, HttpResponseBadRequest(error.message)
    return scope, requested, demand_ranking(requested.where), None


def _rows(ranking: DemandRanking) -> list[dict]:
    most = max((demand.requests for demand in ranking.topics), default=0)
    return [
        {"demand": demand, "position": position, "percent": round(100 * demand.requests / most) if most else 0}
        for position, demand in enumerate(ranking.topics, start=1)
    ]


def demand_dashboard(request) -> HttpResponse:
    """Topics ranked by demand for the viewer's organisations, with filters and the gaps highlighted."""
    scope, requested, ranking, error = _ranking_for(request)
    if error:
        return error
    rows = _rows(ranking)
    return render(request, "survey_plugin/demand.html", {
        "base_template": config.base_template(),
        "scope": scope, "filters": requested.values, "ranking": ranking, "rows": rows,
        "organisations": [(choice.code, "\u3000" * max(choice.depth - 1, 0) + choice.name)
                          for choice in scope.choices],
        "gaps": [row for row in rows if row["demand"].gap],
        "query": request.GET.urlencode(),
        "min_group": config.min_group_size(),
        "refusal": refusal_message() if ranking.refused else "",
    })


def demand_export(request) -> HttpResponse:
    """The same ranking as XLSX or CSV (``?format=``); a hidden group exports no rows either."""
    file_format = request.GET.get("format", "xlsx")
    if file_format not in CONTENT_TYPES:
        return HttpResponseBadRequest(_("Choose the format xlsx or csv."))
    _scope, _requested, ranking, error = _ranking_for(request)
    if error:
        return error
    if ranking.refused:
        return HttpResponseBadRequest(refusal_message())
    header = [_("Rank"), _("Topic code"), _("Topic"), _("Requests"), _("First choice"), _("Linked courses and units"),
              _("Gap")]
    rows = [[position, d.topic.code, d.topic.name, d.requests, d.first_choice, d.resources, _("yes") if d.gap else ""]
            for position, d in enumerate(ranking.topics, start=1)]
    body = table_bytes(file_format, [header, *rows], title=_("Demand"))
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="learning-demand.{file_format}"'
    return response


def course_demand(request, course_key: str) -> HttpResponse:
    """Studio: demand for the topics this course teaches, and the topics in demand nobody teaches yet."""
    if not (request.user.is_authenticated and (request.user.is_staff or request.user.is_superuser)):
        raise PermissionDenied
    codes = course_topic_codes(course_key=course_key)
    everyone = demand_ranking(DemandFilter())
    mine = [demand for demand in everyone.topics if demand.topic.code in codes]
    return render(request, "survey_plugin/course_demand.html", {
        "base_template": config.base_template(),
        "course_key": course_key, "ranking": everyone, "mine": mine,
        "untaught": [demand for demand in everyone.topics if demand.resources == 0][:20],
        "linked_without_demand": sorted(codes - {demand.topic.code for demand in everyone.topics}),
        "min_group": config.min_group_size(),
    })


def response_export(request, task_id: UUID) -> HttpResponse:
    """The progress of a response export, then its file, for the member of staff who started it (else 404)."""
    download_url = reverse("survey_plugin:response_export_download", kwargs={"task_id": task_id})
    return file_task_page(request, task_id, base_template=config.base_template(), download_url=download_url)


def response_export_download(request, task_id: UUID) -> FileResponse:
    """The finished file of a response export, to the member of staff who started it (else 404)."""
    return file_task_download(request, task_id, expired_message=expired_message(config.export_retention_days()))
