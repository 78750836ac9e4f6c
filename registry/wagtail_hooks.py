"""The declared records in the admin, every road narrowed by ``registry.permissions``: the list
and its search and filters, the chooser, bulk actions, site history and wagtail-localize's API
(``hub.admin_visibility`` asks ``visible_records``), each view of one record (edit, publish,
unpublish, delete, copy, usage, history, revisions and their comparison, revert: another
organization's record is a 404 before any view runs), and the form, whose system is one of the
user's organization's. A declared record has no preview.

The roles (``hub.roles``) learn here that declared records are written by organizations."""

from functools import wraps

from django import forms
from django.contrib.admin.utils import unquote
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.models import Page
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub.admin_guards import guarded_object_routes
from hub.admin_visibility import ChoosesVisibleOnly, narrowed_chooser_viewset

from .models import DeclaredRecord, SystemPage
from .models.declared import DeclaredRecordForm
from .permissions import POLICY, organization_scope, own_systems, visible_records


class OrganizationScopedForm(DeclaredRecordForm):
    """For an account acting for an organization, the system is a plain list of that
    organization's entries (no page chooser that would browse the register's drafts); a posted
    id of another organization's entry is refused as an invalid choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None or organization_scope(self.for_user) is None:
            return
        field = self.fields["system"]
        field.widget = forms.Select()
        systems = own_systems(self.for_user)
        if self.instance.system_id:  # kept, should its entry have been unpublished since
            systems = systems | SystemPage.objects.filter(pk=self.instance.system_id)
        field.queryset = systems.select_related("locale").order_by("title", "locale")
        field.label_from_instance = lambda page: f"{page.title} ({page.locale.get_display_name()})"


def guard_record(view, route_name):
    """A view of one record answers 404 for a record the user may not see; a user to whom
    declared records are nothing at all gets the view's own refusal."""

    @wraps(view)
    def guarded(request, *args, pk, **kwargs):
        visible = visible_records(request.user)
        if visible is not None and not visible.filter(pk=unquote(str(pk))).exists():
            raise Http404
        return view(request, *args, pk=pk, **kwargs)

    return guarded


class DeclaredRecordViewSet(SnippetViewSet):
    model = DeclaredRecord
    icon = "doc-full"
    menu_label = _("Declared records")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["__str__", "source_title", "source_date", "live", "locale"]
    list_filter = ["live", "lifecycle_status", "locale"]
    search_fields = ["source_title", "system__title", "purpose"]
    search_backend_name = None  # a database search: the records are few and not in the search index
    ordering = ["system__title"]
    edit_handler = ObjectList(DeclaredRecord.panels, base_form_class=OrganizationScopedForm)
    chooser_viewset_class = narrowed_chooser_viewset(ChoosesVisibleOnly)

    def get_queryset(self, request):
        visible = visible_records(request.user)
        return DeclaredRecord.objects.none() if visible is None else visible

    def get_urlpatterns(self):
        return guarded_object_routes(super().get_urlpatterns(), guard_record)


register_permission_policy(DeclaredRecord, POLICY)
register_snippet(DeclaredRecordViewSet)


@hooks.register("register_admin_visibility")
def declared_record_visibility():
    return DeclaredRecord, visible_records


@hooks.register("register_organization_records")
def declared_records_are_the_organizations():
    return "registry.DeclaredRecord"


@hooks.register("construct_page_chooser_queryset")
def chooser_pages_of_organizations(pages, request):
    """An account acting for an organization holds no page permission here (a public body none
    at all): the page chooser offers it published pages and those it may explore, never another
    section's draft."""
    if organization_scope(request.user) is None:
        return pages
    explorable = policy_registry.get_by_type(Page).explorable_instances(request.user).values("pk")
    published = Page.objects.filter(live=True, has_unpublished_changes=False).values("pk")
    return pages.filter(Q(pk__in=explorable) | Q(pk__in=published))
