"""
The Studio bank import handlers, kept beside the block: a file added to, updating or replacing the
bank after a preview, and the XLSX template to fill in (decision 0025). Mixed into LevelChallengeBlock.
"""
from urllib.parse import quote

from webob import Response
from xblock.core import XBlock

from xblocks.handlers import HandlerError, json_handler
from xblocks.level_challenge import authoring, bank_import, level_form, progress
from xblocks.level_challenge.wrong_questions import REFUSALS

# The editor's form without a file; with a bank file, a multipart upload (Studio sets no limit of its
# own: DATA_UPLOAD_MAX_MEMORY_SIZE is None there). A 5,000-question XLSX is about 0.3 MB, as CSV 1-3 MB.
STUDIO_MAX_BODY = 256 * 1024
STUDIO_MAX_UPLOAD = 20 * 1024 * 1024
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class BankImportHandlers:
    """Authors' bank import; the block supplies index, levels, bank_version, set_bank and _translate."""

    @json_handler(max_body=STUDIO_MAX_BODY, authors_only=True, refusals=REFUSALS, uploads=("bank_file",),
                  max_upload=STUDIO_MAX_UPLOAD)
    def import_bank(self, data, suffix=""):
        """
        Import a bank file: ``mode`` add, update or replace; without ``confirm`` only a preview. The
        confirmed import names the ``bank_version`` it was previewed against, and is refused (409)
        when the bank changed since, or (400, by field) when a level could no longer draw its questions.
        """
        questions = authoring.read_bank_upload(data.get("bank_file"), translate=self._translate)
        if questions is None:
            raise progress.ChallengeError("no_file", self._translate(bank_import.IMPORT_TEXT["no_file"]))
        if data.get("mode") not in bank_import.MODES:
            raise progress.ChallengeError("bad_mode", self._translate(bank_import.IMPORT_TEXT["bad_mode"]))
        plan = bank_import.plan_import(self.index.questions, questions, data["mode"])
        report = bank_import.import_report(plan, self.levels, self.index, translate=self._translate)
        report["bank_version"] = self.bank_version
        if not data.get("confirm"):
            return report
        if data.get("bank_version") != self.bank_version:
            raise HandlerError("stale_preview", self._translate(bank_import.IMPORT_TEXT["stale"]), 409)
        if report["fields"]:
            raise HandlerError("bad_levels", "\n".join([self._translate(bank_import.IMPORT_TEXT["blocked"]),
                                                         *(problem["message"] for problem in report["fields"])]),
                               details={"fields": report["fields"]})
        self.set_bank(plan.questions)
        size = len(plan.questions)
        bank_size = self.runtime.service(self, "i18n").ngettext(
            "The bank holds %(counter)s question.", "The bank holds %(counter)s questions.", size) % {"counter": size}
        return {**report, "bank_version": self.bank_version, "saved": True, "bank": level_form.bank_summary(self.index),
                "bank_size": bank_size,
                "summary": self._translate(bank_import.IMPORT_TEXT["imported"]).format(**report)}

    @XBlock.handler
    def bank_template(self, request, suffix=""):
        """The XLSX import template (Chinese headers, example questions, how to fill it in), for authors."""
        from xblocks.level_challenge.demo import demo_questions  # the demo's questions are the examples

        content = bank_import.template_workbook(demo_questions()[:4])
        return Response(body=content, content_type=XLSX_TYPE, content_disposition=(
            f"attachment; filename=\"template.xlsx\"; filename*=UTF-8''{quote(bank_import.TEMPLATE_NAME)}"))
