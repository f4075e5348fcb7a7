"""Celery tasks of the survey plugin; they run on the LMS's workers (eagerly in the devhost and tests)."""
from celery import shared_task


@shared_task(name="survey_plugin.tasks.export_survey_responses")
def export_survey_responses(export_id: str):
    """Write a survey's responses to storage, counting rows as it goes so the block can show progress."""
    from survey_plugin.response_exports import run_response_export

    run_response_export(export_id=export_id)


@shared_task(name="survey_plugin.tasks.purge_expired_exports")
def purge_expired_exports():
    """Periodic: delete response exports, and their files, older than CADRE_SURVEY_EXPORT_RETENTION_DAYS."""
    from survey_plugin.response_exports import purge_expired_exports as purge

    return purge()
