"""Admin views: the taxonomies and organizations under one menu, the glossary, partner memberships,
the dashboard panels that tell authors what reviewers asked them to change and reviewers how
readable the submitted summaries are, the live readability endpoint and the content checker's
project rules."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import (
    media_views,
    publication_hooks,  # noqa: F401  (registers the publication rules' hooks)
    readability,
)
from .admin_visibility import ChoosesVisibleOnly, narrowed_chooser_viewset
from .content_checks import ProjectContentCheckerItem
from .models import GlossaryTerm, Organization, PartnerMembership, Region, Risk, Service
from .readability_views import assess_view


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


class GlossaryTermViewSet(SnippetViewSet):
    """The glossary in its own menu: community editors write terms, not only reviewers."""

    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["term", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["term", "other_forms", "definition"]
    search_backend_name = None  # a database search: the glossary is small and not in the search index
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


class PartnerMembershipViewSet(SnippetViewSet):
    """Administrators say which organization each municipal partner account acts for."""

    model = PartnerMembership
    icon = "user"
    menu_label = _("Partner memberships")
    add_to_settings_menu = True
    list_display = ["user", "organization"]
    chooser_viewset_class = narrowed_chooser_viewset(ChoosesVisibleOnly)


register_snippet(PartnerMembershipViewSet)

MEMBERSHIP_POLICY = ModelPermissionPolicy(PartnerMembership)


def visible_memberships(user):
    """Who acts for which organization is for those who manage memberships (administrators)."""
    if MEMBERSHIP_POLICY.user_has_any_permission(user, ["add", "change", "delete", "view"]):
        return PartnerMembership.objects.all()
    return None


@hooks.register("register_admin_visibility")
def membership_visibility():
    return PartnerMembership, visible_memberships


class ChangesRequestedPanel(Component):
    """The author's items sent back by a reviewer, each with the reviewer's comment."""

    name = "changes_requested"
    template_name = "hub/admin/changes_requested_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        states = (
            WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user)
            .select_related("current_task_state__finished_by")
            .order_by("-current_task_state__finished_at")
        )
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        requests = [
            {"page": pages[int(state.object_id)], "task_state": state.current_task_state}
            for state in states
            if int(state.object_id) in pages
        ]
        return {"requests": requests}


class ReadabilityReviewPanel(Component):
    """For reviewers: the reading ease of each plain-language summary awaiting their review, as
    stored in the submitted revision (Wagtail's own review panel cannot show it)."""

    name = "readability_review"
    template_name = "hub/admin/readability_review_panel.html"
    order = 225

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        states = (
            TaskState.objects.reviewable_by(self.request.user)
            .select_related("revision")
            .order_by("-started_at")
        )
        rows = []
        for state in states:
            content = state.revision.content
            if "plain_summary" not in content:
                continue
            score = content.get("plain_summary_score")
            rows.append(
                {
                    "page_id": state.revision.object_id,
                    "task_id": state.task_id,
                    "title": state.revision.object_str,
                    "score": score,
                    "level": readability.LEVEL_LABELS.get(content.get("plain_summary_level") or "", ""),
                    "too_complex": readability.is_too_complex(score),
                }
            )
        return {"rows": rows, "threshold": readability.TOO_COMPLEX_BELOW}


@hooks.register("construct_homepage_panels")
def add_changes_requested_panel(request, panels):
    panels.append(ChangesRequestedPanel(request))
    panels.append(ReadabilityReviewPanel(request))


@hooks.register("register_admin_urls")
def register_readability_url():
    return [path("readability/", assess_view, name="hub_readability")]


@hooks.register("construct_wagtail_userbar")
def add_project_content_checks(request, items, page):
    """Swap Wagtail's content checker for the one with the project's rules, in the userbar, the
    preview panel and the editor's checks panel alike."""
    items[:] = [
        ProjectContentCheckerItem(in_editor=item.in_editor, page=page)
        if isinstance(item, ContentCheckerItem)
        else item
        for item in items
    ]


# Before Wagtail's collection restriction check (order 0): a private document is a 404 for anyone
# who may not see it, not a login form that tells it exists.
hooks.register("before_serve_document", media_views.serve_document, order=-1)
