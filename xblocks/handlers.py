"""
How the blocks answer JSON requests, once for both: ``XBlock.json_handler`` (POST only, the body
parsed as JSON), with the body's size checked before it is parsed, every refusal answered as
``{"error": code, "message": message in the learner's language}`` with its HTTP status, and an
author check for the handlers that change a block.
"""
import functools
import json

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service
from webob import Response
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError

DEFAULT_MAX_BODY = 64 * 1024
AUTHORING_ROLES = ("staff", "instructor")


class JsonAnswer(Response):
    """A JSON response made here (``XBlock.json_handler``'s own refusals are plain Responses)."""


def json_response(payload, status: int = 200, **kwargs) -> JsonAnswer:
    return JsonAnswer(json.dumps(payload, ensure_ascii=False), status=status, content_type="application/json",
                      charset="utf-8", **kwargs)


class HandlerError(JsonHandlerError):
    """A refused request: ``code`` for programs, ``message`` for people (translated), ``status`` for HTTP."""

    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(status, message)
        self.code = code

    def get_response(self, **kwargs) -> JsonAnswer:
        return json_response({"error": self.code, "message": self.message}, status=self.status_code, **kwargs)


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
    Whether the current user may change the block. Studio says so through its
    ``studio_user_permissions`` service (its user service reports every author as a student);
    elsewhere (the LMS, the devhost) course staff may.
    """
    permissions = block.runtime.service(block, "studio_user_permissions")
    if permissions is not None and block.context_key is not None:
        return bool(permissions.can_write(block.context_key))
    return is_course_staff(block)


def _too_large(request, max_body: int) -> bool:
    """Checked on the declared length first, so that a huge body is refused before it is read."""
    return (request.content_length or 0) > max_body or len(request.body) > max_body


def json_handler(*, max_body: int = DEFAULT_MAX_BODY, authors_only: bool = False, refusals: tuple = ()):
    """
    A block method ``(self, data: dict, suffix) -> dict`` made a JSON handler. A body over
    ``max_body`` bytes is refused (413) unread; with ``authors_only`` a user who may not edit the
    block is refused (403); a body that is not a JSON object is refused (400). The method refuses by
    raising HandlerError, or one of the ``refusals`` (errors of the blocks' logic with a ``code``
    and a translated ``message``), which answer 400. The URL name stays the method's.
    """

    def decorate(method):
        @functools.wraps(method)
        def answer(block, data, suffix=""):
            if not isinstance(data, dict):
                raise HandlerError("malformed_json", translate(block, _("The request is not valid JSON.")))
            try:
                result = method(block, data, suffix)
            except refusals as error:
                raise HandlerError(error.code, error.message) from error
            return result if isinstance(result, Response) else json_response(result)

        parsed = XBlock.json_handler(answer)

        @XBlock.handler
        @functools.wraps(method)
        def handler(block, request, suffix=""):
            if _too_large(request, max_body):
                return HandlerError("too_large", translate(block, _("The request is too large.")), 413).get_response()
            if authors_only and not may_edit(block):
                return HandlerError("forbidden", translate(block, _("Only course staff can edit.")), 403).get_response()
            response = parsed(block, request, suffix)
            if isinstance(response, JsonAnswer):
                return response
            if response.status_code == 405:  # json_handler's refusal of a GET
                return HandlerError("method_not_allowed", translate(block, _("Send this request as a POST.")),
                                    405).get_response(allow=["POST"])
            return HandlerError("malformed_json", translate(block, _("The request is not valid JSON."))).get_response()

        return handler

    return decorate
