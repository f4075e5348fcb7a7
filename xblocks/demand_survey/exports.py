"""
Exporting a survey's responses, for course staff: the file's header, and the block's handlers that
export, follow a queued export and download it. The file itself is written by survey_plugin.
"""
from django.utils import translation
from webob import Response
from xblock.core import XBlock

from survey_plugin import api as survey_api
from xblocks import resources


def _(text):
    """Mark a string for extraction; the runtime's i18n service translates it on display."""
    return text


def header(questions, *, anonymous: bool, translate) -> list[str]:
    who = [] if anonymous else [translate(_("Username")), translate(_("Name"))]
    return [*who, translate(_("Date")), *(question.prompt for question in questions)]


class ResponseExportHandlers:
    """The export handlers of DemandSurveyBlock (which gives ``_is_staff``, ``_error``, ``_handler_link``…)."""

    @XBlock.handler
    def export(self, request, suffix=""):
        """
        Every response as XLSX or CSV (``?format=``); an anonymous survey's file says nothing about
        who. A survey with more responses than ``CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST`` is exported by
        a Celery task: the answer is a redirect to the page that follows it.
        """
        if not self._is_staff():
            return self._not_staff()
        file_format = request.GET.get("format", "xlsx")
        if file_format not in survey_api.EXPORT_CONTENT_TYPES:
            return self._error("bad_format", self._translate(_("Choose the format xlsx or csv.")))
        questions = self.questions
        columns = header(questions, anonymous=self.anonymous, translate=self._translate)
        question_ids = [question.id for question in questions]
        if survey_api.response_count(survey_key=self.survey_key) > survey_api.export_rows_in_request():
            job = survey_api.start_response_export(
                survey_key=self.survey_key, requested_by=self._user_id(), file_format=file_format, header=columns,
                question_ids=question_ids, title=self.display_name,
            )
            response = Response(status=303)
            response.location = self._handler_link("export_status", id=job.id)
            return response
        rows = survey_api.response_rows(survey_key=self.survey_key, question_ids=question_ids)
        content = survey_api.write_table(file_format, columns, rows, title=self.display_name)
        return self._file(content, f"survey-responses.{file_format}", file_format)

    @XBlock.handler
    def export_status(self, request, suffix=""):
        """The page that follows a queued export (refreshing itself) and offers the file when it is written."""
        job = self._own_export(request)
        if not isinstance(job, survey_api.ResponseExportData):
            return job
        i18n = self.runtime.service(self, "i18n")
        html = resources.render("xblocks.demand_survey.block", "templates/export_status.html", {
            "export": job, "survey_title": self.display_name, "finished": job.status in ("done", "failed"),
            "percent": round(100 * job.rows_done / job.rows_total) if job.rows_total else 0,
            "download_url": self._handler_link("export_download", id=job.id),
            "language": translation.get_language() or "zh-cn",
        }, i18n_service=i18n)
        return Response(html, content_type="text/html", charset="utf-8")

    @XBlock.handler
    def export_download(self, request, suffix=""):
        """The finished file of an export, to the member of staff who asked for it."""
        job = self._own_export(request)
        if not isinstance(job, survey_api.ResponseExportData):
            return job
        opened = survey_api.open_export_file(export_id=job.id, survey_key=self.survey_key,
                                             requested_by=self._user_id())
        if opened is None and job.status == "done":  # purged between the status page and this click
            return self._error("expired", self._translate(_("The export's file is no longer kept. Export again.")),
                               status=404)
        if opened is None:
            return self._error("not_ready", self._translate(_("The export is not finished.")), status=404)
        with opened:
            return self._file(opened.read(), job.filename, job.file_format)

    def _own_export(self, request):
        """The export named by ``?id=``, if the member of staff asking asked for it; else the error answer."""
        if not self._is_staff():
            return self._not_staff()
        job = survey_api.response_export(export_id=request.GET.get("id", ""), survey_key=self.survey_key,
                                         requested_by=self._user_id())
        if job is None:
            days = survey_api.export_retention_days()
            message = (self._translate(_("No such export, or it has expired: exports are deleted %(days)s days "
                                         "after they are asked for. Export again.")) % {"days": days}
                       if days else self._translate(_("No such export.")))
            return self._error("no_such_export", message, status=404)
        return job

    def _not_staff(self) -> Response:
        return self._error("forbidden", self._translate(_("Only course staff can export responses.")), status=403)

    def _file(self, content: bytes, filename: str, file_format: str) -> Response:
        response = Response(body=content, content_type=survey_api.EXPORT_CONTENT_TYPES[file_format])
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
