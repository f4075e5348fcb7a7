"""
Where certificate PDFs and seals are kept: the ``STORAGES`` alias named by
``CADRE_TRAINING_CERTIFICATE_STORAGE`` when the platform defines it (a private bucket, set up by
the Tutor plugin), else the suite's private files (``cadre_common.private_files``), never the
platform's default storage, which a default Tutor install serves at ``/media/`` without login.
"""
from django.conf import settings
from django.core.files.storage import storages

from cadre_common.private_files import private_storage
from credit_plugin import config


def certificate_storage():
    alias = config.get("CADRE_TRAINING_CERTIFICATE_STORAGE")
    if alias and alias in (getattr(settings, "STORAGES", None) or {}):
        return storages[alias]
    return private_storage()
