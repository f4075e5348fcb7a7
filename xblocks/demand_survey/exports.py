"""
Exporting a survey's responses, for course staff: the file's header, and the block's handler that
answers with the file, or for a large survey starts survey_plugin's export task and redirects to
the page that follows it (only whoever started it sees that page and its file).
"""
from webob import Response
from xblock.core import XBlock

from survey_plugin import api as survey_api
from xblocks.demand_survey.questions import QuestionKind


def _(text):
    """Mark a string for extraction; the runtime's i18n service translates it on display."""
    return text


def header(questions, *, translate) -> list[str]:
    """A named survey's header (an anonymous survey's file is counts, under survey_plugin's own header)."""
    return [translate(_("Username")), translate(_("Name")), translate(_("Date")),
            *(question.prompt for question in questions)]


def export_questions(questions, topic_names: dict[str, str]) -> list[survey_api.ExportQuestion]:
    """Each question's prompt and the texts its option ids (or topic codes) stand for."""
    return [
        survey_api.ExportQuestion(
            question_id=question.id, prompt=question.prompt,
            options={**(topic_names if question.kind is QuestionKind.TOPICS else {}),
                     **{option.id: option.text for option in question.options}}
            if question.options or question.kind is QuestionKind.TOPICS else {},
        )
        for question in questions
    ]


class ResponseExportHandlers:
    """The export handler of DemandSurveyBlock (which gives ``_is_staff``, ``_error``, ``_translate``…)."""

    @XBlock.handler
    def export(self, request, suffix=""):
        """
        Every response as XLSX or CSV (``?format=``), option texts and all; an anonymous survey's
        file is its published counts, with no row of one response (decision 0016). A survey with
        more responses than ``CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST`` is exported by a Celery task:
        the answer is a redirect to survey_plugin's page that follows it.
        """
        if not self._is_staff():
            return self._error("forbidden", self._translate(_("Only course staff can export responses.")), status=403)
        file_format = request.GET.get("format", "xlsx")
        if file_format not in survey_api.EXPORT_CONTENT_TYPES:
            return self._error("bad_format", self._translate(_("Choose the format xlsx or csv.")))
        questions = self.questions
        export = {
            "survey_key": self.survey_key, "file_format": file_format, "title": self.display_name,
            "header": header(questions, translate=self._translate),
            "questions": export_questions(questions, self._topic_names()),
        }
        if survey_api.response_count(survey_key=self.survey_key) > survey_api.export_rows_in_request():
            task_id = survey_api.start_response_export(requested_by=self._user_id(), **export)
            response = Response(status=303)
            response.location = survey_api.response_export_url(task_id=task_id)
            return response
        response = Response(body=survey_api.response_file(**export),
                            content_type=survey_api.EXPORT_CONTENT_TYPES[file_format])
        response.headers["Content-Disposition"] = f'attachment; filename="survey-responses.{file_format}"'
        return response
