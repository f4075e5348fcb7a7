"""
Yearly caps, policy rows and organisation targets, cached for a minute.

Every ledger write consults them; they change a few times a year in Django admin. Saving or
deleting one clears the cache of the process that saved it; other processes see it within
the minute (or at once where the cache is shared, as the LMS's is).
"""
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from credit_plugin.ledger.models import OrganisationTarget, YearlyCap, YearlyPolicy

TIMEOUT = 60
CAPS_KEY = "credit_plugin:yearly_caps"
POLICY_KEY = "credit_plugin:yearly_policy"
ORGANISATION_TARGETS_KEY = "credit_plugin:organisation_targets"


def _pairs(model, key_field: str, first: str, second: str) -> dict:
    """{row's key: (first, second)} of every row of ``model``."""
    return {key: (one, two) for key, one, two in model.objects.values_list(key_field, first, second)}


def yearly_caps() -> dict:
    """{source kind: (max credits, max hours)}"""
    return cache.get_or_set(CAPS_KEY, lambda: _pairs(YearlyCap, "source_kind", "max_credits", "max_hours"), TIMEOUT)


def yearly_policies() -> dict:
    """{year: (credit target, hour target)}"""
    return cache.get_or_set(POLICY_KEY, lambda: _pairs(YearlyPolicy, "year", "credit_target", "hour_target"), TIMEOUT)


def organisation_targets() -> dict:
    """{organisation path: {year or None: (credit target, hour target)}}"""
    def load():
        targets = {}
        rows = OrganisationTarget.objects.values_list("organisation__path", "year", "credit_target", "hour_target")
        for path, year, credits, hours in rows:
            targets.setdefault(path, {})[year] = (credits, hours)
        return targets

    return cache.get_or_set(ORGANISATION_TARGETS_KEY, load, TIMEOUT)


@receiver([post_save, post_delete], sender=OrganisationTarget, dispatch_uid="credit_plugin.org_targets_changed")
def _organisation_targets_changed(**kwargs):
    cache.delete(ORGANISATION_TARGETS_KEY)


@receiver([post_save, post_delete], sender=YearlyCap, dispatch_uid="credit_plugin.caps_changed")
def _caps_changed(**kwargs):
    cache.delete(CAPS_KEY)


@receiver([post_save, post_delete], sender=YearlyPolicy, dispatch_uid="credit_plugin.policy_changed")
def _policy_changed(**kwargs):
    cache.delete(POLICY_KEY)
