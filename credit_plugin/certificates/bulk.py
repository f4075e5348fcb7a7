"""
Issuing a whole organisation's annual certificates: a batch split into chunks of cadres, each a
Celery task. Chunks are idempotent (a cadre who already has the year's certificate is skipped),
so a batch that stopped half-way is finished by starting it again.
"""
from django.db.models import F

from credit_plugin.certificates.data import CertificateBatchData, CertificateKind
from credit_plugin.certificates.issuing import issue_annual_if_met
from credit_plugin.certificates.models import Certificate, CertificateBatch
from credit_plugin.ledger import api as ledger_api
from credit_plugin.organisations import api as organisations_api

CHUNK_SIZE = 500


def candidates(*, year: int, organisation_code: str = "") -> list[int]:
    """
    Serving cadres (of the subtree) whose year totals are in, without an annual certificate for the
    year yet. A revoked one counts: a batch never undoes a revocation.
    """
    organisation = organisations_api.organisation(code=organisation_code) if organisation_code else None
    if organisation_code and organisation is None:
        raise organisations_api.UnknownOrganisation(organisation_code)
    cadres = organisations_api.serving_cadre_ids(organisation_path=organisation.path if organisation else None)
    with_totals = ledger_api.year_totals(year=year, user_ids=cadres)
    have = set(Certificate.objects.filter(kind=CertificateKind.ANNUAL, year=year, user_id__in=cadres)
               .values_list("user_id", flat=True))
    return sorted(user_id for user_id in with_totals if user_id not in have)


def start_batch(*, year: int, organisation_code: str = "") -> CertificateBatchData:
    """Queue the chunks; with CELERY_ALWAYS_EAGER (devhost, tests) they run before this returns."""
    from credit_plugin.certificates.tasks import issue_certificate_chunk  # the tasks run this module

    user_ids = candidates(year=year, organisation_code=organisation_code)
    chunks = [user_ids[start:start + CHUNK_SIZE] for start in range(0, len(user_ids), CHUNK_SIZE)]
    batch = CertificateBatch.objects.create(year=year, organisation_code=organisation_code,
                                            chunks_total=len(chunks))
    if not chunks:
        CertificateBatch.objects.filter(pk=batch.pk).update(status=CertificateBatch.Status.DONE)
    for chunk in chunks:
        issue_certificate_chunk.delay(batch.pk, chunk)
    batch.refresh_from_db()
    return CertificateBatchData(id=batch.pk, year=batch.year, organisation_code=batch.organisation_code,
                                status=batch.status, chunks_total=batch.chunks_total, chunks_done=batch.chunks_done,
                                issued=batch.issued)


def run_chunk(*, batch_id: int, user_ids: list[int]) -> int:
    """Issue the chunk's certificates (and their PDFs); returns how many were new."""
    from credit_plugin.certificates.files import ensure_pdf  # drawing pulls in reportlab: only where it draws

    year = CertificateBatch.objects.values_list("year", flat=True).get(pk=batch_id)
    issued = 0
    for user_id in user_ids:
        certificate, new = issue_annual_if_met(user_id=user_id, year=year)
        if certificate is not None:
            ensure_pdf(certificate)
        issued += new
    CertificateBatch.objects.filter(pk=batch_id).update(chunks_done=F("chunks_done") + 1, issued=F("issued") + issued)
    CertificateBatch.objects.filter(pk=batch_id, chunks_done__gte=F("chunks_total")).update(
        status=CertificateBatch.Status.DONE)
    return issued
