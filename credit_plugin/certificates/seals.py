"""Checking an uploaded seal image: a real PNG or JPEG of a sensible size, or a clear refusal."""
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

FORMATS = ("PNG", "JPEG")
MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000


def check_seal_image(upload) -> None:
    """Raise ValidationError unless ``upload`` is a PNG or JPEG image (not merely named like one)."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The seal image is larger than 2 MB."), code="too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
            found, size = image.format, image.size
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(_("The seal must be a PNG or JPEG image; this file is not an image."),
                              code="not_an_image") from error
    finally:
        upload.seek(0)
    if found not in FORMATS:
        raise ValidationError(_("The seal must be a PNG or JPEG image, not %(format)s.") % {"format": found},
                              code="bad_format")
    if max(size) > MAX_SIDE:
        raise ValidationError(_("The seal image is larger than 4000 pixels on a side."), code="too_large")
