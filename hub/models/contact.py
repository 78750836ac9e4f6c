"""How a reader reaches the hub's own team: set once by an administrator (Admin → Settings →
Hub contact), shown where a reader is invited to tell what happened to them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="mail")
class HubContact(BaseGenericSetting):
    """The team's public address and, optionally, a page that says how to reach it (a form, the
    hours of a library visit...). Only a live page with no view restriction is ever linked."""

    email = models.EmailField(_("e-mail address"), blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the reader's language when it is translated."),
    )

    panels = [FieldPanel("email"), FieldPanel("page")]

    class Meta:
        verbose_name = _("hub contact")
