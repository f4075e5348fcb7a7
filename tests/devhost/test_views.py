"""The devhost's pages: home, units rendered by the XBlock runtime, language switch, LMS bridge."""
import pytest
from completion.models import BlockCompletion

from credit_plugin.models import LmsEventReceipt
from devhost.course_structure import DEMO_COURSE_KEY, unit_scenarios
from devhost.runtimes.lms import LmsRuntime
from tests.devhost_blocks import lms_handler


@pytest.mark.django_db
def test_home_lists_our_block_scenarios_and_not_the_sdk_samples(client):
    page = client.get("/").content.decode()
    assert "/unit/level_challenge.0/" in page
    assert "/unit/demand_survey.0/" in page
    assert "thumbs" not in page
    assert {scenario_id for scenario_id, _ in unit_scenarios()} >= {"level_challenge.0", "demand_survey.0"}


@pytest.mark.django_db
def test_units_need_a_login(client):
    response = client.get("/unit/level_challenge.0/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize(
    ("scenario_id", "title"), [("level_challenge.0", "工会基础知识闯关"), ("demand_survey.0", "工会干部学习需求调查")]
)
def test_each_block_renders_for_the_logged_in_learner(learner_client, scenario_id, title):
    page = learner_client.get(f"/unit/{scenario_id}/").content.decode()
    assert title in page
    assert 'data-runtime-class=\'LmsRuntime\'' in page
    assert "data-usage-id='block-v1:SDFTU+CADRE101+2026+type@" in page


def test_chinese_is_the_default_and_english_is_a_switch_away(learner_client):
    chinese = learner_client.get("/unit/level_challenge.0/").content.decode()
    assert "复习我的错题" in chinese
    learner_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = learner_client.get("/unit/level_challenge.0/").content.decode()
    assert "Review my wrong questions" in english


def test_studio_pages_are_for_the_courses_authors_only(learner_client):
    assert learner_client.get("/studio/unit/level_challenge.0/").status_code == 403
    assert learner_client.get("/studio/preview/level_challenge.0/").status_code == 403


def test_unknown_scenario_is_404(learner_client):
    assert learner_client.get("/unit/nope.0/").status_code == 404


@pytest.mark.django_db
def test_a_handler_refuses_an_anonymous_post_as_the_lms_does(client):
    response = client.post(lms_handler("level-challenge.level_challenge.d0.u0", "start_level"))
    assert (response.status_code, response.content) == (403, b"Unauthenticated")


def test_bridge_is_for_staff_only(learner_client):
    assert learner_client.get("/lms-bridge/").status_code == 302


def test_bridge_sends_the_passing_event_for_the_chosen_learner_and_says_so_in_words(staff_client, learner):
    response = staff_client.post("/lms-bridge/pass_course/", {"username": learner.username}, follow=True)
    assert response.status_code == 200
    assert LmsEventReceipt.objects.get().user_id == learner.id
    assert "（learner1）已在《" in response.content.decode() and "中课程合格" in response.content.decode()
    assert "pass_course" not in response.content.decode().split("<main")[1].split("<form")[0]


def test_bridge_finds_learners_by_name_or_username_and_chooses_none_for_the_operator(staff_client):
    from tests.factories import UserFactory

    UserFactory(username="wangxg", name="王小纲")
    UserFactory(username="lihua", name="李华")
    page = staff_client.get("/lms-bridge/", {"q": "小纲"}).content.decode()
    assert 'value="wangxg"' in page and 'value="lihua"' not in page
    assert '<option value="" selected disabled>' in page
    assert 'value="lihua"' in staff_client.get("/lms-bridge/", {"q": "lih"}).content.decode()
    response = staff_client.post("/lms-bridge/pass_course/", {"username": ""}, follow=True)
    assert "请先选择一名学员" in response.content.decode() and not LmsEventReceipt.objects.exists()


def test_bridge_explains_a_revocation_without_certificate(staff_client, learner):
    response = staff_client.post("/lms-bridge/revoke_certificate/", {"username": learner.username}, follow=True)
    assert "没有可撤销的证书" in response.content.decode()
    assert not LmsEventReceipt.objects.exists()


@pytest.mark.django_db
def test_runtime_publishes_completion_through_edx_completion(learner, completion_tracking):
    runtime = LmsRuntime(learner, DEMO_COURSE_KEY)
    block = runtime.get_block("level-challenge.level_challenge.d0.u0")
    runtime.publish(block, "completion", {"completion": 1.0})
    completion = BlockCompletion.objects.get(user=learner)
    assert str(completion.context_key) == "course-v1:SDFTU+CADRE101+2026"
    assert completion.block_key.block_type == "level_challenge"
    assert completion.completion == 1.0


@pytest.mark.django_db
def test_runtime_gives_blocks_real_keys_and_the_logged_in_user(learner):
    runtime = LmsRuntime(learner, DEMO_COURSE_KEY)
    block = runtime.get_block("level-challenge.level_challenge.d0.u0")
    runtime.render(block, "student_view")
    assert str(block.location).startswith("block-v1:SDFTU+CADRE101+2026+type@level_challenge+block@")
    assert block.scope_ids.usage_id == block.location and block.context_key == DEMO_COURSE_KEY
    user = runtime.service(block, "user").get_current_user()
    assert user.opt_attrs["edx-platform.user_id"] == learner.id
    assert user.full_name == "王小纲"


@pytest.mark.django_db
def test_course_staff_author_in_studio_without_seeing_any_organisations_cadres(client):
    from django.contrib.auth.models import Group

    from devhost.course_access import COURSE_STAFF_GROUP
    from tests.factories import UserFactory

    author = UserFactory(username="course_author")
    author.groups.add(Group.objects.create(name=COURSE_STAFF_GROUP))
    client.force_login(author)
    assert client.get("/studio/unit/level_challenge.0/").status_code == 200
    assert client.get("/cadre-credits/compliance/").status_code == 403
    client.force_login(UserFactory(username="plain_learner"))
    assert client.get("/studio/unit/level_challenge.0/").status_code == 403


def test_the_django_admin_speaks_chinese_like_the_rest_of_the_site(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "x"))
    page = client.get("/admin/").content.decode()
    assert "站点管理" in page and "Site administration" not in page


def test_every_page_has_an_icon(client):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/devhost/favicon.svg"
    assert finders.find("devhost/favicon.svg")
    assert 'rel="icon"' in client.get("/login/").content.decode()
