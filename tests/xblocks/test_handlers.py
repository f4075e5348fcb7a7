"""The blocks' one JSON handler helper: size limit before parsing, JSON errors, the author check."""
import json

import pytest
import webob
from opaque_keys.edx.keys import UsageKey
from xblock.core import XBlock
from xblock.fields import ScopeIds
from xblock.test.toy_runtime import ToyRuntime

from tests.devhost_blocks import lms_handler
from xblocks.handlers import HandlerError, json_handler, may_edit


class Refused(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


@XBlock.needs("i18n")
@XBlock.wants("user", "studio_user_permissions")
class EchoBlock(XBlock):
    """A block with one handler of each kind the real blocks have."""

    @json_handler(max_body=100, refusals=(Refused,))
    def echo(self, data, suffix=""):
        if data.get("refuse"):
            raise Refused("refused", "no")
        if data.get("forbid"):
            raise HandlerError("forbidden", "not you", 403)
        return {"echo": data}

    @json_handler(authors_only=True)
    def edit(self, data, suffix=""):
        return {"saved": True}


ECHO_KEY = "block-v1:SDFTU+CADRE101+2026+type@echo+block@e1"


class StudioPermissions:
    """Studio's StudioPermissionsService as blocks see it: ``can_write(course_key)``."""

    def __init__(self, writable):
        self.writable, self.asked = writable, []

    def can_write(self, course_key):
        self.asked.append(course_key)
        return self.writable


def block(services=None):
    runtime = ToyRuntime()
    runtime._services.update(services or {})  # as Studio's load_services_for_studio does
    key = UsageKey.from_string(ECHO_KEY)
    return runtime, runtime.construct_xblock_from_class(EchoBlock, ScopeIds("u", "echo", key.block_id, key))


def call(runtime, echo_block, name, body=b"{}", method="POST"):
    response = runtime.handle(echo_block, name, webob.Request.blank("/", method=method, body=body))
    return response.status_code, json.loads(response.body)


def test_a_json_object_is_answered_as_json():
    assert call(*block(), "echo", b'{"a": "\xe5\xb7\xa5"}') == (200, {"echo": {"a": "工"}})


@pytest.mark.parametrize(
    ("body", "method", "status", "code"),
    [
        (b"{not json", "POST", 400, "malformed_json"),
        (b"[1]", "POST", 400, "malformed_json"),
        (b"\xff", "POST", 400, "malformed_json"),
        (json.dumps({"pad": "x" * 200}).encode(), "POST", 413, "too_large"),
        (b"{}", "GET", 405, "method_not_allowed"),
        (b'{"refuse": true}', "POST", 400, "refused"),
        (b'{"forbid": true}', "POST", 403, "forbidden"),
    ],
)
def test_every_refusal_is_json_with_a_code_a_message_and_its_status(body, method, status, code):
    answered, error = call(*block(), "echo", body, method)
    assert (answered, error["error"]) == (status, code)
    assert error["message"]


@pytest.mark.django_db
def test_refusals_are_worded_in_the_learners_language(learner_client):
    usage = "level-challenge.level_challenge.d0.u0"
    response = learner_client.post(lms_handler(usage, "start_level"), data="{not json", content_type="application/json",
                                   HTTP_ACCEPT_LANGUAGE="zh-cn")
    assert (response.status_code, response.json()["message"]) == (400, "请求不是有效的 JSON。")


def test_in_studio_the_permissions_service_decides_who_edits():
    permissions = StudioPermissions(writable=False)
    runtime, echo_block = block({"studio_user_permissions": permissions})
    assert call(runtime, echo_block, "edit") == (
        403, {"error": "forbidden", "message": "Only the course's authors can edit it, in Studio."})
    assert [str(key) for key in permissions.asked] == ["course-v1:SDFTU+CADRE101+2026"]
    permissions.writable = True
    assert call(runtime, echo_block, "edit") == (200, {"saved": True})


def test_outside_studio_no_one_edits_not_even_course_staff(learner, staff_user):
    """The LMS holds a course's content read-only: its runtime has no studio_user_permissions."""
    from devhost.runtimes.lms import lms_user_service

    for user in (learner, staff_user):
        runtime, echo_block = block({"user": lms_user_service(user, UsageKey.from_string(ECHO_KEY).course_key)})
        assert not may_edit(echo_block)
        assert call(runtime, echo_block, "edit")[0] == 403
