"""Compliance lists as XLSX (write-only, so a province's 35,000 rows stay small in memory) or CSV."""
import csv
import io

from django.utils.translation import gettext as _

from credit_plugin.data import CadreCategory, CadreCompliance, ComplianceStatus


def headers() -> list[str]:
    return [
        _("Name"), _("Username"), _("Organisation code"), _("Organisation"), _("Category"), _("Year"),
        _("Credits"), _("Credit target"), _("Class hours"), _("Hour target"), _("Credits expected by now"),
        _("Status"), _("Reasons"),
    ]


def _row(cadre: CadreCompliance, statuses: dict, categories: dict) -> list:
    return [
        cadre.full_name, cadre.username, cadre.organisation_code, cadre.organisation_name,
        str(categories.get(cadre.category, cadre.category)), cadre.year, float(cadre.credits),
        float(cadre.credit_target), float(cadre.hours), float(cadre.hour_target), float(cadre.expected_credits),
        str(statuses[cadre.status]), " ".join(cadre.reasons),
    ]


def compliance_rows(cadres, progress=None):
    statuses, categories = dict(ComplianceStatus.choices), dict(CadreCategory.choices)
    for index, cadre in enumerate(cadres, start=1):
        if progress and index % 1000 == 0:
            progress(index)
        yield _row(cadre, statuses, categories)


def compliance_xlsx(cadres, *, title: str, progress=None) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Compliance")[:31])
    sheet.append([title])
    sheet.append(headers())
    for row in compliance_rows(cadres, progress):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def compliance_csv(cadres, progress=None) -> bytes:
    """UTF-8 with BOM, so Chinese Excel opens it with the right encoding."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers())
    writer.writerows(compliance_rows(cadres, progress))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
