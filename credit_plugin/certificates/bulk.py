"""
Issuing a whole organisation's annual certificates: a batch split into chunks of cadres, each a
Celery task. Chunks are idempotent (a cadre who already has the year's certificate is skipped),
so a batch that stopped half-way is finished by starting it again.
"""
from django.db.models import F

from credit_plugin.cadres.tree import subtree
from credit_plugin.certificates.issuing import issue_annual_if_met
from credit_plugin.models import CadreProfile, CadreStatus, Certificate, CertificateBatch, Organisation, YearTotal

CHUNK_SIZE = 500


def candidates(*, year: int, organisation_code: str = "") -> list[int]:
    """Serving cadres (of the subtree) whose year totals are in, without a valid annual certificate yet."""
    profiles = CadreProfile.objects.filter(status=CadreStatus.SERVING)
    if organisation_code:
        organisation = Organisation.objects.get(code=organisation_code)
        profiles = profiles.filter(organisation__in=subtree(organisation.path))
    have = Certificate.objects.filter(kind="annual", year=year, valid_slot__isnull=False).values("user_id")
    with_totals = YearTotal.objects.filter(year=year).values("user_id")
    return list(profiles.filter(user_id__in=with_totals).exclude(user_id__in=have)
                .order_by("user_id").values_list("user_id", flat=True))


def start_batch(*, year: int, organisation_code: str = "") -> CertificateBatch:
    """Queue the chunks; with CELERY_TASK_ALWAYS_EAGER (devhost, tests) they run before this returns."""
    from credit_plugin.tasks import issue_certificate_chunk

    user_ids = candidates(year=year, organisation_code=organisation_code)
    chunks = [user_ids[start:start + CHUNK_SIZE] for start in range(0, len(user_ids), CHUNK_SIZE)]
    batch = CertificateBatch.objects.create(year=year, organisation_code=organisation_code,
                                            chunks_total=len(chunks))
    if not chunks:
        CertificateBatch.objects.filter(pk=batch.pk).update(status=CertificateBatch.Status.DONE)
    for chunk in chunks:
        issue_certificate_chunk.delay(batch.pk, chunk)
    batch.refresh_from_db()
    return batch


def run_chunk(*, batch_id: int, user_ids: list[int]) -> int:
    """Issue the chunk's certificates (and their PDFs); returns how many were new."""
    from credit_plugin.certificates.files import ensure_pdf

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
