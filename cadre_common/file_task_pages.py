"""
The one page that follows a file task for the person who started it, and the download of its file.
Each plugin mounts these at its own address, inside its own base template.
"""
from importlib.resources import files

from django.http import FileResponse, Http404, HttpResponse
from django.template import engines

from cadre_common.file_tasks import file_task_status, open_task_file
from cadre_common.i18n import _

_TEMPLATE = None


def _template():
    global _TEMPLATE  # noqa: PLW0603 - compiled once per process
    if _TEMPLATE is None:
        source = files("cadre_common").joinpath("templates/file_task_status.html").read_text(encoding="utf-8")
        _TEMPLATE = engines["django"].from_string(source)
    return _TEMPLATE


def _words(status) -> dict:
    """Every text of the page, in the active language."""
    return {
        "title": status.name,
        "state": {"pending": _("Waiting for a worker…"), "running": _("Writing: %(percent)s%%") % {
            "percent": status.percent}, "done": _("The file is ready."),
            "failed": _("It failed. Ask again; if it fails again, tell the platform's operators.")}[status.state],
        "download": _("Download the file"),
        "refreshes": _("This page refreshes by itself."),
    }


def file_task_page(request, task_id, *, base_template: str, download_url: str) -> HttpResponse:
    """The status of the task, refreshing itself until it is finished; a stranger's task is a 404."""
    status = file_task_status(task_id=task_id, user_id=request.user.id) if request.user.is_authenticated else None
    if status is None:
        raise Http404(_("No such file task."))
    context = {"base_template": base_template, "status": status, "text": _words(status), "download_url": download_url}
    return HttpResponse(_template().render(context, request))


def file_task_download(request, task_id, *, expired_message: str) -> FileResponse:
    """The finished file, to the user who started the task."""
    found = open_task_file(task_id=task_id, user_id=request.user.id) if request.user.is_authenticated else None
    if found is None:
        raise Http404(expired_message)
    opened, filename = found
    return FileResponse(opened, as_attachment=True, filename=filename)
