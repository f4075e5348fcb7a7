"""A cadre's training archive as a page, an XLSX workbook and a PDF: for the cadre, and their administrators."""
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse

from cadre_common.spreadsheets import CONTENT_TYPES
from credit_plugin.compliance.archive_workbook import MILESTONES, archive_workbook
from credit_plugin.compliance.archives import training_archive
from credit_plugin.organisations import api as organisations_api
from credit_plugin.pages import page


def _archive_response(request, user_id: int, username: str):
    archive = training_archive(user_id=user_id, username=username)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(archive_workbook(archive), content_type=CONTENT_TYPES["xlsx"])
        response["Content-Disposition"] = f'attachment; filename="training-archive-{username}.xlsx"'
        return response
    if request.GET.get("format") == "pdf":
        from credit_plugin.compliance.archive_pdf import archive_pdf  # reportlab: only where a PDF is drawn

        response = HttpResponse(archive_pdf(archive), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="training-archive-{username}.pdf"'
        return response
    return page(request, "credit_plugin/archive.html", {
        "archive": archive, "milestones": [(str(MILESTONES.get(d.rule, d.rule)), d) for d in archive.milestones],
        "own": user_id == request.user.id,
    })


@login_required
def my_archive(request):
    return _archive_response(request, request.user.id, request.user.get_username())


@login_required
def cadre_archive(request, username):
    """An administrator's view of a cadre's archive; a cadre outside their organisations is answered 404."""
    user_id = organisations_api.user_ids_by_username([username]).get(username)
    if user_id is None or not organisations_api.can_view_learner(request.user, user_id):
        raise Http404
    return _archive_response(request, user_id, username)
