"""The demo course that `cadre-course build` makes from the example outline opens in the devhost, unit by unit."""

import pytest

from devhost.built_course import SCENARIO_PREFIX


@pytest.mark.django_db
def test_home_lists_the_built_course_units(client):
    page = client.get("/").content.decode()
    assert f"/unit/{SCENARIO_PREFIX}c1s1u1/" in page
    assert "学习：工会法要点" in page


def test_a_built_unit_with_video_and_text_renders(learner_client):
    page = learner_client.get(f"/unit/{SCENARIO_PREFIX}c1s1u1/").content.decode()
    assert "《中华人民共和国工会法》明确了工会的性质、职责和权利。" in page
    # No video site the users cannot reach: the platform's own pipeline, named by its edx_video_id.
    assert "edx_video_id：union-law-essentials" in page and "youtube" not in page.lower()


def test_the_built_survey_unit_renders(learner_client):
    page = learner_client.get(f"/unit/{SCENARIO_PREFIX}c2s1u2/").content.decode()
    assert "2026年培训需求调查" in page


def test_the_built_challenge_unit_renders_its_title(learner_client):
    page = learner_client.get(f"/unit/{SCENARIO_PREFIX}c1s1u2/").content.decode()
    assert "工会法闯关" in page


@pytest.mark.parametrize("name", ["demo_bank.xlsx", "demo_outline.yaml", "built_demo_course.tar.gz"])
def test_staff_download_the_example_files_and_the_built_course(staff_client, name):
    response = staff_client.get(f"/course-exports/{name}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert len(b"".join(response.streaming_content)) > 100


def test_learners_cannot_download(learner_client):
    assert learner_client.get("/course-exports/demo_bank.xlsx").status_code == 302


def test_unknown_names_are_not_found(staff_client):
    assert staff_client.get("/course-exports/..%2Fsettings.py").status_code == 404


@pytest.mark.django_db
def test_home_links_the_downloads_for_administrators(client):
    assert "/course-exports/built_demo_course.tar.gz" in client.get("/").content.decode()
