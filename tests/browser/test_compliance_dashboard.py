"""The compliance dashboard on the seeded demo: an organisation administrator sees and exports only their subtree."""
import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from openpyxl import load_workbook

from credit_plugin import api
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
JINAN_DISTRICTS = ("历下区总工会", "市中区总工会", "历城区总工会")
OTHER_CITIES = ("青岛市总工会", "淄博市总工会", "烟台市总工会")


@pytest.fixture
def demo(settings, tmp_path):
    """The devhost's demo exactly as `make demo` seeds it (certificate PDFs kept out of devhost/var)."""
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())
    return datetime.now(ZoneInfo(api.credit_policy().time_zone)).year


def _desktop(chromium):
    return chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True)


def _counts(page):
    return {status: int(page.inner_text(f".legend .count-{status}"))
            for status in ("met", "on_track", "at_risk", "overdue")}


def _no_horizontal_overflow(page):
    """The page itself never scrolls sideways (wide tables scroll inside their own box)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_org_admin_sees_drills_into_and_exports_only_their_city(live_server, chromium, demo, screenshot):
    context = _desktop(chromium)
    page = context.new_page()
    log_in(page, live_server.url, "org_admin", "org-admin-demo")
    page.click("#compliance-dashboard")
    assert "济南市总工会" in page.inner_text("h1")
    children = page.inner_text("table.children")
    assert all(district in children for district in JINAN_DISTRICTS)
    html = page.content()
    assert not any(city in html for city in OTHER_CITIES + ("山东省总工会",))
    counts = _counts(page)
    assert all(count > 0 for count in counts.values()), counts
    assert f"{sum(counts.values())} 名在职干部" in page.inner_text("main")
    screenshot(page, "compliance-org-admin-city")

    with page.expect_download() as download_info:
        page.click("text=导出 XLSX")
    download = download_info.value
    assert download.suggested_filename == f"compliance-370100-{demo}.xlsx"
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes()), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[1])
    usernames = {row[header.index("用户名")] for row in rows[2:] if row[header.index("用户名")]}
    not_registered = [row for row in rows[2:] if not row[header.index("用户名")]]  # appointed, no account yet
    assert not_registered and all("尚未注册" in row[header.index("原因")] for row in not_registered)
    codes = {row[header.index("组织代码")] for row in rows[2:]}
    org_admin = get_user_model().objects.get(username="org_admin")
    subtree = {organisation.code for organisation in api.visible_organisations(viewer=org_admin)}
    expected = {cadre.username for cadre in api.compliance_list(viewer=org_admin, organisation_code="370100",
                                                                 year=demo)}
    assert usernames == expected and len(usernames) + len(not_registered) == sum(counts.values())
    assert codes <= subtree and "learner" in usernames

    page.click("table.children a:has-text('历下区总工会')")
    page.wait_for_url("**org=370102**")
    assert "历下区总工会" in page.inner_text("h1")
    assert page.inner_text("nav.crumbs").split() == ["济南市总工会", "›", "历下区总工会"]
    organisations = page.locator("table.cadres tbody tr td:nth-child(2)").all_inner_texts()
    assert organisations and all(name.startswith("历下区") for name in organisations)
    page.click(".legend a[data-status=overdue]")
    statuses = set(page.locator("table.cadres .badge").all_inner_texts())
    assert statuses == {"已逾期"}
    screenshot(page, "compliance-org-admin-district-overdue")
    context.close()


def test_org_admin_dashboard_on_a_phone(live_server, phone_page, demo, screenshot):
    log_in(phone_page, live_server.url, "org_admin", "org-admin-demo")
    phone_page.goto(f"{live_server.url}/cadre-credits/compliance/")
    assert "济南市总工会" in phone_page.inner_text("h1")
    screenshot(phone_page, "compliance-org-admin-phone")
    assert _no_horizontal_overflow(phone_page)


def test_province_admin_sees_every_city(live_server, chromium, demo, screenshot):
    context = _desktop(chromium)
    page = context.new_page()
    log_in(page, live_server.url, "province_admin", "province-admin-demo")
    page.click("#compliance-dashboard")
    assert "山东省总工会" in page.inner_text("h1")
    children = page.inner_text("table.children")
    assert all(city in children for city in ("济南市总工会",) + OTHER_CITIES)
    assert all(count >= 20 for count in _counts(page).values())
    screenshot(page, "compliance-province-admin")
    context.close()
