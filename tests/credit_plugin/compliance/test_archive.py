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
from credit_plugin.api import NewLedgerEntry, SourceKind
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
    assert page.count("已达标") == 1 and "✔" not in page  # 2025 met, this year not yet; words, not a glyph


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
    assert response.status_code == 302
    status_page = client.get(response["Location"]).content.decode()
    assert "The file is ready." in status_page or "文件已生成" in status_page
    download = client.get(response["Location"] + "download/")
    names = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()
    assert sorted(names) == ["370102001/wangxg-王小纲.pdf", "370102001/wangxg-王小纲.xlsx"]
    assert client.post("/cadre-credits/compliance/archives/", {"org": "370200"}).status_code == 404


def test_zip_entry_names_cannot_climb_out_of_their_folder(client, holder):
    orgs, _ = holder
    cadre(orgs["union_a"], username="sneaky", name="../../etc/passwd\\x")
    client.force_login(administrator(orgs["city_a"], username="jinan_admin"))
    response = client.post("/cadre-credits/compliance/archives/", {"org": "370100"})
    download = client.get(response["Location"] + "download/")
    names = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()
    sneaky = sorted(name for name in names if "sneaky" in name)
    assert sneaky == ["370102001/sneaky-etc_passwd_x.pdf", "370102001/sneaky-etc_passwd_x.xlsx"]
    assert not any(".." in name or "\\" in name for name in names)


def test_only_who_asked_for_the_zip_may_read_its_page_or_file(client, holder):
    orgs, _ = holder
    client.force_login(administrator(orgs["city_a"], username="jinan_admin"))
    location = client.post("/cadre-credits/compliance/archives/", {"org": "370100"})["Location"]
    client.force_login(administrator(orgs["city_a"], username="another_jinan_admin"))
    assert client.get(location).status_code == 404
    assert client.get(location + "download/").status_code == 404
