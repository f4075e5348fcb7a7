"""The file field of every import form: a file over the upload limit is a form error, never read."""
from django import forms

from cadre_common.spreadsheets import too_big


class BoundedFileField(forms.FileField):
    """A FileField refusing a file larger than CADRE_TRAINING_UPLOAD_MAX_BYTES, by its size, before reading it."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        refusal = too_big(upload.size) if upload is not None and getattr(upload, "size", None) is not None else None
        if refusal:
            raise forms.ValidationError(refusal, code="too_big")
        return upload
