"""Celery tasks of compliance: lists and archives written for an administrator, reminders, the purge of old files."""
from celery import shared_task

from cadre_common.file_tasks import FileTask, purge_file_tasks, task_class_name
from credit_plugin import config
from credit_plugin.compliance import archive_zip, list_export, reminders


@shared_task(bind=True, base=FileTask, name="credit_plugin.tasks.export_compliance")
def export_compliance(self, user_id: int, organisation_code: str, year: int, status: str, category: str,
                      file_format: str, title: str):
    """Write a compliance list for ``user_id``, with progress; ``title`` names the task on its page."""
    list_export.write_list(self, user_id=user_id, organisation_code=organisation_code, year=year, status=status,
                           category=category, file_format=file_format)


@shared_task(bind=True, base=FileTask, name="credit_plugin.tasks.export_training_archives")
def export_training_archives(self, user_id: int, organisation_code: str, title: str):
    """Write the ZIP of an organisation's training archives for ``user_id``, with progress."""
    archive_zip.write_archives(self, user_id=user_id, organisation_code=organisation_code)


FILE_TASKS = (export_compliance, export_training_archives)


@shared_task(name="credit_plugin.tasks.purge_expired_exports")
def purge_expired_exports():
    """Periodic: delete the files (and their records) older than CADRE_TRAINING_EXPORT_RETENTION_DAYS."""
    return purge_file_tasks(task_classes=tuple(task_class_name(task) for task in FILE_TASKS),
                            days=int(config.get("CADRE_TRAINING_EXPORT_RETENTION_DAYS")))


@shared_task(name="credit_plugin.tasks.send_training_reminders")
def send_training_reminders():
    """Periodic: this period's reminders to cadres behind on training and digests to their administrators."""
    return reminders.send_training_reminders().as_dict()
