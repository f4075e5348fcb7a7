"""credit_plugin.compliance through its public API: reports as data, rosters that assess only what is read."""
import csv
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from credit_plugin import api
from tests.factories import administrator, cadre, union_tree

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
YEAR = datetime.now(UTC).year
# Names are stored without surrounding blanks, so the TAB and CR starts are the shared writer's own tests'.
FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"点我\")", "+86 138", "-1+2", "@SUM(A1)")


def grant(user, credits, key):
    api.bulk_record_entries(entries=[api.NewLedgerEntry(
        user_id=user.id, credits=Decimal(credits), hours=Decimal(credits) / 2,
        earned_at=datetime.now(UTC) - timedelta(hours=1), source_kind=api.SourceKind.MANUAL_ADJUSTMENT,
        reference="", title="补录", recorded_by="test", reason="test", idempotency_key=key,
    )])


@pytest.fixture
def province():
    orgs = union_tree()
    for number in range(12):
        user = cadre(orgs["union_a" if number % 2 else "union_b"], username=f"cadre{number:02d}")
        if number < 3:
            grant(user, "90", f"k{number}")
    return orgs


def test_a_report_is_counts_and_a_roster_of_data(province):
    report = api.compliance_report(viewer=administrator(province["province"]), organisation_code="370000", year=YEAR)
    assert isinstance(report, api.ComplianceReport) and report.overall.total == 12
    assert [child.organisation.code for child in report.children] == ["370100", "370200"]
    assert sum(child.total for child in report.children) == 12 and report.overall.met == 3
    assert len(report.cadres) == 12 and all(isinstance(c, api.CadreCompliance) for c in report.cadres[:3])


def test_reading_a_page_of_a_roster_assesses_that_page_in_a_few_queries(province):
    roster = api.compliance_roster(viewer=administrator(province["province"]), organisation_code="370000",
                                   year=YEAR)
    with CaptureQueriesContext(connection) as queries:
        page = roster[4:8]
    assert len(page) == 4 and [cadre.user_id for cadre in page] == list(roster.user_ids[4:8])
    assert len(queries) <= 6, [query["sql"] for query in queries]
    with CaptureQueriesContext(connection) as queries:
        everyone = list(roster)
    assert len(everyone) == 12 and len(queries) <= 6  # a chunk at a time, not a query per cadre


def test_a_learner_only_reads_their_own_year(province):
    learner = cadre(province["union_a"], username="someone")
    own = api.compliance_status(user_id=learner.id, year=YEAR)
    assert own.username == "someone" and own.status in {"at_risk", "on_track", "overdue", "met"}
    with pytest.raises(api.UnknownOrganisation):
        api.compliance_report(viewer=learner, organisation_code="370000", year=YEAR)


@pytest.mark.parametrize("text", FORMULAS)
def test_every_export_writes_names_that_look_like_formulas_as_text(client, text):
    orgs = union_tree()
    holder = cadre(orgs["union_a"], username="holder", name=text)
    grant(holder, "10", "k")
    client.force_login(administrator(orgs["province"]))
    listed = load_workbook(io.BytesIO(client.post("/cadre-credits/compliance/export/", {"format": "xlsx"}).content))
    cell = listed.active.cell(row=3, column=1)
    assert (cell.value, cell.data_type) == (text, "s")
    rows = list(csv.reader(io.StringIO(client.post("/cadre-credits/compliance/export/", {"format": "csv"})
                                       .content.decode("utf-8-sig"), newline="")))
    assert rows[1][0] == "'" + text
    archive = load_workbook(io.BytesIO(client.get("/cadre-credits/archive/holder/?format=xlsx").content))
    title = archive.worksheets[0].cell(row=1, column=1)
    assert title.data_type == "s" and text in title.value
    client.force_login(holder)
    record = load_workbook(io.BytesIO(client.get("/cadre-credits/my-record/export.xlsx").content))
    assert record.active.cell(row=1, column=1).data_type == "s"
