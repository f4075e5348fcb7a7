from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    """edx-platform's ``lms.djangoapps.certificates``, app label ``certificates``: only ``GeneratedCertificate``."""

    name = "devhost.platform_tables.certificates"
    label = "certificates"
    default_auto_field = "django.db.models.AutoField"
