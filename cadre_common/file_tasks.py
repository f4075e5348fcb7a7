"""
Files written for the person who asked (exports, archives), as django-user-tasks jobs (OEP-3): the
LMS's own record of user-started tasks, with their state, progress, artifacts and expiry.

A task subclasses :class:`FileTask`, takes ``user_id`` (whose file it is), reports progress and
saves one file. The file goes to the private storage (``private_files``) under an unguessable
name, which the task's "Output" artifact records; only the user who started the task ever sees its
status or its file, and a purge deletes each file before its record once the plugin's retention
period has passed.
"""
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile, File
from django.utils import timezone
from user_tasks.models import UserTaskArtifact, UserTaskStatus
from user_tasks.tasks import UserTask

from cadre_common.i18n import _
from cadre_common.private_files import private_storage

OUTPUT = "Output"
STEPS = 100  # progress is kept in percent: the status table counts steps in a small integer


class FileTask(UserTask):
    """A Celery task that writes one file for ``user_id``; name it with a ``title`` argument."""

    abstract = True

    @classmethod
    def generate_name(cls, arguments_dict) -> str:
        return str(arguments_dict.get("title") or cls.name)[:255]

    @staticmethod
    def calculate_total_steps(arguments_dict) -> int:
        return STEPS

    def report_progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` items written, shown as a percentage."""
        status = self.status
        percent = min(STEPS, STEPS * done // total) if total else 0
        if percent > status.completed_steps:
            status.increment_completed_steps(percent - status.completed_steps)

    def note(self, name: str, text: str) -> None:
        """Keep a short text with the task (what it covers), for the checks made when its file is asked for."""
        UserTaskArtifact.objects.create(status=self.status, name=name, text=text)

    def save_file(self, content: bytes | File, filename: str) -> None:
        """Keep the finished file, privately, under an unguessable name; the person downloads it as ``filename``."""
        stored = content if isinstance(content, File) else ContentFile(content)
        name = private_storage().save(f"cadre-tasks/{secrets.token_urlsafe(16)}/{filename}", stored)
        UserTaskArtifact.objects.create(status=self.status, name=OUTPUT, text=name)


@dataclass(frozen=True)
class FileTaskStatus:
    """Where a file task is: ``state`` is pending, running, done or failed; ``percent`` how far."""

    id: str
    name: str
    state: str
    percent: int
    filename: str
    error: str

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


STATES = {
    UserTaskStatus.PENDING: "pending", UserTaskStatus.RETRYING: "pending", UserTaskStatus.IN_PROGRESS: "running",
    UserTaskStatus.SUCCEEDED: "done", UserTaskStatus.FAILED: "failed", UserTaskStatus.CANCELED: "failed",
}


def start_file_task(task, *, user_id: int, **arguments) -> str:
    """Queue ``task`` for ``user_id`` (eagerly in the devhost and tests); the id of its status."""
    result = task.apply_async(kwargs={"user_id": user_id, **arguments})
    status, _created = UserTaskStatus.objects.get_or_create(task_id=result.id, defaults={
        "user_id": user_id, "name": task.generate_name(arguments), "total_steps": STEPS,
        "task_class": f"{task.__class__.__module__}.{task.__class__.__name__}",
    })
    return str(status.uuid)


def _own(task_id, user_id: int) -> UserTaskStatus | None:
    try:
        task_uuid = uuid.UUID(str(task_id))
    except ValueError:
        return None
    return UserTaskStatus.objects.filter(uuid=task_uuid, user_id=user_id).first()


def file_task_status(*, task_id, user_id: int) -> FileTaskStatus | None:
    """The status of a file task ``user_id`` started (anyone else's, or an unknown id: None)."""
    status = _own(task_id, user_id)
    if status is None:
        return None
    artifacts = {artifact.name: artifact for artifact in status.artifacts.all()}
    output, error = artifacts.get(OUTPUT), artifacts.get("Error")
    state = STATES.get(status.state, "running")  # a custom state is a stage of running
    if state == "done" and output is None:
        state = "failed"
    return FileTaskStatus(
        id=str(status.uuid), name=status.name, state=state,
        percent=round(100 * status.completed_steps / status.total_steps) if status.total_steps else 0,
        filename=output.text.rsplit("/", 1)[-1] if output else "",
        error=error.text if error else "",
    )


def task_note(*, task_id, user_id: int, name: str) -> str | None:
    """The text a task of ``user_id`` noted under ``name`` (None: no such task or note)."""
    status = _own(task_id, user_id)
    artifact = status.artifacts.filter(name=name).first() if status else None
    return artifact.text if artifact else None


def open_task_file(*, task_id, user_id: int) -> tuple[File, str] | None:
    """(the finished file opened for reading, its name) for the user who started the task; else None."""
    status = _own(task_id, user_id)
    output = status.artifacts.filter(name=OUTPUT).first() if status else None
    if output is None or not output.text:
        return None
    try:
        return private_storage().open(output.text, "rb"), output.text.rsplit("/", 1)[-1]
    except FileNotFoundError:  # purged between the status page and the click
        return None


def purge_file_tasks(*, task_classes: tuple[str, ...], days: int) -> int:
    """
    Delete the tasks of ``task_classes`` started more than ``days`` ago, each file before its
    record (a file names people; a record left without it is harmless). 0 days keeps them.
    Returns how many tasks went.
    """
    if days <= 0:
        return 0
    expired = UserTaskStatus.objects.filter(task_class__in=task_classes,
                                            created__lt=timezone.now() - timedelta(days=days))
    for name in UserTaskArtifact.objects.filter(status__in=expired, name=OUTPUT).values_list("text", flat=True):
        if name:
            private_storage().delete(name)
    count = expired.count()
    expired.delete()
    return count


def task_class_name(task) -> str:
    """The name django-user-tasks records for ``task``'s class."""
    return f"{task.__class__.__module__}.{task.__class__.__name__}"


def expired_message(days: int) -> str:
    return _("No such file, or it has expired: files are deleted %(days)s days after they are asked for. "
             "Ask for it again.") % {"days": days}
