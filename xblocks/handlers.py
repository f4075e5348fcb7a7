"""
How the blocks answer JSON requests, once for both: ``XBlock.json_handler`` (POST only, the body
parsed as JSON), with the body's size checked before it is parsed, every refusal answered as
``{"error": code, "message": message in the learner's language}`` with its HTTP status, and an
author check for the handlers that change a block.
"""
import functools
import json
from dataclasses import dataclass

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service
from webob import Response
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError

from cadre_common import json_input

DEFAULT_MAX_BODY = 64 * 1024
AUTHORING_ROLES = ("staff", "instructor")


class JsonAnswer(Response):
    """A JSON response made here (``XBlock.json_handler``'s own refusals are plain Responses)."""


def json_response(payload, status: int = 200, **kwargs) -> JsonAnswer:
    return JsonAnswer(json.dumps(payload, ensure_ascii=False), status=status, content_type="application/json",
                      charset="utf-8", **kwargs)


class HandlerError(JsonHandlerError):
    """A refused request: ``code`` for programs, ``message`` for people (translated), ``status`` for HTTP."""

    def __init__(self, code: str, message: str, status: int = 400, errors: dict | None = None,
                 details: dict | None = None):
        super().__init__(status, message)
        self.code, self.errors, self.details = code, errors, details or {}

    def get_response(self, **kwargs) -> JsonAnswer:
        """
        The refusal: ``details`` (like an editor's problems by field) beside the code and the message,
        and ``errors`` (per question, all at once) when there are several.
        """
        payload = {**self.details, "error": self.code, "message": self.message}
        if self.errors:
            payload["errors"] = self.errors
        return json_response(payload, status=self.status_code, **kwargs)


def translate(block, text: str) -> str:
    """``text`` in the language of the request, through the block's i18n service."""
    return block.runtime.service(block, "i18n").gettext(text)


def _user_attributes(block) -> dict:
    user = block.runtime.service(block, "user")
    return user.get_current_user().opt_attrs if user else {}


def current_user_id(block) -> int | None:
    """The LMS user id of the current user (None where the runtime names no user, as in the bare SDK)."""
    user_id = _user_attributes(block).get("edx-platform.user_id")
    return int(user_id) if user_id is not None else None


def is_course_staff(block) -> bool:
    """Whether the LMS says the current user is staff or instructor of the course (or global staff)."""
    attributes = _user_attributes(block)
    return bool(attributes.get("edx-platform.user_is_staff")) or attributes.get("edx-platform.user_role") in (
        AUTHORING_ROLES)


def may_edit(block) -> bool:
    """
    Whether the current user may change the block: Studio's ``studio_user_permissions`` says who may
    write the course (Studio's user service reports every author as a non-staff student). Outside
    Studio no one may: the LMS holds a course's content read-only, for staff too.
    """
    permissions = block.runtime.service(block, "studio_user_permissions")
    return permissions is not None and block.context_key is not None and bool(permissions.can_write(block.context_key))


def _too_large(request, max_body: int) -> bool:
    """Checked on the declared length first, so that a huge body is refused before it is read."""
    return (request.content_length or 0) > max_body or len(request.body) > max_body


def _form_too_large(request, max_upload: int) -> bool:
    """A form's declared length (its files are streamed by the form parser, so the body is not read whole)."""
    return (request.content_length or 0) > max_upload


@dataclass(frozen=True)
class Upload:
    """A file that came with a form: its name as the author's computer called it, and its bytes."""

    filename: str
    content: bytes


def _nested_too_deeply(body: bytes) -> bool:
    """Whether the body is JSON too deeply nested to parse (the platform's json_handler would 500 on it)."""
    try:
        json_input.loads(body)
    except ValueError as error:
        return isinstance(error.__cause__, RecursionError)
    return False


def _is_form(request) -> bool:
    return (request.content_type or "").startswith("multipart/form-data")


def _form_data(block, request, uploads: tuple, max_upload: int) -> dict:
    """
    A multipart form as the JSON handler's data: the ``json`` field holds the JSON object, each
    field named in ``uploads`` a file (the platform hands them over as ``request.POST[name]``, with
    ``.file`` and ``.filename``), read to at most ``max_upload`` bytes.
    """
    try:
        data = json_input.loads(request.POST.get("json") or "{}")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise HandlerError("malformed_json", translate(block, _("The request is not valid JSON.")))
    for name in uploads:
        field = request.POST.get(name)
        if getattr(field, "file", None) is not None:
            content = field.file.read(max_upload + 1)
            if len(content) > max_upload:
                raise HandlerError("too_large", translate(block, _("The request is too large.")), 413)
            data[name] = Upload(filename=str(field.filename or ""), content=content)
    return data


def json_handler(*, max_body: int = DEFAULT_MAX_BODY, authors_only: bool = False, refusals: tuple = (),
                 uploads: tuple = (), max_upload: int = 0):
    """
    A block method ``(self, data: dict, suffix) -> dict`` made a JSON handler. A body over
    ``max_body`` bytes is refused (413) unread; with ``authors_only`` a user who may not edit the
    block is refused (403); a body that is not a JSON object is refused (400). The method refuses by
    raising HandlerError, or one of the ``refusals`` (errors of the blocks' logic with a ``code``
    and a translated ``message``), which answer 400. The URL name stays the method's.

    With ``uploads`` (names of file fields) the handler also takes a multipart form of up to
    ``max_upload`` bytes, a real file upload as Studio's editor sends one: its ``json`` field is the
    JSON object, and each file arrives in the data as an ``Upload``.
    """

    def decorate(method):
        @functools.wraps(method)
        def answer(block, data, suffix=""):
            if not isinstance(data, dict):
                raise HandlerError("malformed_json", translate(block, _("The request is not valid JSON.")))
            try:
                result = method(block, data, suffix)
            except refusals as error:
                raise HandlerError(error.code, error.message, errors=getattr(error, "errors", None),
                                   details=getattr(error, "details", None)) from error
            return result if isinstance(result, Response) else json_response(result)

        parsed = XBlock.json_handler(answer)

        def answer_form(block, request, suffix):
            if request.method != "POST":
                return parsed(block, request, suffix)
            try:
                return answer(block, _form_data(block, request, uploads, max_upload), suffix)
            except JsonHandlerError as error:
                return error.get_response()

        @XBlock.handler
        @functools.wraps(method)
        def handler(block, request, suffix=""):
            form = bool(uploads) and _is_form(request)
            if _form_too_large(request, max_upload) if form else _too_large(request, max_body):
                return HandlerError("too_large", translate(block, _("The request is too large.")), 413).get_response()
            if authors_only and not may_edit(block):
                message = translate(block, _("Only the course's authors can edit it, in Studio."))
                return HandlerError("forbidden", message, 403).get_response()
            if not form and request.method == "POST" and _nested_too_deeply(request.body):
                message = translate(block, _("The request is not valid JSON."))
                return HandlerError("malformed_json", message).get_response()
            response = answer_form(block, request, suffix) if form else parsed(block, request, suffix)
            if isinstance(response, JsonAnswer):
                return response
            if response.status_code == 405:  # json_handler's refusal of a GET
                return HandlerError("method_not_allowed", translate(block, _("Send this request as a POST.")),
                                    405).get_response(allow=["POST"])
            return HandlerError("malformed_json", translate(block, _("The request is not valid JSON."))).get_response()

        return handler

    return decorate
