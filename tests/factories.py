"""Factories for the test data every part of the suite needs."""
from datetime import date

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
    is_active = True
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def _save(user, create, extracted, **kwargs):
        if create:
            user.save()

    @factory.post_generation
    def name(user, create, extracted, **kwargs):
        """The full name, where the LMS keeps it: ``UserProfile.name`` (first and last name stay empty)."""
        if create:
            from devhost.platform_tables.student.models import UserProfile

            name = "王小纲" if extracted is None else extracted
            UserProfile.objects.update_or_create(user=user, defaults={"name": name})


class StaffFactory(UserFactory):
    is_staff = True


class CreditRuleFactory(factory.django.DjangoModelFactory):
    """A credit rule for the demo course: passing it grants 10 credits and 4.5 hours."""

    class Meta:
        model = "credit_plugin.CreditRule"

    title = "工会干部应知应会基础"
    course_key = "course-v1:SDFTU+CADRE101+2026"
    trigger = "course_passed"
    credits = "10"
    hours = "4.5"


class CadreProfileFactory(factory.django.DjangoModelFactory):
    """A serving chair who took office on 1 March 2020 and registered that day."""

    class Meta:
        model = "credit_plugin.CadreProfile"

    user = factory.SubFactory(UserFactory)
    category = "chair"
    took_office_on = factory.LazyFunction(lambda: date(2020, 3, 1))
    registered_on = factory.LazyAttribute(lambda profile: profile.took_office_on)


class TrainingAdministratorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "credit_plugin.TrainingAdministrator"

    user = factory.SubFactory(UserFactory)


class OrganisationIssuerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "credit_plugin.OrganisationIssuer"

    issuer_name = factory.LazyAttribute(lambda issuer: issuer.organisation.name)
    serial_prefix = "JN"


class OrganisationTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "credit_plugin.OrganisationTarget"

    credit_target = 100
    hour_target = 40


class YearlyPolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "credit_plugin.YearlyPolicy"

    credit_target = 100
    hour_target = 45


class YearlyCapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "credit_plugin.YearlyCap"

    max_credits = 25
    max_hours = 10


def credit_rule(**overrides):
    """A credit rule for the demo course (passing it grants 10 credits and 4.5 hours)."""
    return CreditRuleFactory(**overrides)


def organisation(code, name=None, level="grassroots", parent=None):
    """An organisation in the tree, below ``parent`` (an Organisation or None for a root); the tree keeps its path."""
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


def cadre(organisation, *, username=None, name=None, **fields):
    """A serving cadre of ``organisation``: an LMS user named ``name`` (王小纲 by default) with a profile."""
    user = UserFactory(**({"username": username} if username else {}), **({"name": name} if name else {}))
    CadreProfileFactory(user=user, organisation=organisation, **fields)
    return user


def administrator(organisation, username=None):
    """A training administrator of ``organisation`` (not staff: their reach is the subtree)."""
    return TrainingAdministratorFactory(user=UserFactory(**({"username": username} if username else {})),
                                        organisation=organisation).user
