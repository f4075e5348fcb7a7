"""The operators' admin pages of issuers and certificates open with their private files named, never linked."""
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from credit_plugin.certificates.models import Certificate
from tests.credit_plugin.certificates.helpers import seal_png
from tests.factories import OrganisationIssuerFactory, StaffFactory, cadre, union_tree

pytestmark = pytest.mark.django_db


def test_an_issuer_with_a_seal_and_a_certificate_with_its_pdf_open_in_the_admin(client, settings):
    from credit_plugin import api

    orgs = union_tree()
    issuer = OrganisationIssuerFactory(organisation=orgs["province"])
    issuer.seal.save("seal.png", ContentFile(seal_png(120)))
    holder = cadre(orgs["union_a"], username="wangxg")
    certificate, _ = api.issue_certificate(user_id=holder.id, kind="annual", year=2025, credits=Decimal(90),
                                           hours=Decimal(40), title="年度培训合格证书", unique_for="2025")
    stored = Certificate.objects.get(verification_code=certificate.code)
    stored.pdf.save("x.pdf", ContentFile(b"%PDF-1.4"))
    admin = StaffFactory(username="operator", is_superuser=True)
    client.force_login(admin)
    issuer_page = client.get(f"/admin/credit_plugin/organisationissuer/{issuer.pk}/change/")
    assert issuer_page.status_code == 200 and "seal" in issuer_page.content.decode()
    assert 'href="/media/' not in issuer_page.content.decode()
    certificate_page = client.get(f"/admin/credit_plugin/certificate/{stored.pk}/change/")
    assert certificate_page.status_code == 200 and stored.pdf.name in certificate_page.content.decode()
    assert 'href="/media/' not in certificate_page.content.decode()
