from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvocacyConfig(AppConfig):
    name = "advocacy"
    verbose_name = _("Advocacy")

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from hub.items import register

        from .items import AGREEMENT, BRIEF
        from .permissions import PartnerAwarePagePermissionPolicy

        register(BRIEF)
        register(AGREEMENT)
        register_permission_policy(Page, PartnerAwarePagePermissionPolicy(Page))
