"""Admin for testimonies: editing with the consent record, the "withdraw testimony" action, and
withdrawn testimonies hidden from everyone but administrators."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views

from hub.admin_visibility import narrowed_chooser_viewset

from .models import Testimony
from .testimonies import WITHDRAW_ACTION, withdraw_testimony


def sees_withdrawn(user):
    return user.is_active and user.is_superuser


def visible_testimonies(user):
    queryset = Testimony.objects.all()
    return queryset if sees_withdrawn(user) else queryset.filter(withdrawn_at__isnull=True)


class HidesWithdrawn:
    """For views of one testimony: a withdrawn one does not exist for anyone but administrators."""

    def get_object(self, queryset=None):
        testimony = super().get_object(queryset) if queryset is not None else super().get_object()
        if testimony.is_withdrawn and not sees_withdrawn(self.request.user):
            raise Http404
        return testimony


class TestimonyEditView(HidesWithdrawn, snippet_views.EditView):
    pass


class TestimonyDeleteView(HidesWithdrawn, snippet_views.DeleteView):
    pass


class TestimonyUsageView(HidesWithdrawn, snippet_views.UsageView):
    pass


class TestimonyHistoryView(HidesWithdrawn, snippet_views.HistoryView):
    pass


def may_choose_testimonies(user):
    return user.has_perm("impacts.add_testimony") or user.has_perm("impacts.change_testimony")


@hooks.register("register_admin_visibility")
def testimony_visibility():
    """Any admin view that names testimonies (bulk actions, site history, wagtail-localize's API)
    names them to those who handle testimonies, and a withdrawn one to administrators only."""
    return Testimony, lambda user: visible_testimonies(user) if may_choose_testimonies(user) else None


class ChoosesPublishableOnly:
    """The chooser is for those who handle testimonies, and offers none that is withdrawn."""

    def dispatch(self, request, *args, **kwargs):
        if not may_choose_testimonies(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return Testimony.objects.filter(withdrawn_at__isnull=True)

    def get_object(self, pk):
        return self.get_object_list().get(pk=pk)

    def get_objects(self, pks):
        return self.get_object_list().filter(pk__in=pks)


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the withdrawal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recorded in the audit log with your name and the date. Never published."),
    )


def withdraw_view(request, pk):
    """Confirm, then withdraw: the testimony leaves every public page, search, export and API now."""
    if not request.user.has_perm("impacts.withdraw_testimony"):
        raise PermissionDenied
    testimony = get_object_or_404(visible_testimonies(request.user), pk=pk)
    index_url = reverse(TestimonyViewSet().get_url_name("list"))
    if testimony.is_withdrawn:
        messages.info(
            request, _("Testimony %(reference)s was already withdrawn.") % {"reference": testimony.reference}
        )
        return redirect(index_url)
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        withdraw_testimony(testimony, form.cleaned_data["reason"], user=request.user)
        messages.success(
            request,
            _("Testimony %(reference)s is withdrawn: it no longer appears anywhere public.")
            % {"reference": testimony.reference},
        )
        return redirect(index_url)
    pages = sorted(
        {link.page.get_admin_display_title() for link in testimony.casefile_links.select_related("page")}
    )
    return TemplateResponse(
        request,
        "impacts/admin/withdraw_testimony.html",
        {"testimony": testimony, "form": form, "pages": pages, "index_url": index_url},
        status=400 if request.method == "POST" else 200,
    )


class TestimonyViewSet(snippet_views.SnippetViewSet):
    model = Testimony
    icon = "openquote"
    menu_label = _("Testimonies")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", "language", "retention_until", "withdrawn_at"]
    list_filter = ["identification", "language"]
    search_fields = ["text", "display_name"]
    inspect_view_enabled = False
    copy_view_enabled = False
    edit_view_class = TestimonyEditView
    delete_view_class = TestimonyDeleteView
    usage_view_class = TestimonyUsageView
    history_view_class = TestimonyHistoryView
    chooser_viewset_class = narrowed_chooser_viewset(ChoosesPublishableOnly)

    def get_queryset(self, request):
        return visible_testimonies(request.user)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("withdraw/<int:pk>/", withdraw_view, name="withdraw")]


register_snippet(TestimonyViewSet)


@hooks.register("register_snippet_listing_buttons")
def withdraw_button(snippet, user, next_url=None):
    if (
        isinstance(snippet, Testimony)
        and not snippet.is_withdrawn
        and user.has_perm("impacts.withdraw_testimony")
    ):
        yield ListingButton(
            _("Withdraw testimony"),
            reverse(snippet.snippet_viewset.get_url_name("withdraw"), args=[snippet.pk]),
            icon_name="cross",
            priority=5,
        )


class WithdrawalLogFormatter(LogFormatter):
    label = _("Withdraw testimony")

    def format_message(self, log_entry):
        return _("Withdrawn: %(reason)s") % {"reason": log_entry.data.get("reason", "")}


@hooks.register("register_log_actions")
def register_withdrawal_log_action(actions):
    actions.register_action(WITHDRAW_ACTION)(WithdrawalLogFormatter)
