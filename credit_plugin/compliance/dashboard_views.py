"""Training administrators' compliance pages: the organisation dashboard, its exports and the archives ZIP."""
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cadre_common import file_task_pages
from cadre_common.file_tasks import expired_message, start_file_task, task_note
from cadre_common.spreadsheets import CONTENT_TYPES
from credit_plugin import config
from credit_plugin.compliance import list_export, reports, tasks
from credit_plugin.compliance.data import ComplianceStatus
from credit_plugin.compliance.filters import ComplianceQuery, first_error
from credit_plugin.organisations import api as organisations_api
from credit_plugin.pages import page

PAGE_SIZE = 100


def _filters(request, data):
    """The checked filters (the organisation defaulting to the viewer's first), or a 400."""
    query = ComplianceQuery(data=data)
    if not query.is_valid():
        return None, HttpResponseBadRequest(first_error(query)[1])
    filters = dict(query.validated_data)
    if not filters["org"]:
        tops = organisations_api.top_organisations(viewer=request.user)
        if not tops:
            raise Http404(_("You administer no organisation yet."))
        filters["org"] = tops[0].code
    return filters, None


def _report(request, filters):
    try:
        return reports.compliance_report(viewer=request.user, organisation_code=filters["org"], year=filters["year"],
                                         status=filters["status"], category=filters["category"])
    except organisations_api.UnknownOrganisation as unknown:
        raise Http404(_("No organisation %(code)s.") % {"code": filters["org"]}) from unknown


def compliance_dashboard(request):
    """Counts by status for an organisation and each child, a chart, and the cadres with their figures."""
    organisations_api.require_admin(request)
    filters, error = _filters(request, request.GET)
    if error:
        return error
    report = _report(request, filters)
    listed = Paginator(report.cadres, PAGE_SIZE).get_page(request.GET.get("page") or 1)
    statuses, categories = dict(ComplianceStatus.choices), dict(organisations_api.CadreCategory.choices)
    visible = organisations_api.visible_organisations(viewer=request.user)
    top_depth = min((organisation.depth for organisation in visible), default=1)
    return page(request, "credit_plugin/compliance.html", {
        "overall": report.overall,
        "children": report.children,
        "pending": report.pending,
        "pending_shown": report.pending[:PAGE_SIZE],
        "pending_more": max(0, len(report.pending) - PAGE_SIZE),
        "page": listed,
        "rows": [(cadre, categories.get(cadre.category, ""), statuses[cadre.status]) for cadre in listed.object_list],
        "list_heading": statuses[filters["status"]] if filters["status"] else _("Cadres"),
        "filters": filters,
        "query": "&".join(f"{key}={value}" for key, value in filters.items() if value and key != "status"),
        "statuses": ComplianceStatus.choices,
        "categories": organisations_api.CadreCategory.choices,
        # Indented by depth, so the select reads as the tree.
        "organisations": [(o.code, "\u3000" * (o.depth - top_depth) + o.name) for o in visible],
        "bars": _bars(report.overall),
        "breadcrumbs": _breadcrumbs(visible, report.overall.organisation.path),
    })


def _bars(counts):
    total = counts.total or 1
    return [(status, label, getattr(counts, status), round(100 * getattr(counts, status) / total, 1))
            for status, label in ComplianceStatus.choices]


def _breadcrumbs(visible, path):
    by_path = {organisation.path: organisation for organisation in visible}
    parts = path.strip("/").split("/")
    chain = ["/" + "/".join(parts[:depth]) + "/" for depth in range(1, len(parts) + 1)]
    return [by_path[step] for step in chain if step in by_path]


@require_POST
def compliance_export(request):
    """
    The dashboard's cadres as XLSX or CSV: in the response when few, otherwise written by a task.
    Asked for by POST only, so no page elsewhere (an image, a link) can start one.
    """
    organisations_api.require_admin(request)
    filters, error = _filters(request, request.POST)
    if error:
        return error
    file_format = request.POST.get("format", "xlsx")
    if file_format not in list_export.FORMATS:
        return HttpResponseBadRequest(_("The format must be xlsx or csv."))
    code, year = filters["org"], filters["year"]
    report = _report(request, filters)
    title = list_export.list_title(organisation_name=report.overall.organisation.name, year=year)
    if len(report.cadres) > list_export.rows_in_request():
        task_id = start_file_task(tasks.export_compliance, user_id=request.user.id, organisation_code=code,
                                  year=year, status=filters["status"], category=filters["category"],
                                  file_format=file_format, title=title)
        return redirect(reverse("credit_plugin:export_status", args=[task_id]))
    content = list_export.list_file(cadres=report.cadres[:], file_format=file_format, title=title,
                                    pending=list(report.pending), year=year)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    name = list_export.filename(organisation_code=code, year=year, file_format=file_format)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def archive_export(request):
    """Start the ZIP of the training archives of an organisation's cadres; the status page shows progress."""
    organisations_api.require_admin(request)
    code = request.POST.get("org", "")
    try:
        organisation = organisations_api.visible_organisation(viewer=request.user, code=code)
    except organisations_api.UnknownOrganisation as error:
        raise Http404(_("No such organisation.")) from error
    title = _("Training archives of %(organisation)s") % {"organisation": organisation.name}
    task_id = start_file_task(tasks.export_training_archives, user_id=request.user.id, organisation_code=code,
                              title=title)
    return redirect(reverse("credit_plugin:export_status", args=[task_id]))


def export_status(request, export_id):
    organisations_api.require_admin(request)
    return file_task_pages.file_task_page(
        request, export_id, base_template=config.get("CADRE_TRAINING_BASE_TEMPLATE"),
        download_url=reverse("credit_plugin:export_download", args=[export_id]),
    )


def export_download(request, export_id):
    organisations_api.require_admin(request)
    # An administrator moved to another organisation since asking keeps no access to the file.
    code = task_note(task_id=export_id, user_id=request.user.id, name=list_export.SCOPE_NOTE)
    if code is None or not organisations_api.can_see_organisation(viewer=request.user, code=code):
        raise Http404(_("No such export."))
    return file_task_pages.file_task_download(
        request, export_id, expired_message=expired_message(int(config.get("CADRE_TRAINING_EXPORT_RETENTION_DAYS"))))
