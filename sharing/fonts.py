"""The fonts of the share images, from the settings ``SHARE_IMAGE_FONT`` and
``SHARE_IMAGE_BOLD_FONT`` (DejaVu Sans by default, which has every French letter)."""

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from PIL import ImageFont

SETTINGS = {"regular": "SHARE_IMAGE_FONT", "bold": "SHARE_IMAGE_BOLD_FONT"}


def missing_fonts():
    """``[(setting, path)]`` of the font settings that name no file."""
    paths = [(setting, Path(getattr(settings, setting))) for setting in SETTINGS.values()]
    return [(setting, path) for setting, path in paths if not path.is_file()]


@lru_cache(maxsize=32)
def _load(path, size):
    return ImageFont.truetype(path, size)


def font(weight, size):
    """The font of ``weight`` ("regular" or "bold") at ``size`` pixels; ImproperlyConfigured,
    naming the setting, when its file is missing (Pillow's own error names neither)."""
    setting = SETTINGS[weight]
    path = Path(getattr(settings, setting))
    if not path.is_file():
        raise ImproperlyConfigured(
            f"{setting} names no font file ({path}): install fonts-dejavu-core or set {setting}."
        )
    return _load(str(path), size)
