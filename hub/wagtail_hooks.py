"""Admin views: the taxonomies and organizations, grouped under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organization, Region, Risk, Service


class TermViewSet(SnippetViewSet):
    list_display = ["label", "key", "locale"]
    list_filter = ["locale"]
    search_fields = ["label", "key"]
    ordering = ["sort_order", "label"]


class ServiceViewSet(TermViewSet):
    model = Service
    icon = "folder-open-inverse"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"
    list_display = ["label", "key", "code", "locale"]


class RiskViewSet(TermViewSet):
    model = Risk
    icon = "warning"


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    list_display = ["name", "kind", "region", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "key"]
    ordering = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_order = 300
    items = (ServiceViewSet, RegionViewSet, RiskViewSet, OrganizationViewSet)


register_snippet(TaxonomyGroup)
