"""
Where files that name people are kept: never where a web server serves them.

The platform's default storage is public in a default Tutor install (``/media/`` is served without
login), so these files go to the ``STORAGES`` alias ``cadre_private`` when the platform defines it
(the Tutor plugin points it at a private bucket), else to a folder beside ``MEDIA_ROOT`` that no
web server serves (``CADRE_PRIVATE_FILES_ROOT`` to put it elsewhere). They are only ever read back
by views that check who asks.
"""
import functools
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver

PRIVATE_ALIAS = "cadre_private"


def private_files_root() -> Path:
    configured = getattr(settings, "CADRE_PRIVATE_FILES_ROOT", "")
    if configured:
        return Path(configured)
    media = Path(settings.MEDIA_ROOT or Path.cwd() / "media").resolve()
    return media.parent / "cadre-private"


@functools.cache
def private_storage() -> Storage:
    """The storage of files that name people."""
    if PRIVATE_ALIAS in (getattr(settings, "STORAGES", None) or {}):
        return storages[PRIVATE_ALIAS]
    return FileSystemStorage(location=private_files_root(), base_url=None, file_permissions_mode=0o600,
                             directory_permissions_mode=0o700)


@receiver(setting_changed)
def _forget_storage(setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_ROOT", "CADRE_PRIVATE_FILES_ROOT"):
        private_storage.cache_clear()
