"""
Administrators' ledger actions: a manual adjustment, a reversal, an offline roster import and
replaying failed LMS events. The learner's page they return to is the compliance applet's.
"""
import uuid

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cadre_common.problems import listed
from cadre_common.uploads import BoundedFileField
from credit_plugin.ledger import lms_events, offline_import, recording, totals
from credit_plugin.ledger.errors import LedgerError
from credit_plugin.organisations import api as organisations_api
from credit_plugin.pages import page


class AdjustmentForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Username"))
    credits = forms.DecimalField(label=gettext_lazy("Credits"), max_digits=9, decimal_places=2)
    hours = forms.DecimalField(label=gettext_lazy("Class hours"), max_digits=9, decimal_places=2)
    day = forms.DateField(label=gettext_lazy("Date earned"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=gettext_lazy("Reason (required)"), widget=forms.Textarea(attrs={"rows": 2}))
    # One id per rendered form: submitting the same form twice records one adjustment.
    request_id = forms.UUIDField(widget=forms.HiddenInput)

    @classmethod
    def for_learner(cls, username: str) -> "AdjustmentForm":
        return cls(initial={"username": username, "request_id": uuid.uuid4()})


class ReversalForm(forms.Form):
    entry_id = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=gettext_lazy("Reason for the reversal"))


class ImportForm(forms.Form):
    roster = BoundedFileField(label=gettext_lazy("Roster file (XLSX or CSV)"))
    dry_run = forms.BooleanField(
        label=gettext_lazy("Only check and preview; record nothing"), required=False, initial=True
    )


def learner_page_url(username: str = "", year: int | None = None) -> str:
    query = f"?username={username}" + (f"&year={year}" if year else "") if username else ""
    return reverse("credit_plugin:credits_admin") + query


@require_POST
def reverse_entry(request):
    organisations_api.require_admin(request)
    form = ReversalForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A reversal needs a reason."))
        return redirect(learner_page_url(request.POST.get("username", "")))
    entry_id = form.cleaned_data["entry_id"]
    owner = totals.entry_owner(entry_id=entry_id)
    if owner is None or not organisations_api.can_change_learner(request.user, owner):
        messages.error(request, _("No entry %(id)s.") % {"id": entry_id})
    else:
        try:
            recording.reverse_entry(entry_id=entry_id, reason=form.cleaned_data["reason"],
                                    recorded_by=request.user.username)
            messages.success(request, _("Entry %(id)s reversed.") % {"id": entry_id})
        except LedgerError as error:
            messages.error(request, str(error))
    return redirect(learner_page_url(request.POST.get("username", "")))


def offline_import_page(request):
    """Upload a roster: preview it (dry run) or record it; every problem is listed and nothing half-written."""
    organisations_api.require_province_admin(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["roster"]
        result = offline_import.import_offline_credits(
            data=upload.read(), filename=upload.name, recorded_by=request.user.username,
            dry_run=form.cleaned_data["dry_run"],
        )
    return page(request, "credit_plugin/import.html", {"form": form, "result": result,
                                                        "problems": listed(result.errors) if result else []})


@require_POST
def replay_failed(request):
    organisations_api.require_province_admin(request)
    replayed = lms_events.replay_failed_events()
    messages.success(request, _("%(count)s events processed again.") % {"count": len(replayed)})
    return redirect(learner_page_url())
