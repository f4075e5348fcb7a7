"""Factories for the test data every part of the suite needs."""
import factory
from django.contrib.auth import get_user_model

DEFAULT_PASSWORD = "test-password"


class UserFactory(factory.django.DjangoModelFactory):
    """An active LMS user with a Chinese name and a known password."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"cadre{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    # The LMS keeps one full name per learner (UserProfile.name); Chinese names have no space.
    first_name = "王小纲"
    last_name = ""
    is_active = True
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def _save(user, create, extracted, **kwargs):
        if create:
            user.save()


class StaffFactory(UserFactory):
    is_staff = True


def credit_rule(**overrides):
    """A credit rule for the demo course (passing it grants 10 credits and 4.5 hours)."""
    from credit_plugin.data import Trigger
    from credit_plugin.models import CreditRule

    values = {
        "title": "工会干部应知应会基础",
        "course_key": "course-v1:SDFTU+CADRE101+2026",
        "trigger": Trigger.COURSE_PASSED,
        "credits": "10",
        "hours": "4.5",
    }
    values.update(overrides)
    return CreditRule.objects.create(**values)
