"""The submitted image: checked by its content, size and pixel dimensions, and re-encoded from
its pixels alone, so that nothing but the picture is kept: no EXIF (camera, time, GPS
location), XMP or comments.

The file's name and the browser's content type are not trusted: Pillow reads the bytes
(`verify()` checks the file's structure, then the dimensions are read from its header before a
pixel is decoded), and only JPEG, PNG and WebP are taken. A GIF, and anything else, is refused.
"""

import uuid
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def limits():
    return (
        settings.KYLATORI_SUBMISSION_IMAGE_MAX_BYTES,
        settings.KYLATORI_SUBMISSION_IMAGE_MAX_PIXELS,
        settings.KYLATORI_SUBMISSION_IMAGE_MIN_SIDE,
    )


def unreadable():
    return ValidationError(
        _("The file is not an image that can be read. Send a JPEG, PNG or WebP image."),
        code="invalid_image",
    )


def clean_image(upload):
    """A ContentFile of the uploaded image re-encoded without metadata, or a ValidationError
    that says what is wrong."""
    max_bytes, max_pixels, min_side = limits()
    if upload.size > max_bytes:
        raise ValidationError(
            _("The image is too large (%(size)s): it can be at most %(max)s."),
            code="image_too_large",
            params={"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)},
        )
    data = upload.read()
    try:
        with Image.open(BytesIO(data)) as probe:
            probe.verify()
        with Image.open(BytesIO(data)) as image:
            kind = image.format
            width, height = image.size
            if kind not in FORMATS:
                raise unreadable()
            if width * height > max_pixels:
                raise ValidationError(
                    _(
                        "The image has too many pixels (%(width)s × %(height)s): it can have "
                        "at most %(megapixels)s megapixels."
                    ),
                    code="image_too_many_pixels",
                    params={
                        "width": width,
                        "height": height,
                        "megapixels": max_pixels // 1_000_000,
                    },
                )
            if min(width, height) < min_side:
                raise ValidationError(
                    _("The image is too small: it must be at least %(min)s pixels a side."),
                    code="image_too_small",
                    params={"min": min_side},
                )
            upright = ImageOps.exif_transpose(image)
            if upright.mode not in ("RGB", "RGBA", "L"):
                # A palette, CMYK or 16-bit image: its pixels alone would lose their colours.
                upright = upright.convert("RGBA")
            pixels = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise unreadable() from None
    out = BytesIO()
    if kind == "JPEG":
        pixels.convert("RGB").save(out, "JPEG", quality=90)
    elif kind == "PNG":
        pixels.save(out, "PNG")
    else:
        pixels.save(out, "WEBP", quality=90)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{FORMATS[kind]}")
