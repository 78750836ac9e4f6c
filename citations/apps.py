from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitationsConfig(AppConfig):
    """Permanent addresses (``/cite/<id>/``), references, downloads and JSON-LD of every item."""

    name = "citations"
    verbose_name = _("Citations")
