"""The filters of a compliance page or REST call (``?year=&status=&category=&org=``), checked by a serializer."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from credit_plugin.compliance.data import ComplianceStatus
from credit_plugin.organisations.data import CadreCategory
from credit_plugin.rest import YearQuery


class ComplianceQuery(YearQuery):
    status = serializers.ChoiceField(
        choices=ComplianceStatus.choices, required=False, allow_blank=True, default="",
        error_messages={"invalid_choice": _("Unknown status '{input}'.")},
    )
    category = serializers.ChoiceField(
        choices=CadreCategory.choices, required=False, allow_blank=True, default="",
        error_messages={"invalid_choice": _("Unknown cadre category '{input}'.")},
    )
    org = serializers.CharField(required=False, allow_blank=True, default="", max_length=64)


def first_error(query: serializers.Serializer) -> tuple[str, str]:
    """(the first wrong parameter, what is wrong with it)."""
    field, messages = next(iter(query.errors.items()))
    return field, str(messages[0])
