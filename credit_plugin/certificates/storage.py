"""
Where certificate PDFs and seals are kept: the ``STORAGES`` alias named by
``CADRE_TRAINING_CERTIFICATE_STORAGE`` when the platform defines it (e.g. a private S3 bucket,
set up by the Tutor plugin), else Django's default storage.
"""
from django.conf import settings
from django.core.files.storage import default_storage, storages

from credit_plugin import config


def certificate_storage():
    alias = config.get("CADRE_TRAINING_CERTIFICATE_STORAGE")
    if alias and alias in (getattr(settings, "STORAGES", None) or {}):
        return storages[alias]
    return default_storage
