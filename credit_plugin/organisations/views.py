"""The province administrator's page for importing organisations and cadres."""
from django import forms
from django.utils.translation import gettext_lazy

from cadre_common.problems import listed
from cadre_common.uploads import BoundedFileField
from credit_plugin.organisations.cadre_import import import_cadres
from credit_plugin.organisations.permissions import require_province_admin
from credit_plugin.pages import page


class CadreImportForm(forms.Form):
    roster = BoundedFileField(label=gettext_lazy("Organisations and cadres (XLSX or CSV)"))
    create_users = forms.BooleanField(label=gettext_lazy("Create LMS users that do not exist yet"), required=False)
    dry_run = forms.BooleanField(
        label=gettext_lazy("Only check and preview; write nothing"), required=False, initial=True
    )


def cadre_import(request):
    """Upload organisations and cadres: preview (dry run) or write; every problem listed, nothing half-written."""
    require_province_admin(request)
    form = CadreImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["roster"]
        result = import_cadres(data=upload.read(), filename=upload.name, dry_run=form.cleaned_data["dry_run"],
                               create_users=form.cleaned_data["create_users"])
    return page(request, "credit_plugin/cadre_import.html", {"form": form, "result": result,
                                                        "problems": listed(result.errors) if result else []})
