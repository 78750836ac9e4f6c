"""Admin rules for municipal partners, who belong to outside organizations: in the page
explorer they see only their organization's agreements, and in the page chooser only what is
public plus the pages they may explore (so no draft title of another section or organization)."""

from django.db.models import Q
from wagtail import hooks
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .models import acts_as_partner


@hooks.register("construct_explorer_page_queryset")
def explorer_pages(parent_page, pages, request):
    if not acts_as_partner(request.user):
        return pages
    return pages.filter(
        pk__in=policy_registry.get_by_type(Page).explorable_instances(request.user).values("pk")
    )


@hooks.register("construct_page_chooser_queryset")
def chooser_pages(pages, request):
    if not acts_as_partner(request.user):
        return pages
    explorable = policy_registry.get_by_type(Page).explorable_instances(request.user).values("pk")
    # As a subquery on ``pk``: the chooser's search may filter only on the fields Page indexes
    # for filtering, and ``has_unpublished_changes`` is not one of them.
    published = Page.objects.filter(live=True, has_unpublished_changes=False).values("pk")
    return pages.filter(Q(pk__in=explorable) | Q(pk__in=published))
