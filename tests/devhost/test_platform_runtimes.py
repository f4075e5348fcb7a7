"""
The devhost's LMS and Studio runtimes give blocks what the platform's give them (docs/platform-contract.rst):
Studio's user service built from the user alone with ``studio_user_permissions`` deciding who writes,
the LMS's read-only course content, Studio preview's author mode and session-held learner state, and
handler URLs of the platform's shape.
"""
import json

import pytest
from django.contrib.auth.models import Group
from workbench.models import XBlockState
from xblock.exceptions import InvalidScopeError

from devhost.course_access import COURSE_STAFF_GROUP
from devhost.course_structure import DEMO_COURSE_KEY
from devhost.runtimes.lms import LmsRuntime
from devhost.runtimes.studio import StudioPreviewRuntime, StudioRuntime
from tests.devhost_blocks import lms_handler, preview_handler, studio_handler, usage_key
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
CHALLENGE = "level-challenge.level_challenge.d0.u0"
SURVEY = "demand-survey.demand_survey.d0.u0"
LEVELS = json.dumps([{"title": "作者新设的关卡", "count": 3, "pass_percent": 60}], ensure_ascii=False)
QUESTIONS = json.dumps([{"id": "wish", "kind": "text", "prompt": "作者新写的问题"}], ensure_ascii=False)
EDITS = {CHALLENGE: ({"levels": LEVELS}, "作者新设的关卡"), SURVEY: ({"questions": QUESTIONS}, "作者新写的问题")}


@pytest.fixture
def course_author(db):
    """A member of the course's staff role who is not global staff: a typical author."""
    author = UserFactory(username="course_author")
    author.groups.add(Group.objects.get_or_create(name=COURSE_STAFF_GROUP)[0])
    return author


def saved_content(usage_id, learner) -> str:
    block = LmsRuntime(learner, DEMO_COURSE_KEY).get_block(usage_key(usage_id))
    return json.dumps(block.level_list if usage_id == CHALLENGE else block.question_list, ensure_ascii=False)


def post_json(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_studio_tells_blocks_nothing_of_the_authors_role_but_lets_them_ask_who_may_write(course_author):
    runtime = StudioRuntime(course_author, DEMO_COURSE_KEY)
    block = runtime.get_block(usage_key(CHALLENGE))
    attributes = runtime.service(block, "user").get_current_user().opt_attrs
    assert (attributes["edx-platform.user_is_staff"], attributes["edx-platform.user_role"]) == (False, "student")
    assert attributes["edx-platform.anonymous_user_id"] is None
    assert runtime.service(block, "studio_user_permissions").can_write(block.context_key) is True


@pytest.mark.parametrize("usage_id", [CHALLENGE, SURVEY])
def test_an_author_who_may_write_the_course_saves_the_block_in_studio(client, course_author, learner, usage_id):
    edit, marker = EDITS[usage_id]
    client.force_login(course_author)
    response = post_json(client, studio_handler(usage_id, "studio_submit"), edit)
    assert (response.status_code, response.json()["saved"]) == (200, True), response.content
    assert marker in saved_content(usage_id, learner)


@pytest.mark.parametrize("usage_id", [CHALLENGE, SURVEY])
def test_a_studio_user_who_may_not_write_the_course_is_refused_and_nothing_changes(client, learner, usage_id):
    edit, marker = EDITS[usage_id]
    client.force_login(UserFactory(username="other_courses_author"))
    response = post_json(client, studio_handler(usage_id, "studio_submit"), edit)
    assert (response.status_code, response.json()["error"]) == (403, "forbidden")
    assert marker not in saved_content(usage_id, learner)


@pytest.mark.parametrize("usage_id", [CHALLENGE, SURVEY])
def test_in_the_lms_no_one_edits_a_block_not_even_course_staff(client, staff_user, learner, usage_id):
    edit, marker = EDITS[usage_id]
    for user in (learner, staff_user):
        client.force_login(user)
        response = post_json(client, lms_handler(usage_id, "studio_submit"), edit)
        assert (response.status_code, response.json()["error"]) == (403, "forbidden")
    assert marker not in saved_content(usage_id, learner)


def test_studio_saves_a_handlers_changes_only_for_authors(learner, course_author):
    """``component_handler`` runs any logged-in user's handler but updates the course only for authors."""
    for user, kept in ((learner, False), (course_author, True)):
        runtime = StudioRuntime(user, DEMO_COURSE_KEY)
        block = runtime.get_block(usage_key(CHALLENGE))
        block.display_name = f"{user.username} 改的名字"
        block.save()
        assert runtime.persist_for_author() is kept
    names = LmsRuntime(learner, DEMO_COURSE_KEY).get_block(usage_key(CHALLENGE)).display_name
    assert names == "course_author 改的名字"


def test_the_lms_holds_the_courses_content_read_only(learner):
    block = LmsRuntime(learner, DEMO_COURSE_KEY).get_block(usage_key(CHALLENGE))
    block.display_name = "学员改的名字"
    with pytest.raises(InvalidScopeError):
        block.save()


def test_studio_preview_is_author_mode_and_keeps_the_authors_attempts_in_the_session(client, course_author):
    client.force_login(course_author)
    page = client.get("/studio/preview/level_challenge.0/").content.decode()
    assert "data-runtime-class='PreviewRuntime'" in page
    rows_before = XBlockState.objects.filter(scope="usage", user_id=str(course_author.id)).count()
    response = post_json(client, preview_handler(CHALLENGE, "start_level"), {"level": 0})
    assert response.status_code == 200 and len(response.json()["questions"]) == 5
    assert XBlockState.objects.filter(scope="usage", user_id=str(course_author.id)).count() == rows_before
    assert any(key.startswith("preview-xblock:") for key, _value in client.session.items())
    assert post_json(client, lms_handler(CHALLENGE, "start_level"), {"level": 0}).status_code == 200
    assert XBlockState.objects.filter(scope="usage", user_id=str(course_author.id)).count() > rows_before  # the LMS's
    runtime = StudioPreviewRuntime(course_author, DEMO_COURSE_KEY, session={})
    attributes = runtime.service(runtime.get_block(usage_key(CHALLENGE)), "user").get_current_user().opt_attrs
    assert runtime.is_author_mode and attributes["edx-platform.user_role"] == "staff"
    assert attributes["edx-platform.anonymous_user_id"] == "student"


def test_handler_urls_have_the_platforms_shapes(learner, course_author):
    key = usage_key(CHALLENGE)
    lms = LmsRuntime(learner, DEMO_COURSE_KEY)
    studio = StudioRuntime(course_author, DEMO_COURSE_KEY)
    preview = StudioPreviewRuntime(course_author, DEMO_COURSE_KEY, session={})
    assert lms.handler_url(lms.get_block(key), "submit_level") == (
        f"/courses/{DEMO_COURSE_KEY}/xblock/{key}/handler/submit_level")
    assert studio.handler_url(studio.get_block(key), "studio_submit") == f"/xblock/{key}/handler/studio_submit"
    assert preview.handler_url(preview.get_block(key), "start_level", query="a=1") == (
        f"/preview/xblock/{key}/handler/start_level?a=1")


def test_a_block_of_another_course_or_type_is_not_found(learner_client):
    other_course = lms_handler(CHALLENGE, "start_level").replace("CADRE101+2026", "CADRE101+2027", 1)
    assert learner_client.post(other_course, data="{}", content_type="application/json").status_code == 404
    wrong_type = lms_handler(CHALLENGE, "start_level").replace("type@level_challenge", "type@problem")
    assert learner_client.post(wrong_type, data="{}", content_type="application/json").status_code == 404
