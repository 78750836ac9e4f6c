"""The toolkit (``TK-YYYY-NNNN``): resources put in order for one purpose ("Run a 90-minute
AI-literacy workshop at the library"), downloadable as one ZIP (``learning.toolkit_zip``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.models import ItemIndexPage, ItemPage

from ..outlets import ToolkitOutlets


class ToolkitIndexPage(ItemIndexPage):
    subpage_types = ["learning.ToolkitPage"]

    class Meta:
        verbose_name = _("toolkits index")


class ToolkitPage(ToolkitOutlets, RoutablePageMixin, ItemPage):
    purpose = models.TextField(
        _("purpose"), help_text=_("What the toolkit is for, in one sentence: what you can do with it.")
    )
    how_to_use = models.TextField(_("how to use it"), blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)

    content_panels = [
        FieldPanel("title"),
        MultiFieldPanel(ItemPage.summary_panels, heading=_("Summaries")),
        FieldPanel("purpose"),
        FieldPanel("how_to_use"),
        FieldPanel("duration_minutes"),
        MultiFieldPanel([FieldPanel("services"), FieldPanel("regions")], heading=_("Topics")),
        InlinePanel("members", heading=_("Resources, in order"), label=_("Resource"), min_num=1),
        *ItemPage.change_panels,
    ]
    search_fields = ItemPage.search_fields + [index.SearchField("purpose"), index.SearchField("how_to_use")]
    translatable_fields = ItemPage.item_translatable_fields + [
        TranslatableField("purpose"),
        TranslatableField("how_to_use"),
        SynchronizedField("duration_minutes"),
        TranslatableField("members"),
    ]

    parent_page_types = ["learning.ToolkitIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("toolkit")
        verbose_name_plural = _("toolkits")

    def schema_org(self, data):
        from ..schema_org import toolkit_data

        return toolkit_data(self, data)

    def serve(self, request, view=None, args=None, kwargs=None, interface_index=None):
        """An untranslated toolkit served by another language's index page keeps that index
        (``ItemIndexPage.untranslated_item``), as the other routable items do."""
        if interface_index is not None:
            return super().serve(request, kwargs={"interface_index": interface_index})
        return super().serve(request, view, args, kwargs)

    @path("zip/", name="zip")
    def download(self, request):
        """The toolkit's public resources in one ZIP (``learning.toolkit_zip``)."""
        from ..toolkit_zip import serve_archive

        return serve_archive(self)


class ToolkitMember(Orderable):
    toolkit = ParentalKey(ToolkitPage, on_delete=models.CASCADE, related_name="members")
    resource = models.ForeignKey(
        "learning.LearningResourcePage",
        verbose_name=_("resource"),
        on_delete=models.PROTECT,
        related_name="toolkit_memberships",
    )
    note = models.CharField(
        _("its part in the toolkit"),
        max_length=300,
        blank=True,
        help_text=_("For example: hand out at minute 10."),
    )

    panels = [FieldPanel("resource"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("resource of the toolkit")
