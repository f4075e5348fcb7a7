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
    from credit_plugin.api import Trigger
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


def organisation(code, name=None, level="grassroots", parent=None):
    """An organisation in the tree, below ``parent`` (an Organisation or None for a root)."""
    from credit_plugin.organisations.tree import save_organisation

    return save_organisation(code=code, name=name or f"组织{code}", level=level, parent=parent)


def union_tree():
    """A province with two cities, a district under each and a grassroots union under each district."""
    province = organisation("370000", "山东省总工会", "province")
    city_a = organisation("370100", "济南市总工会", "city", province)
    city_b = organisation("370200", "青岛市总工会", "city", province)
    district_a = organisation("370102", "历下区总工会", "district", city_a)
    district_b = organisation("370202", "市南区总工会", "district", city_b)
    return {
        "province": province, "city_a": city_a, "city_b": city_b, "district_a": district_a,
        "district_b": district_b,
        "union_a": organisation("370102001", "历下区某公司工会", "grassroots", district_a),
        "union_b": organisation("370202001", "市南区某公司工会", "grassroots", district_b),
    }


def cadre(organisation, *, username=None, name=None, took_office_on=None, registered_on=None, category="chair",
          **fields):
    """A serving cadre of ``organisation`` (an LMS user named ``name``, 王小纲 by default, with a profile)."""
    from datetime import date

    from credit_plugin.models import CadreProfile

    user = UserFactory(**({"username": username} if username else {}), **({"first_name": name} if name else {}))
    took_office_on = took_office_on or date(2020, 3, 1)
    CadreProfile.objects.create(
        user=user, organisation=organisation, category=category, took_office_on=took_office_on,
        registered_on=registered_on or took_office_on, **fields,
    )
    return user


def administrator(organisation, username=None):
    """A training administrator of ``organisation`` (not staff: their reach is the subtree)."""
    from credit_plugin.models import TrainingAdministrator

    user = UserFactory(**({"username": username} if username else {}))
    TrainingAdministrator.objects.create(user=user, organisation=organisation)
    return user
