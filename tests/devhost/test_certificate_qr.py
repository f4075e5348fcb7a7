"""
The devhost's public address follows where it is served (`make demo HOST=… PORT=…`), so the QR code
on a certificate leads to the certificate's verification page on that devhost.
"""
import os
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import zxingcpp
from django.test import TestCase
from django.urls import reverse

from credit_plugin import api
from credit_plugin.api import NewLedgerEntry, SourceKind
from credit_plugin.certificates.files import pdf_bytes
from credit_plugin.models import Certificate
from tests.credit_plugin.certificates.helpers import rasterise
from tests.devhost.processes import REPO_ROOT
from tests.factories import cadre, union_tree


def test_the_public_address_follows_the_host_and_port_the_devhost_is_served_on():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "devhost.settings", "DEVHOST_HOST": "192.0.2.7",
           "DEVHOST_PORT": "8101"}
    printed = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
                               "print(settings.LMS_ROOT_URL)"],
        cwd=REPO_ROOT, env={**env, "PYTHONPATH": str(REPO_ROOT)}, check=True, capture_output=True, text=True)
    assert printed.stdout.strip().splitlines()[-1] == "http://192.0.2.7:8101"


@pytest.mark.django_db(transaction=True)
def test_a_certificates_qr_code_opens_its_verification_page_on_the_running_devhost(live_server, settings, tmp_path):
    settings.LMS_ROOT_URL = live_server.url  # what the devhost's settings make of DEVHOST_HOST/PORT
    holder = cadre(union_tree()["union_a"], username="wangxg")
    with TestCase.captureOnCommitCallbacks(execute=True):
        api.bulk_record_entries(entries=[NewLedgerEntry(
            user_id=holder.id, credits=Decimal("90"), hours=Decimal("40"), earned_at=datetime.now(UTC),
            source_kind=SourceKind.MANUAL_ADJUSTMENT, reference="", title="补录", recorded_by="test", reason="test",
            idempotency_key="qr-test",
        )])
    certificate = Certificate.objects.get(user=holder)
    page = rasterise(pdf_bytes(certificate), tmp_path, env={}, dpi=150)
    [scanned] = zxingcpp.read_barcodes(page)
    verify = reverse("credit_plugin:certificate_verify", args=[certificate.verification_code])
    assert scanned.text == f"{live_server.url}{verify}"
    with urllib.request.urlopen(scanned.text) as response:  # noqa: S310 - the test's own live server
        verification = response.read().decode()
    assert response.status == 200
    assert certificate.serial_number in verification
