"""Administrators' pages: a learner's record, manual adjustments, reversals, offline imports, failed events."""

import uuid
from datetime import datetime, time

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from credit_plugin import api, config, permissions
from credit_plugin.data import SourceKind
from credit_plugin.models import Certificate, LmsEventReceipt
from credit_plugin.views.learner import requested_year, requested_year_now


class AdjustmentForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Username"))
    credits = forms.DecimalField(label=gettext_lazy("Credits"), max_digits=9, decimal_places=2)
    hours = forms.DecimalField(label=gettext_lazy("Class hours"), max_digits=9, decimal_places=2)
    day = forms.DateField(label=gettext_lazy("Date earned"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=gettext_lazy("Reason (required)"), widget=forms.Textarea(attrs={"rows": 2}))
    # One id per rendered form: submitting the same form twice records one adjustment.
    request_id = forms.UUIDField(widget=forms.HiddenInput)


class ReversalForm(forms.Form):
    entry_id = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=gettext_lazy("Reason for the reversal"))


class ImportForm(forms.Form):
    roster = forms.FileField(label=gettext_lazy("Roster file (XLSX or CSV)"))
    dry_run = forms.BooleanField(
        label=gettext_lazy("Only check and preview; record nothing"), required=False, initial=True
    )


def _require_admin(request):
    if not permissions.is_credit_admin(request.user):
        raise PermissionDenied


def _require_province_admin(request):
    """Imports and failed events span every organisation: only province administrators act on them."""
    if not permissions.is_province_admin(request.user):
        raise PermissionDenied


def _admin_url(username="", year=None):
    query = f"?username={username}" + (f"&year={year}" if year else "") if username else ""
    return reverse("credit_plugin:credits_admin") + query


def _page(request, template, context):
    return render(request, template, {"base_template": config.get("CADRE_TRAINING_BASE_TEMPLATE"), **context})


def credits_admin(request):
    """Look up a learner; their year, entries (with reversal), and the adjustment form."""
    _require_admin(request)
    username = request.GET.get("username", "").strip()
    learner = get_user_model().objects.filter(username=username).first() if username else None
    if learner and not permissions.can_view_learner(request.user, learner.id):
        learner = None  # outside the administrator's organisations: answered like an unknown username
    context = {
        "username": username,
        "learner": learner,
        "adjustment_form": AdjustmentForm(initial={"username": username, "request_id": uuid.uuid4()}),
        "import_form": ImportForm(),
        "province_admin": permissions.is_province_admin(request.user),
    }
    if context["province_admin"]:
        context["failed_events"] = LmsEventReceipt.objects.filter(status=LmsEventReceipt.Status.FAILED).count()
    if username and learner is None:
        messages.error(request, _("No learner with username %(username)s.") % {"username": username})
    if learner:
        year = requested_year(request) or requested_year_now()
        labels = dict(SourceKind.choices)
        context.update(
            summary=api.year_summary(user_id=learner.id, year=year),
            rows=[(entry, labels[entry.source_kind]) for entry in api.entries(user_id=learner.id, year=year)],
            certificates=Certificate.objects.filter(user=learner).order_by("-year", "-issued_at"),
        )
    return _page(request, "credit_plugin/admin.html", context)


@require_POST
def manual_adjustment(request):
    _require_admin(request)
    form = AdjustmentForm(request.POST)
    learner = get_user_model().objects.filter(username=request.POST.get("username", "")).first()
    if learner is not None and not permissions.can_change_learner(request.user, learner.id):
        learner = None  # outside the administrator's organisations: as if there were no such learner
    if not form.is_valid() or learner is None:
        messages.error(
            request,
            _("The adjustment was not recorded: %(errors)s")
            % {"errors": "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()) or _("unknown learner")},
        )
        return redirect(_admin_url(request.POST.get("username", "")))
    data = form.cleaned_data
    try:
        api.record_entry(
            user_id=learner.id,
            credits=data["credits"],
            hours=data["hours"],
            earned_at=datetime.combine(data["day"], time(12), tzinfo=config.credit_time_zone()),
            source_kind=SourceKind.MANUAL_ADJUSTMENT,
            reference="",
            title=_("Manual adjustment"),
            recorded_by=request.user.username,
            reason=data["reason"],
            idempotency_key=f"manual:{data['request_id']}",
        )
        messages.success(request, _("Adjustment recorded for %(user)s.") % {"user": learner.username})
    except api.LedgerError as error:
        messages.error(request, str(error))
    return redirect(_admin_url(learner.username, data["day"].year))


@require_POST
def reverse_entry(request):
    _require_admin(request)
    form = ReversalForm(request.POST)
    username = request.POST.get("username", "")
    if not form.is_valid():
        messages.error(request, _("A reversal needs a reason."))
    elif not permissions.can_change_entry(request.user, form.cleaned_data["entry_id"]):
        messages.error(request, _("No entry %(id)s.") % {"id": form.cleaned_data["entry_id"]})
    else:
        try:
            api.reverse_entry(
                entry_id=form.cleaned_data["entry_id"],
                reason=form.cleaned_data["reason"],
                recorded_by=request.user.username,
            )
            messages.success(request, _("Entry %(id)s reversed.") % {"id": form.cleaned_data["entry_id"]})
        except api.LedgerError as error:
            messages.error(request, str(error))
    return redirect(_admin_url(username))


def offline_import(request):
    """Upload a roster: preview it (dry run) or record it; every problem is listed and nothing half-written."""
    _require_province_admin(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["roster"]
        result = api.import_offline_credits(
            data=upload.read(),
            filename=upload.name,
            recorded_by=request.user.username,
            dry_run=form.cleaned_data["dry_run"],
        )
    return _page(request, "credit_plugin/import.html", {"form": form, "result": result})


@require_POST
def replay_failed(request):
    _require_province_admin(request)
    replayed = api.replay_failed_events()
    messages.success(request, _("%(count)s events processed again.") % {"count": len(replayed)})
    return redirect(_admin_url())
