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
from django.forms import CheckboxInput, ClearableFileInput, FileInput
from django.utils.html import format_html

PRIVATE_ALIAS = "cadre_private"


def private_files_root() -> Path:
    configured = getattr(settings, "CADRE_PRIVATE_FILES_ROOT", "")
    if configured:
        return Path(configured)
    media = Path(settings.MEDIA_ROOT or Path.cwd() / "media").resolve()
    return media.parent / "cadre-private"


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder of files with no URL (Django's would fall back to MEDIA_URL): views that check who asks serve them."""

    def url(self, name):
        raise ValueError(f"{name} is a private file: it has no URL; a view that checks who asks serves it")


@functools.cache
def private_storage() -> Storage:
    """The storage of files that name people."""
    if PRIVATE_ALIAS in (getattr(settings, "STORAGES", None) or {}):
        return storages[PRIVATE_ALIAS]
    return PrivateFileSystemStorage(location=private_files_root(), file_permissions_mode=0o600,
                                    directory_permissions_mode=0o700)


@receiver(setting_changed)
def _forget_storage(setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_ROOT", "CADRE_PRIVATE_FILES_ROOT"):
        private_storage.cache_clear()


class PrivateFileInput(ClearableFileInput):
    """A form's file input for a private file: the current file by name, never a link (it has no URL)."""

    def is_initial(self, value):
        return bool(value and getattr(value, "name", ""))

    def render(self, name, value, attrs=None, renderer=None):
        upload = FileInput().render(name, None, attrs, renderer)
        if not self.is_initial(value):
            return upload
        clear = "" if self.is_required else format_html(
            ' <label>{} {}</label>', CheckboxInput().render(self.clear_checkbox_name(name), False,
                                                            {"id": self.clear_checkbox_id(name)}, renderer),
            self.clear_checkbox_label)
        return format_html('<p class="file-upload">{}: {}{}<br>{}: {}</p>', self.initial_text, value.name, clear,
                           self.input_text, upload)


def private_file_name(field_file) -> str:
    """What the admin shows for a stored private file: its name (``display_for_field`` would ask for a URL)."""
    return field_file.name if field_file else ""
