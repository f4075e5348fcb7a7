"""REST API v1 of the survey plugin, mounted by the plugin framework."""
import pytest
from django.test import override_settings


@pytest.mark.django_db
def test_privacy_policy_needs_a_logged_in_user(client):
    assert client.get("/api/cadre-surveys/v1/privacy/").status_code == 403


@override_settings(CADRE_SURVEY_MIN_GROUP_SIZE=8)
def test_privacy_policy_shows_the_configured_threshold(learner_client):
    response = learner_client.get("/api/cadre-surveys/v1/privacy/")
    assert response.json() == {"min_group_size": 8, "max_text_length": 2000}
