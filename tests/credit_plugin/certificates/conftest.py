"""Fixtures of the certificate tests: a cadre's certificate content, and fontconfig without Chinese fonts."""
from datetime import date
from decimal import Decimal

import pytest

from credit_plugin.certificates.pdf import CertificateContent
from tests.credit_plugin.certificates.helpers import VERIFICATION_URL, latin_only_fontconfig, seal_png


@pytest.fixture
def content() -> CertificateContent:
    return CertificateContent(
        holder_name="王小纲", organisation_name="杭州市西湖区总工会", kind_title="年度培训合格证书", year=2026,
        credits=Decimal("92.50"), hours=Decimal("41.00"), serial_number="CT-2026-000123",
        issued_on=date(2026, 12, 2), issuer_name="浙江省总工会", seal_image=seal_png(),
        verification_url=VERIFICATION_URL,
    )


@pytest.fixture(scope="session")
def latin_only_fonts(tmp_path_factory) -> dict:
    """Environment variables that leave poppler one Latin font and no Chinese one."""
    return latin_only_fontconfig(tmp_path_factory.mktemp("fontconfig"))
