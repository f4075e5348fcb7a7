"""Training administrators' compliance pages: the organisation dashboard, exports and the cadre import."""
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from credit_plugin import api, permissions
from credit_plugin.cadres import exporting
from credit_plugin.data import CadreCategory, ComplianceStatus
from credit_plugin.models import ReportExport
from credit_plugin.views.administration import _page
from credit_plugin.views.learner import requested_year

PAGE_SIZE = 100


class CadreImportForm(forms.Form):
    roster = forms.FileField(label=gettext_lazy("Organisations and cadres (XLSX or CSV)"))
    create_users = forms.BooleanField(label=gettext_lazy("Create LMS users that do not exist yet"), required=False)
    dry_run = forms.BooleanField(
        label=gettext_lazy("Only check and preview; write nothing"), required=False, initial=True
    )


def _require_admin(request):
    if not permissions.is_credit_admin(request.user):
        raise PermissionDenied


def _filters(request):
    """(organisation code, year, status, category) of the request, or a 400 response."""
    year = requested_year(request)
    status = request.GET.get("status", "")
    category = request.GET.get("category", "")
    if year is None:
        return None, HttpResponseBadRequest(_("The year must be a number from 2000 to 2100."))
    if status and status not in ComplianceStatus.values:
        return None, HttpResponseBadRequest(_("Unknown status %(status)r.") % {"status": status})
    if category and category not in CadreCategory.values:
        return None, HttpResponseBadRequest(_("Unknown cadre category %(category)r.") % {"category": category})
    code = request.GET.get("org", "")
    if not code:
        tops = api.top_organisations(viewer=request.user)
        if not tops:
            raise Http404(_("You administer no organisation yet."))
        code = tops[0].code
    return (code, year, status, category), None


def compliance_dashboard(request):
    """Counts by status for an organisation and each child, a chart, and the cadres with their figures."""
    _require_admin(request)
    filters, error = _filters(request)
    if error:
        return error
    code, year, status, category = filters
    try:
        overall, children, page = api.compliance_report(
            viewer=request.user, organisation_code=code, year=year, status=status, category=category,
            page=request.GET.get("page") or 1, page_size=PAGE_SIZE,
        )
    except api.UnknownOrganisation as unknown:
        raise Http404(_("No organisation %(code)s.") % {"code": code}) from unknown
    statuses, categories = dict(ComplianceStatus.choices), dict(CadreCategory.choices)
    query = {"org": code, "year": year, "status": status, "category": category}
    visible = api.visible_organisations(viewer=request.user)
    top_depth = min((organisation.depth for organisation in visible), default=1)
    return _page(request, "credit_plugin/compliance.html", {
        "overall": overall,
        "children": children,
        "page": page,
        "rows": [(cadre, categories.get(cadre.category, ""), statuses[cadre.status]) for cadre in page.object_list],
        "list_heading": statuses[status] if status else _("Cadres"),
        "filters": query,
        "query": "&".join(f"{key}={value}" for key, value in query.items() if value and key != "status"),
        "statuses": ComplianceStatus.choices,
        "categories": CadreCategory.choices,
        # Indented by depth, so the select reads as the tree.
        "organisations": [
            (organisation.code, "\u3000" * (organisation.depth - top_depth) + organisation.name)
            for organisation in visible
        ],
        "bars": _bars(overall),
        "breadcrumbs": _breadcrumbs(request.user, overall.organisation.path),
    })


def _bars(counts):
    total = counts.total or 1
    return [(status, label, getattr(counts, status), round(100 * getattr(counts, status) / total, 1))
            for status, label in ComplianceStatus.choices]


def _breadcrumbs(viewer, path):
    visible = {organisation.path: organisation for organisation in api.visible_organisations(viewer=viewer)}
    parts = path.strip("/").split("/")
    chain = ["/" + "/".join(parts[:depth]) + "/" for depth in range(1, len(parts) + 1)]
    return [visible[step] for step in chain if step in visible]


def compliance_export(request):
    """The dashboard's cadres as XLSX or CSV: in the response when small, otherwise as a Celery task."""
    _require_admin(request)
    filters, error = _filters(request)
    if error:
        return error
    code, year, status, category = filters
    file_format = request.GET.get("format", "xlsx")
    if file_format not in exporting.FORMATS:
        return HttpResponseBadRequest(_("The format must be xlsx or csv."))
    try:
        cadres = api.compliance_list(viewer=request.user, organisation_code=code, year=year, status=status,
                                     category=category)
    except api.UnknownOrganisation as unknown:
        raise Http404(_("No organisation %(code)s.") % {"code": code}) from unknown
    if len(cadres) > exporting.async_threshold():
        job = exporting.start_export(viewer=request.user, organisation_code=code, year=year, status=status,
                                     category=category, file_format=file_format)
        return redirect(reverse("credit_plugin:export_status", args=[job.id]))
    organisation_name = api.organisation_name(viewer=request.user, code=code)
    content = exporting.export_file(
        cadres=cadres, file_format=file_format,
        title=exporting.export_title(organisation_name=organisation_name, year=year),
    )
    content_type = ("text/csv; charset=utf-8" if file_format == "csv"
                    else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="compliance-{code}-{year}.{file_format}"'
    return response


def _own_export(request, export_id):
    job = ReportExport.objects.filter(pk=export_id, requested_by_id=request.user.id).first()
    if job is None:
        raise Http404(_("No such export."))
    return job


def export_status(request, export_id):
    _require_admin(request)
    job = _own_export(request, export_id)
    return _page(request, "credit_plugin/export_status.html", {
        "job": job, "percent": round(100 * job.rows_done / job.rows_total) if job.rows_total else 0,
    })


def export_download(request, export_id):
    _require_admin(request)
    job = _own_export(request, export_id)
    if job.status != ReportExport.Status.DONE:
        raise Http404(_("The export is not finished."))
    # An administrator moved to another organisation since asking keeps no access to the file.
    if not api.can_see_organisation(viewer=request.user, code=job.organisation_code):
        raise Http404(_("No such export."))
    try:
        opened = job.file.open("rb")
    except FileNotFoundError:  # purged (CADRE_TRAINING_EXPORT_RETENTION_DAYS) since the status page was shown
        raise Http404(_("The export's file is no longer kept.")) from None
    return FileResponse(opened, as_attachment=True, filename=job.file.name.rsplit("/", 1)[-1])


def cadre_import(request):
    """Upload organisations and cadres: preview (dry run) or write; every problem listed, nothing half-written."""
    if not permissions.is_province_admin(request.user):
        raise PermissionDenied
    form = CadreImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["roster"]
        result = api.import_cadres(data=upload.read(), filename=upload.name, dry_run=form.cleaned_data["dry_run"],
                                   create_users=form.cleaned_data["create_users"])
    return _page(request, "credit_plugin/cadre_import.html", {"form": form, "result": result})


@require_POST
def archive_export(request):
    """Start the ZIP of the training archives of an organisation's cadres; the status page shows progress."""
    _require_admin(request)
    code = request.POST.get("org", "")
    try:
        job = exporting.start_archive_export(viewer=request.user, organisation_code=code)
    except api.UnknownOrganisation as error:
        raise Http404(_("No such organisation.")) from error
    return redirect(reverse("credit_plugin:export_status", args=[job.id]))
