"""A cadre reaches the year's target, gets the certificate, opens it, follows its link; revoking shows on the page."""
import io
import re
import subprocess
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader

from credit_plugin import api
from credit_plugin.api import NewLedgerEntry, SourceKind
from devhost.demo_credits import seed_demo_credit_rules
from tests.browser.conftest import SCREENSHOTS, log_in
from tests.factories import DEFAULT_PASSWORD, StaffFactory, administrator, cadre, union_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_certificate_comes_by_itself_opens_verifies_and_can_be_revoked(live_server, chromium, screenshot,
                                                                           tmp_path):
    seed_demo_credit_rules()
    orgs = union_tree()
    learner = cadre(orgs["union_a"], username="learner")
    api.bulk_record_entries(entries=[NewLedgerEntry(
        user_id=learner.id, credits=Decimal("60"), hours=Decimal("27"), earned_at=datetime.now(UTC),
        source_kind=SourceKind.OFFLINE_TRAINING, reference="", title="工会干部培训班", recorded_by="test", reason="",
        idempotency_key="browser-60",
    )])
    StaffFactory(username="bridge_operator")
    administrator(orgs["city_a"], username="org_admin")
    page = chromium.new_context(viewport={"width": 1024, "height": 900}, locale="zh-CN",
                                accept_downloads=True).new_page()

    log_in(page, live_server.url, "bridge_operator", DEFAULT_PASSWORD)  # the LMS passes the learner
    page.goto(f"{live_server.url}/lms-bridge/")
    page.select_option("#bridge-learner", "learner")
    page.click("text=课程合格")
    page.click("header.devhost button:has-text('退出')")

    log_in(page, live_server.url, "learner", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/cadre-credits/my-record/")
    certificates = page.locator("ul.certificates li")
    assert certificates.count() == 1 and "年度培训合格证书" in certificates.inner_text()
    pdf_url = certificates.locator("a", has_text="PDF").get_attribute("href")
    pdf = page.request.get(f"{live_server.url}{pdf_url}")
    assert pdf.headers["content-type"] == "application/pdf"
    (tmp_path / "certificate.pdf").write_bytes(pdf.body())
    # The PDF as a reader sees it, rasterised by poppler, then looked at in the browser.
    subprocess.run(["pdftoppm", "-png", "-r", "90", "-singlefile", str(tmp_path / "certificate.pdf"),
                    str(SCREENSHOTS / "certificate-pdf")], check=True)
    page.goto((SCREENSHOTS / "certificate-pdf.png").as_uri())
    screenshot(page, "certificate-pdf-in-browser")

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert "王小纲" in text
    link = re.search(r"https?://\S+/cadre-credits/certificates/verify/[\w-]+/", text.replace("\n", ""))
    assert link, text
    page.goto(link.group(0).replace("http://127.0.0.1:8000", live_server.url))
    assert page.locator(".verdict").get_attribute("data-status") == "valid"
    assert "王*纲" in page.inner_text(".holder")
    screenshot(page, "certificate-verification-valid")
    verify_url = page.url

    page.click("header.devhost button:has-text('退出')")
    log_in(page, live_server.url, "org_admin", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/cadre-credits/admin/?username=learner")
    page.fill("tr[data-status=valid] form[action$='/revoke/'] input[name=reason]", "学时记录有误")
    page.click("tr[data-status=valid] form[action$='/revoke/'] button")
    page.goto(verify_url)
    assert page.locator(".verdict").get_attribute("data-status") == "revoked"
    assert "已于" in page.inner_text(".verdict") and "撤销" in page.inner_text(".verdict")
    screenshot(page, "certificate-verification-revoked")
