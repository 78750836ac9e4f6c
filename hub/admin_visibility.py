"""What an admin user may see, and the admin views that name objects narrowed to it.

Wagtail checks whether a user may *act* on an object, then often names the object anyway: a
bulk action lists the pages the user may not publish, a workflow view says which page "is not
awaiting moderation", the page types report shows the last edited page of each type, and
wagtail-localize's snippet API lists every snippet of any model. Those names are draft titles of
other organizations, testimony references or partner accounts. Here each such view names only
what the user may see:

- a page, if it is among the pages the user may explore (``admin_guards.may_explore``);
- an image or document, if it is in a collection where the user holds any permission (so never
  a withdrawn testimony's file: that collection is the administrators');
- any other model, as its app's ``register_admin_visibility`` hook says (testimonies for those who
  handle them, without the withdrawn ones; partner memberships for administrators), every
  instance otherwise (taxonomies and organizations are public).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.urls import path
from wagtail import hooks
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail_localize.views.snippets_api import SnippetViewSet as LocalizeSnippetApi

from .admin_guards import admin_view, may_explore

MEDIA_ACTIONS = ["add", "change", "choose", "delete"]


def visibility_rules():
    """``{model: rule}`` from the ``register_admin_visibility`` hooks; a rule takes a user and
    returns the queryset of instances they may see, or None if the model is not theirs at all."""
    return dict(hook() for hook in hooks.get_hooks("register_admin_visibility"))


def visible_instances(user, model):
    """The instances of a non-page, non-media ``model`` the user may see (None: none at all)."""
    if user.is_superuser:
        return model._default_manager.all()
    rule = visibility_rules().get(model)
    return rule(user) if rule else model._default_manager.all()


def may_see(user, obj):
    if user.is_superuser:
        return True
    if isinstance(obj, Page):
        return may_explore(user, obj.pk)
    if isinstance(obj, (get_image_model(), get_document_model())):
        policy = policy_registry.get_by_type(type(obj))
        collections = policy.collections_user_has_any_permission_for(user, MEDIA_ACTIONS)
        return collections.filter(pk=obj.collection_id).exists()
    visible = visible_instances(user, type(obj))
    return visible is not None and visible.filter(pk=obj.pk).exists()


def guard_page_id(view):
    """For the workflow views, whose "not awaiting moderation" message names the page: only
    someone who may explore the page gets that far."""

    def guarded(request, page_id, **kwargs):
        if not may_explore(request.user, page_id):
            raise PermissionDenied
        return view(request, page_id=page_id, **kwargs)

    return guarded


class NamesOnlyVisible:
    """A bulk action names every object of the request, those the user may not act on included:
    it gets only those the user may see. When none is left, the request names nothing that
    exists for the user (404, as for an unknown id)."""

    def get_queryset(self, model, object_ids):
        user = self.request.user
        visible = [obj for obj in super().get_queryset(model, object_ids) if may_see(user, obj)]
        if not visible:
            raise Http404
        return visible


def bulk_action_view(request, app_label, model_name, action):
    """Wagtail's bulk action dispatcher, with every action class narrowed by NamesOnlyVisible."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    guarded_class = type(action_class.__name__, (NamesOnlyVisible, action_class), {})
    return guarded_class(request, model).dispatch(request)


class VisiblePageTypesUsageReportView(PageTypesUsageReportView):
    """The report names the last edited page of each type: only if the user may see it."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        for page_type in page_types:
            page = page_type.last_edited_page
            if page is not None and not may_see(self.request.user, page):
                page_type.last_edited_page = None
        return page_types


class VisibleLogEntriesView(LogEntriesView):
    """Site history and its CSV and XLSX exports: Wagtail shows every entry of a model the user
    holds any permission on; the entries of instances the user may not see are left out too (a
    withdrawn testimony's, with the reason of its withdrawal)."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        user = self.request.user
        if user.is_superuser or queryset.model is not ModelLogEntry:
            return queryset
        for model in visibility_rules():
            content_type = ContentType.objects.get_for_model(model)
            visible = visible_instances(user, model)
            if visible is None:
                queryset = queryset.exclude(content_type=content_type)
                continue
            visible_ids = visible.annotate(id_text=Cast("pk", CharField())).values("id_text")
            queryset = queryset.exclude(Q(content_type=content_type) & ~Q(object_id__in=visible_ids))
        return queryset


class VisibleSnippetApi(LocalizeSnippetApi):
    """wagtail-localize's snippet API (for its translation editor) answers only what the user may
    see: 403 for a model that is not theirs, 404 for an instance they may not see."""

    def get_queryset(self):
        visible = visible_instances(self.request.user, self.get_model())
        if visible is None:
            raise PermissionDenied
        return visible


class ChoosesVisibleOnly:
    """For a snippet chooser whose model is not every admin user's to list."""

    def dispatch(self, request, *args, **kwargs):
        if visible_instances(request.user, self.model_class) is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return visible_instances(self.request.user, self.model_class)

    def get_object(self, pk):
        """The chosen view: an instance the user may not see is a 404, as an unknown id."""
        return self.get_object_list().get(pk=pk)

    def get_objects(self, pks):
        return self.get_object_list().filter(pk__in=pks)


def narrowed_chooser_viewset(narrowing):
    """A snippet chooser viewset whose four views (choose, results, chosen, chosen multiple) are
    narrowed by the mixin ``narrowing``."""
    views = {
        "choose_view_class": snippet_chooser.ChooseView,
        "choose_results_view_class": snippet_chooser.ChooseResultsView,
        "chosen_view_class": snippet_chooser.SnippetChosenView,
        "chosen_multiple_view_class": snippet_chooser.SnippetChosenMultipleView,
    }
    attributes = {
        name: type(f"{narrowing.__name__}{view.__name__}", (narrowing, view), {})
        for name, view in views.items()
    }
    return type(f"{narrowing.__name__}ChooserViewSet", (snippet_chooser.SnippetChooserViewSet,), attributes)


def workflow_view(name):
    return admin_view(guard_page_id(page_viewset_registry.as_view(name, page_id_kwarg="page_id")))


WORKFLOW = "admin/pages/workflow"
LOCALIZE_API = "admin/localize/api/snippets/<slug:app_label>/<slug:model_name>"

urlpatterns = [
    path(
        f"{WORKFLOW}/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        workflow_view("workflow_action"),
    ),
    path(
        f"{WORKFLOW}/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        workflow_view("collect_workflow_action_data"),
    ),
    path(f"{WORKFLOW}/confirm_cancellation/<int:page_id>/", workflow_view("confirm_workflow_cancellation")),
    path(f"{WORKFLOW}/preview/<int:page_id>/<int:task_id>/", workflow_view("workflow_preview")),
    path("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", admin_view(bulk_action_view)),
    path("admin/reports/site-history/", admin_view(VisibleLogEntriesView.as_view())),
    path("admin/reports/site-history/results/", admin_view(VisibleLogEntriesView.as_view(results_only=True))),
    path("admin/reports/page-types-usage/", admin_view(VisiblePageTypesUsageReportView.as_view())),
    path(
        "admin/reports/page-types-usage/results/",
        admin_view(VisiblePageTypesUsageReportView.as_view(results_only=True)),
    ),
    path(f"{LOCALIZE_API}/", admin_view(VisibleSnippetApi.as_view({"get": "list"}))),
    path(f"{LOCALIZE_API}/<str:pk>/", admin_view(VisibleSnippetApi.as_view({"get": "retrieve"}))),
]
