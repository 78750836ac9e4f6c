"""Pixel and byte limits on images and documents, on every road that stores or decodes one.

An image costs memory by its pixels, not its bytes: an 11,300 × 11,300 PNG of 500 KB decodes
into half a gigabyte. Wagtail's upload fields (admin form, multiple upload, choosers) check
``WAGTAILIMAGES_MAX_IMAGE_PIXELS``, ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and
``WAGTAILDOCS_MAX_UPLOAD_SIZE``; this module holds the same limits where forms are not involved:

- before an image is decoded through Willow (to measure it, or to make a rendition), its size
  is read from the file's header and an image over the limit raises ``ImageTooLarge``. That
  exception is a ``SourceImageIOError``, so ``{% image %}`` and the admin listings show an
  image already stored over the limit as missing instead of failing the page, and a
  ``DecompressionBombError``, so Wagtail's upload field reports it as too many pixels;
- a new image or document file is checked before it is saved (``pre_save``), whatever saves
  it: an ORM script, an import, a fixture;
- Pillow's own limit (``PIL.Image.MAX_IMAGE_PIXELS``) follows the same setting, and its warning
  is an error, so no other code path decodes an image over the limit either.
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signals import setting_changed
from django.db.models.signals import pre_save
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from willow.plugins.pillow import PillowImage
from willow.registry import registry


class ImageTooLarge(SourceImageIOError, PILImage.DecompressionBombError):
    """An image with more pixels (width × height) than ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``."""

    def __init__(self, limit, size=None):
        if size is None:
            message = _("This image has more pixels than the limit of %(limit)d (width × height).")
        else:
            message = _(
                "This image has %(pixels)d pixels (%(width)d × %(height)d), more than the limit of %(limit)d."
            )
        width, height = size or (0, 0)
        super().__init__(
            message % {"pixels": width * height, "width": width, "height": height, "limit": limit}
        )


def max_image_pixels():
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def check_pixels(size):
    limit = max_image_pixels()
    if limit is not None and size[0] * size[1] > limit:
        raise ImageTooLarge(limit, size)


def open_within_limit(image_file):
    """Willow's conversion of an image file to Pillow, with the size checked from the header
    before any pixel is decoded."""
    image_file.f.seek(0)
    try:
        image = PILImage.open(image_file.f)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise ImageTooLarge(max_image_pixels()) from error
    check_pixels(image.size)
    image.load()
    return PillowImage(image)


def configure_pillow():
    """Pillow's limit follows the setting (also when a test overrides it); its warning, given
    between the limit and twice the limit, is an error as Pillow's documentation suggests."""
    PILImage.MAX_IMAGE_PIXELS = max_image_pixels()
    warnings.filterwarnings("error", category=PILImage.DecompressionBombWarning)


def on_setting_changed(setting, **kwargs):
    if setting == "WAGTAILIMAGES_MAX_IMAGE_PIXELS":
        configure_pillow()


def check_size(field_file, limit):
    if limit is not None and field_file.size > limit:
        raise ValidationError(
            _("This file is too big (%(size)s). Maximum file size: %(limit)s.")
            % {"size": filesizeformat(field_file.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )


def new_file(instance, update_fields):
    """Whether this save stores a file not checked before: a new row, or a file just assigned."""
    if update_fields is not None and "file" not in update_fields:
        return False
    return instance._state.adding or not instance.file._committed


def check_new_image(sender, instance, update_fields=None, **kwargs):
    """Refuse an image over the limits, and record its real dimensions whatever a script said."""
    if not instance.file or not new_file(instance, update_fields):
        return
    check_size(instance.file, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    size = (instance.file.width, instance.file.height)
    check_pixels(size)
    instance.width, instance.height = size


def check_new_document(sender, instance, update_fields=None, **kwargs):
    if instance.file and new_file(instance, update_fields):
        check_size(instance.file, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)


def connect():
    configure_pillow()
    for source, cost in PillowImage.open._willow_converter_from:
        registry.register_converter(source, PillowImage, open_within_limit, cost=cost)
    setting_changed.connect(on_setting_changed, dispatch_uid="hub.upload_limits")
    pre_save.connect(check_new_image, sender=get_image_model(), dispatch_uid="hub.upload_limits.image")
    pre_save.connect(
        check_new_document, sender=get_document_model(), dispatch_uid="hub.upload_limits.document"
    )
