"""credit_plugin.certificates through its public API: data out, never models; the configured design drawn."""
import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from credit_plugin import api
from credit_plugin.models import Certificate
from tests.factories import cadre, union_tree

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
YEAR = datetime.now(UTC).year


def test_issuing_revoking_and_reissuing_answer_with_data_a_holder_and_a_page_can_show():
    holder = cadre(union_tree()["union_a"], username="wangxg")
    issued, new = api.issue_certificate(user_id=holder.id, kind="annual", year=YEAR, credits=Decimal("90"),
                                        hours=Decimal("40"))
    assert new and isinstance(issued, api.CertificateData) and not isinstance(issued, Certificate)
    assert (issued.holder_name, issued.organisation_name) == ("王小纲", "历下区某公司工会")
    assert issued.status_label == "Valid"
    assert issued.issued_on.year == YEAR and issued.serial_number == f"CT-{YEAR}-000001"
    revoked = api.revoke_certificate(code=issued.code, reason="录入错误")
    assert (revoked.status, revoked.status_reason, revoked.status_label) == ("revoked", "录入错误", "Revoked")
    reissued = api.reissue_certificate(code=issued.code, reason="更正")
    [old] = [c for c in api.certificates_of(user_id=holder.id) if c.code == issued.code]
    assert (old.status, old.superseded_by) == ("revoked", None)  # a revoked code stays revoked
    assert [c.code for c in api.certificates_of(user_id=holder.id, superseded=False)] == [reissued.code, issued.code]


def test_a_bulk_issuance_reports_its_batch_as_data():
    orgs = union_tree()
    holder = cadre(orgs["union_a"], username="wangxg")
    api.record_entry(user_id=holder.id, credits="90", hours="40", earned_at=datetime.now(UTC),
                     source_kind="manual_adjustment", reference="", recorded_by="test", reason="补录",
                     idempotency_key="k1")
    assert api.annual_certificate_candidates(year=YEAR, organisation_code="370100") == [holder.id]
    batch = api.issue_annual_certificates(year=YEAR, organisation_code="370100")
    assert isinstance(batch, api.CertificateBatchData)
    assert (batch.status, batch.chunks_done, batch.issued) == ("done", 1, 1)
    assert api.annual_certificate_candidates(year=YEAR) == []
    with pytest.raises(api.UnknownOrganisation):
        api.annual_certificate_candidates(year=YEAR, organisation_code="999")


def test_the_configured_certificate_template_is_what_the_pdf_says(client, settings):
    settings.CADRE_TRAINING_CERTIFICATE_TEMPLATE = {"title": "{kind_title}（试行）", "subtitle": "工会干部教育培训"}
    holder = cadre(union_tree()["union_a"], username="wangxg")
    issued, _ = api.issue_certificate(user_id=holder.id, kind="annual", year=YEAR, credits=Decimal("90"),
                                      hours=Decimal("40"))
    client.force_login(holder)
    pdf = client.get(f"/cadre-credits/certificates/{issued.code}/certificate.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "年度培训合格证书（试行）" in text and "工会干部教育培训" in text


def test_a_broken_certificate_template_stops_start_up_naming_the_setting(settings):
    from django.core.management.base import SystemCheckError

    settings.CADRE_TRAINING_CERTIFICATE_TEMPLATE = {"title_colour": "red"}
    with pytest.raises(SystemCheckError, match=r"credit_plugin.E008.*title_colour"):
        call_command("check")
