"""Admin views whose stock permission checks are too coarse for the hub's roles, wrapped so they
check the object itself: the page explorer (only pages the user may explore) and
wagtail-localize's translation views and translation editor (only what the user may edit)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from django.urls.resolvers import URLPattern
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def guarded_object_routes(patterns, guard):
    """A viewset's ``patterns`` with every route that names one object (``<pk>``) wrapped by
    ``guard(view, route name)``, so that no view of an object skips the check, whatever the view."""
    guarded = []
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and "pk" in pattern.pattern.regex.groupindex:
            callback = guard(pattern.callback, pattern.name)
            pattern = URLPattern(pattern.pattern, callback, pattern.default_args, pattern.name)
        guarded.append(pattern)
    return guarded


def may_explore(user, page_id):
    if user.is_superuser:
        return True
    return policy_registry.get_by_type(Page).explorable_instances(user).filter(pk=page_id).exists()


def guard_explorer(view):
    """Wagtail lets anyone explore every page under the common ancestor of their sections (for a
    role spread over both languages, the whole tree); the hub allows only explorable pages."""

    def guarded(request, parent_page_id, **kwargs):
        if not may_explore(request.user, parent_page_id):
            raise PermissionDenied
        return view(request, parent_page_id=parent_page_id, **kwargs)

    return guarded


def may_browse_in_chooser(request, page_id):
    """The page chooser may browse into a page only if the chooser could list it."""
    if request.user.is_superuser:
        return True
    pages = Page.objects.filter(pk=page_id)
    for hook in hooks.get_hooks("construct_page_chooser_queryset"):
        pages = hook(pages, request)
    return pages.exists()


def guard_page_chooser(view):
    def guarded(request, parent_page_id, **kwargs):
        if not may_browse_in_chooser(request, parent_page_id):
            raise PermissionDenied
        return view(request, parent_page_id=parent_page_id, **kwargs)

    return guarded


def may_translate(user, instance):
    """Whoever may edit a page translates it; a snippet, whoever may add its model and, where the
    model's permission policy narrows instances (an organization's declared records), may act
    on this one."""
    if isinstance(instance, Page):
        return instance.specific.permissions_for_user(user).can_edit()
    if not user.has_perm(get_permission_name("add", type(instance))):
        return False
    policy = policy_registry.get_by_type(type(instance))
    return policy is None or policy.user_has_any_permission_for_instance(user, ["add", "change"], instance)


class GuardedPageTranslationView(SubmitPageTranslationView):
    """wagtail-localize only checks the global "submit translation" permission."""

    def get_object(self):
        page = super().get_object()
        if not may_translate(self.request.user, page):
            raise PermissionDenied
        return page


class GuardedSnippetTranslationView(SubmitSnippetTranslationView):
    def get_object(self):
        snippet = super().get_object()
        if not may_translate(self.request.user, snippet):
            raise PermissionDenied
        return snippet


def guard_translation(view):
    """wagtail-localize's translation editor views (strings, overrides, PO files, machine
    translation, preview, stop) check a snippet's model permission only: they also need the
    right to translate the translation's source and target."""

    def guarded(request, translation_id, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        for instance in (translation.source.get_source_instance(), translation.get_target_instance()):
            if not may_translate(request.user, instance):
                raise PermissionDenied
        return view(request, translation_id=translation_id, **kwargs)

    return guarded


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    def get_object(self):
        source = super().get_object()
        instance = source.get_source_instance()
        if not isinstance(instance, TranslatableMixin) or not may_translate(self.request.user, instance):
            raise PermissionDenied
        return source


TRANSLATE = "admin/localize/translate/<int:translation_id>/"


def admin_view(view):
    """The decorators Wagtail puts on every admin URL."""
    return never_cache(require_admin_access(view))


urlpatterns = [
    path(
        "admin/pages/<int:parent_page_id>/",
        admin_view(
            guard_explorer(page_viewset_registry.as_view("index", parent_page_id_kwarg="parent_page_id"))
        ),
    ),
    path(
        "admin/pages/<int:parent_page_id>/results/",
        admin_view(
            guard_explorer(
                page_viewset_registry.as_view("index_results", parent_page_id_kwarg="parent_page_id")
            )
        ),
    ),
    path("admin/choose-page/<int:parent_page_id>/", admin_view(guard_page_chooser(BrowseView.as_view()))),
    path(
        "admin/localize/submit/page/<int:page_id>/",
        admin_view(GuardedPageTranslationView.as_view()),
    ),
    path(
        "admin/localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        admin_view(GuardedSnippetTranslationView.as_view()),
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        admin_view(GuardedUpdateTranslationsView.as_view()),
    ),
    *[
        path(f"{TRANSLATE}{route}", admin_view(guard_translation(view)))
        for route, view in (
            ("strings/<int:string_segment_id>/edit/", edit_translation.edit_string_translation),
            ("overrides/<int:overridable_segment_id>/edit/", edit_translation.edit_override),
            ("pofile/download/", edit_translation.download_pofile),
            ("pofile/upload/", edit_translation.upload_pofile),
            ("machine_translate/", edit_translation.machine_translate),
            ("preview/", edit_translation.preview_translation),
            ("preview/<str:mode>/", edit_translation.preview_translation),
            ("disable/", edit_translation.stop_translation),
        )
    ],
]
