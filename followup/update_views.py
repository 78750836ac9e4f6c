"""Admin → Commitments progress: the progress updates of the commitments an account may update
(``followup.permissions``), their drafts written, published with one click and corrected.

A published update offers no edit or delete, only "Correct", which opens a new update prefilled
from it. Every view of one update answers 404 for an update the account may not see, and refuses
(Wagtail's "no permission") an action it may not take on one it sees."""

from functools import wraps

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters import ChoiceFilter
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.models import CreateView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton

from hub.admin_guards import guarded_object_routes

from .forms import SAID_FIELDS, NewUpdateForm, UpdateForm
from .models import Commitment, CommitmentStatus, CommitmentUpdate, commitment_item_types
from .permissions import POLICY, may_act_on, updatable_commitments, visible_updates

VIEWSET_NAME = "commitment_updates"
# The action each view of one update takes, as the permission policy names it.
VIEW_ACTIONS = {"edit": "change", "delete": "delete", "publish": "publish"}


def guard_update(view, route_name):
    """A view of one update: 404 for an update the account may not see (as for an unknown one),
    "no permission" for an action it may not take on it."""
    action = VIEW_ACTIONS.get(route_name, "view")

    @wraps(view)
    def guarded(request, *args, pk, **kwargs):
        visible = visible_updates(request.user)
        update = visible.filter(pk=unquote(str(pk))).first() if visible is not None else None
        if update is None:
            raise Http404
        if not may_act_on(request.user, action, update):
            raise PermissionDenied
        return view(request, *args, pk=pk, **kwargs)

    return guarded


def items_of(commitment_keys):
    """``{item key: "<public id> · <title>"}`` of the items of these commitments, each by its first
    version."""
    labels = {}
    for item_type in commitment_item_types():
        pages = item_type.model.objects.filter(commitments__translation_key__in=commitment_keys).distinct()
        for key, public_id, title in pages.order_by("-pk").values_list(
            "translation_key", "public_id", "title"
        ):
            labels[key] = f"{public_id} · {Truncator(title).words(10)}"
    return labels


class UpdateFilterSet(WagtailFilterSet):
    item_key = ChoiceFilter(label=gettext_lazy("Item"), choices=[])
    status = ChoiceFilter(label=gettext_lazy("Status"), choices=CommitmentStatus.choices)
    state = ChoiceFilter(
        label=gettext_lazy("Publication"),
        choices=[("draft", gettext_lazy("Draft")), ("published", gettext_lazy("Published"))],
        method="filter_state",
    )

    class Meta:
        model = CommitmentUpdate
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        keys = updatable_commitments(request.user).values("translation_key")
        self.filters["item_key"].extra["choices"] = sorted(
            ((str(key), label) for key, label in items_of(keys).items()), key=lambda choice: choice[1]
        )

    def filter_state(self, queryset, name, value):
        return queryset.filter(published_at__isnull=(value == "draft"))


class PublicationColumn(Column):
    def get_value(self, instance):
        if instance.published_at is None:
            return _("Draft")
        return date_format(localtime(instance.published_at), "SHORT_DATETIME_FORMAT")


class NoteColumn(Column):
    def get_value(self, instance):
        return Truncator(" ".join(instance.note.split())).words(12)


class UpdateIndexView(IndexView):
    """The updates the account may see, drafts first then newest first; edit and delete only for
    its own drafts, publish for them too, correct for published ones."""

    def get_base_queryset(self):
        visible = visible_updates(self.request.user)
        updates = visible if visible is not None else CommitmentUpdate.objects.none()
        drafts_first = F("published_at").desc(nulls_first=True)
        return updates.select_related("created_by").order_by(drafts_first, "-happened_on", "-pk")

    def decorate_paginated_queryset(self, updates):
        """Each update knows its commitment, read at once."""
        updates = list(super().decorate_paginated_queryset(updates))
        rows = Commitment.objects.filter(translation_key__in={update.commitment_key for update in updates})
        first = {}
        for row in rows.select_related("page").order_by("-pk"):
            first[row.translation_key] = row
        for update in updates:
            update.__dict__["commitment"] = first.get(update.commitment_key)
        return updates

    @cached_property
    def header_buttons(self):
        """Beside "Add", the commitments of the items the account edits as CSV, to download and
        import back (``followup.interchange_views``)."""
        label = _("Commitments as CSV")
        return [
            *super().header_buttons,
            HeaderButton(label, url=reverse("commitments_csv"), icon_name="download"),
        ]

    def may(self, action, instance):
        return POLICY.user_has_permission_for_instance(self.request.user, action, instance)

    def get_edit_url(self, instance):
        if self.may("change", instance):
            return super().get_edit_url(instance)

    def get_delete_url(self, instance):
        if self.may("delete", instance):
            return super().get_delete_url(instance)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        viewset = self.request.resolver_match.namespace
        if self.may("publish", instance):
            url = reverse(f"{viewset}:publish", args=[quote(instance.pk)])
            buttons.append(ListingButton(_("Publish"), url, icon_name="upload", priority=5))
        if instance.is_published and self.user_has_permission("add"):
            url = reverse(f"{viewset}:add") + f"?corrects={quote(instance.pk)}"
            buttons.append(ListingButton(_("Correct"), url, icon_name="edit", priority=6))
        return buttons


class UpdateInspectView(InspectView):
    """What an update says; edit and delete offered only where the account may (its own draft)."""

    def may(self, action):
        return POLICY.user_has_permission_for_instance(self.request.user, action, self.object)

    def get_edit_url(self):
        return super().get_edit_url() if self.may("change") else None

    def get_delete_url(self):
        return super().get_delete_url() if self.may("delete") else None


class UpdateHistoryView(HistoryView):
    """An update's history; its edit link only where the account may edit it."""

    def get_edit_url(self, instance):
        if POLICY.user_has_permission_for_instance(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None

    @cached_property
    def header_buttons(self):
        return super().header_buttons if self.get_edit_url(self.object) else []


class PublishingMixin:
    """The form's second button, "Publish": saves, then publishes (dated, logged, announced)."""

    def save_instance(self):
        instance = super().save_instance()
        if self.action == "publish":
            instance.publish(user=self.request.user)
        return instance

    def get_success_message(self, *args):
        if self.action == "publish":
            return _("Progress update %(update)s published.") % {"update": self.object}
        return super().get_success_message(*args)


class UpdateCreateView(PublishingMixin, CreateView):
    actions = ["create", "publish"]

    def get_form_class(self):
        return NewUpdateForm

    def corrected(self):
        """The published update the new one corrects (``?corrects=<id>``), if the account sees it."""
        pk = self.request.GET.get("corrects")
        if not pk:
            return None
        visible = visible_updates(self.request.user)
        if visible is None or not pk.isdigit():
            raise Http404
        return get_object_or_404(visible.published(), pk=pk)

    def get_initial(self):
        """A correction starts from what the corrected update said; a link from the dashboard
        names its commitment (``?commitment=<key>``: the form offers it only if it may)."""
        corrected = self.corrected()
        if corrected is None:
            return {**super().get_initial(), "commitment": self.request.GET.get("commitment", "")}
        said = {name: getattr(corrected, name) for name in SAID_FIELDS}
        return {**said, "commitment": str(corrected.commitment_key), "corrects": corrected.pk}

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class UpdateEditView(PublishingMixin, EditView):
    actions = ["edit", "publish"]

    def get_form_class(self):
        return UpdateForm


def publish_view(request, pk):
    """Confirm, then publish a draft: once published it is public for good."""
    update = get_object_or_404(CommitmentUpdate, pk=pk)  # guarded: visible, a draft, its author's
    index_url = reverse(f"{VIEWSET_NAME}:index")
    if request.method == "POST":
        update.publish(user=request.user)
        messages.success(request, _("Progress update %(update)s published.") % {"update": update})
        return redirect(index_url)
    return TemplateResponse(
        request, "followup/admin/publish_update.html", {"update": update, "index_url": index_url}
    )


class UpdateViewSet(ModelViewSet):
    model = CommitmentUpdate
    icon = "tasks"
    menu_label = gettext_lazy("Commitments progress")
    menu_order = 270
    add_to_admin_menu = True
    index_view_class = UpdateIndexView
    add_view_class = UpdateCreateView
    edit_view_class = UpdateEditView
    inspect_view_class = UpdateInspectView
    history_view_class = UpdateHistoryView
    filterset_class = UpdateFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False  # a correction is the road to a new update from an old one
    add_to_reference_index = False
    form_fields = SAID_FIELDS
    create_template_name = edit_template_name = "followup/admin/update_form.html"
    list_display = [
        "__str__",
        Column("happened_on", label=gettext_lazy("Date"), sort_key="happened_on"),
        "status",
        "progress",
        NoteColumn("note", label=gettext_lazy("Note")),
        PublicationColumn("published_at", label=gettext_lazy("Publication"), sort_key="published_at"),
        Column("created_by", label=gettext_lazy("Written by")),
    ]
    inspect_view_fields = [*SAID_FIELDS, "corrects", "published_at", "created_by"]

    def get_urlpatterns(self):
        patterns = [*super().get_urlpatterns(), path("publish/<int:pk>/", publish_view, name="publish")]
        return guarded_object_routes(patterns, guard_update)
