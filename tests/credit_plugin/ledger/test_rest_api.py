"""REST API v1 of the credit plugin, mounted by the plugin framework."""
import pytest
from django.test import override_settings
from django.urls import reverse


def test_policy_url_is_mounted_where_the_lms_would_mount_it():
    assert reverse("credit_plugin:v1:policy") == "/api/cadre-credits/v1/policy/"


@pytest.mark.django_db
def test_policy_needs_a_logged_in_user(client):
    assert client.get("/api/cadre-credits/v1/policy/").status_code == 401  # JWT or session, as the LMS answers


@override_settings(CADRE_TRAINING_YEARLY_CREDITS=100)
def test_policy_shows_the_configured_targets(learner_client):
    response = learner_client.get("/api/cadre-credits/v1/policy/")
    assert response.status_code == 200
    assert response.json() == {"yearly_credits": "100.00", "yearly_hours": "40.00", "time_zone": "Asia/Shanghai"}
