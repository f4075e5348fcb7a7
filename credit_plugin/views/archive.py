"""A cadre's training archive as a page and an XLSX file: for the cadre, and their administrators."""
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse

from credit_plugin import permissions
from credit_plugin.cadres.archive import training_archive
from credit_plugin.cadres.archive_files import MILESTONES, archive_workbook
from credit_plugin.views.administration import _page

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _archive_response(request, user):
    archive = training_archive(user_id=user.id)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(archive_workbook(archive), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="training-archive-{user.get_username()}.xlsx"'
        return response
    if request.GET.get("format") == "pdf":
        from credit_plugin.cadres.archive_pdf import archive_pdf

        response = HttpResponse(archive_pdf(archive), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="training-archive-{user.get_username()}.pdf"'
        return response
    return _page(request, "credit_plugin/archive.html", {
        "archive": archive, "milestones": [(str(MILESTONES.get(d.rule, d.rule)), d) for d in archive.milestones],
        "own": user.id == request.user.id,
    })


@login_required
def my_archive(request):
    return _archive_response(request, request.user)


@login_required
def cadre_archive(request, username):
    """An administrator's view of a cadre's archive; a cadre outside their organisations is answered 404."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None or not permissions.can_view_learner(request.user, user.id):
        raise Http404
    return _archive_response(request, user)
