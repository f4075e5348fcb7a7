"""A cadre's training archive: page, XLSX and PDF for the cadre and their administrators, a ZIP for an organisation."""
import io
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.test import TestCase
from openpyxl import load_workbook
from pypdf import PdfReader

from credit_plugin import api
from credit_plugin.data import NewLedgerEntry, SourceKind
from credit_plugin.models import ReportExport
from tests.factories import UserFactory, administrator, cadre, union_tree

pytestmark = pytest.mark.django_db


def grant(user, credits, hours, key, year):
    with TestCase.captureOnCommitCallbacks(execute=True):
        api.bulk_record_entries(entries=[NewLedgerEntry(
            user_id=user.id, credits=Decimal(credits), hours=Decimal(hours),
            earned_at=datetime(year, 6, 1, tzinfo=UTC), source_kind=SourceKind.OFFLINE_TRAINING,
            reference="", title=f"{year}年度工会干部培训班", recorded_by="test", reason="", idempotency_key=key,
        )])


@pytest.fixture
def holder():
    orgs = union_tree()
    user = cadre(orgs["union_a"], username="wangxg", took_office_on=date(2024, 3, 1),
                 registered_on=date(2024, 3, 10))
    grant(user, "95", "42", "k2025", 2025)
    grant(user, "30", "12", "k2026", datetime.now(UTC).year)
    return orgs, user


def test_the_cadre_reads_every_year_their_milestones_and_certificates(client, holder):
    _, user = holder
    client.force_login(user)
    page = client.get("/cadre-credits/archive/").content.decode()
    assert "2025年度工会干部培训班" in page and f"{datetime.now(UTC).year}年度工会干部培训班" in page
    assert "年度培训合格证书" in page and "CT-2025-000001" in page  # 2025's target was met: a certificate
    assert "2024-03-16" in page  # the registration deadline, 15 days after taking office


def test_the_xlsx_has_the_record_and_every_entry(client, holder):
    _, user = holder
    client.force_login(user)
    workbook = load_workbook(io.BytesIO(client.get("/cadre-credits/archive/?format=xlsx").content))
    entries = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert len(entries) == 3 and {row[1] for row in entries[1:]} == {2025, datetime.now(UTC).year}
    record = [row[0] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    assert "历下区某公司工会" in [row[1] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    assert "年度培训合格证书" in record


def test_the_pdf_carries_the_chinese_text(client, holder):
    _, user = holder
    client.force_login(user)
    response = client.get("/cadre-credits/archive/?format=pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "王小纲" in text and "2025年度工会干部培训班" in text and "CT-2025-000001" in text


def test_administrators_see_their_subtrees_archives_only(client, holder):
    orgs, _ = holder
    client.force_login(administrator(orgs["city_b"], username="qingdao_admin"))
    assert client.get("/cadre-credits/archive/wangxg/").status_code == 404
    client.force_login(UserFactory(username="someone_else"))
    assert client.get("/cadre-credits/archive/wangxg/").status_code == 404
    client.force_login(administrator(orgs["city_a"], username="jinan_admin"))
    assert client.get("/cadre-credits/archive/wangxg/").status_code == 200


def test_an_organisations_archives_are_a_zip_made_by_a_task(client, holder):
    orgs, _ = holder
    cadre(orgs["union_b"], username="qingdao_cadre")
    client.force_login(administrator(orgs["city_a"], username="jinan_admin"))
    response = client.post("/cadre-credits/compliance/archives/", {"org": "370100"})
    job = ReportExport.objects.get()
    assert response.status_code == 302 and job.status == "done"
    download = client.get(f"/cadre-credits/compliance/exports/{job.id}/download/")
    names = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()
    assert sorted(names) == ["370102001/wangxg-王小纲.pdf", "370102001/wangxg-王小纲.xlsx"]
    assert client.post("/cadre-credits/compliance/archives/", {"org": "370200"}).status_code == 404
