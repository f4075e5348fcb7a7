"""
Files that name people (certificate PDFs, compliance exports, training archives) are written to
private storage, never below MEDIA_ROOT or STATIC_ROOT, have no URL of their own, and every URL
that hands them out answers an unauthenticated GET with nothing but the way to the login page.
"""
import os
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client, TestCase

from cadre_common.private_files import private_files_root, private_storage
from credit_plugin import api
from credit_plugin.api import NewLedgerEntry, SourceKind
from credit_plugin.models import Certificate
from tests.factories import administrator, cadre, union_tree

pytestmark = pytest.mark.django_db
YEAR = datetime.now(UTC).year


def files_below(root) -> set[Path]:
    root = Path(root)
    return {Path(folder) / name for folder, _dirs, names in os.walk(root) for name in names} if root.exists() else set()


@pytest.fixture
def made(client, settings):
    """Every kind of file that names people, made as administrators make them: (URLs handing them out, new files)."""
    settings.CADRE_TRAINING_EXPORT_ROWS_IN_REQUEST = 1  # exports run as tasks and keep a file
    media_before, private_before = files_below(settings.MEDIA_ROOT), files_below(private_files_root())
    orgs = union_tree()
    holder = cadre(orgs["union_a"], username="wangxg")
    cadre(orgs["union_b"], username="qingdao_cadre")  # two rows: more than an export made in the request
    with TestCase.captureOnCommitCallbacks(execute=True):
        api.bulk_record_entries(entries=[NewLedgerEntry(
            user_id=holder.id, credits=Decimal(95), hours=Decimal(42), earned_at=datetime(YEAR, 3, 1, tzinfo=UTC),
            source_kind=SourceKind.OFFLINE_TRAINING, reference="", title="年度培训班", recorded_by="test", reason="",
            idempotency_key="k1")])
    [certificate] = api.certificates_of(user_id=holder.id)
    client.force_login(administrator(orgs["province"], username="province_admin"))
    urls = [f"/cadre-credits/certificates/{certificate.code}/certificate.pdf"]
    assert client.get(urls[0]).status_code == 200  # the holder's administrators read it
    for start, form in (("/cadre-credits/compliance/export/", {"format": "xlsx"}),
                        ("/cadre-credits/compliance/archives/", {"org": "370000"})):
        status_page = client.post(start, form)["Location"]
        urls += [status_page, status_page + "download/"]
        assert client.get(status_page + "download/").status_code == 200
    urls += ["/cadre-credits/archive/wangxg/", "/cadre-credits/archive/wangxg/?format=pdf",
             "/cadre-credits/archive/wangxg/?format=xlsx"]
    pdf = Path(Certificate.objects.get(verification_code=certificate.code).pdf.path)
    new = {
        "media": files_below(settings.MEDIA_ROOT) - media_before,
        "private": files_below(private_files_root()) - private_before,
        "certificate": pdf,
    }
    return urls, new


def test_they_are_kept_outside_every_folder_a_web_server_serves(made):
    _, new = made
    assert new["media"] == set()
    assert len(new["private"]) >= 2  # the export and the archive ZIP
    for path in (*new["private"], new["certificate"]):
        for served in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
            assert not path.resolve().is_relative_to(Path(served).resolve()), path
    some = next(iter(new["private"]))
    with pytest.raises(ValueError):
        private_storage().url(str(some.relative_to(private_files_root())))  # nothing to link to


def test_an_unauthenticated_get_of_any_of_their_urls_gets_nothing(made):
    urls, new = made
    anonymous = Client()
    for url in urls:
        response = anonymous.get(url)
        assert response.status_code in (302, 403, 404), url
        if response.status_code == 302:
            assert response["Location"].startswith(resolve_url(settings.LOGIN_URL)), url
        assert b"%PDF" not in response.content and b"PK\x03\x04" not in response.content
    for path in new["private"]:
        assert anonymous.get(f"{settings.MEDIA_URL or '/media/'}{path.relative_to(private_files_root())}"
                             ).status_code == 404
