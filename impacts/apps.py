from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactsConfig(AppConfig):
    name = "impacts"
    verbose_name = _("Case files")
