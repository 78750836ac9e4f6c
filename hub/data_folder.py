"""Where the open data files live (``OPEN_DATA_ROOT``) and where they are served (``OPEN_DATA_URL``).

Site configuration, in the shared base: the open data outlet writes there, and the media views
serve that folder when its address lies under ``MEDIA_URL``."""

from pathlib import Path

from django.conf import settings


def open_data_root():
    """``OPEN_DATA_ROOT``, or ``MEDIA_ROOT/open-data`` when it is None (see the settings)."""
    configured = getattr(settings, "OPEN_DATA_ROOT", None)
    return Path(configured) if configured else Path(settings.MEDIA_ROOT) / "open-data"


def open_data_url():
    configured = getattr(settings, "OPEN_DATA_URL", None)
    return configured or f"{settings.MEDIA_URL}open-data/"
