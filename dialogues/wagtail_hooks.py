"""Dialogues in the admin: the venues, a snippet every session chooses from, and the registrants,
which only a dialogue's organizers and administrators see (``dialogues.registrants``); and the
home page's figure of dialogues coming up (``hub.home``)."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.admin.utils import unquote
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, override
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub.admin_guards import guarded_object_routes
from hub.admin_visibility import ChoosesVisibleOnly, narrowed_chooser_viewset
from hub.home import HOOK as HOME_HOOK
from hub.home import HomeFigure

from .finding import coming_up_count
from .items import DIALOGUE
from .models import Registration, Session, Venue
from .registrants import POLICY, visible_registrations


def visible_venues(user):
    """Venues are for those who write dialogues: a venue only a draft dialogue uses is not public
    yet, and partners and public bodies have no dialogue to hold there (None: not theirs)."""
    if user.has_perm("dialogues.add_venue") or user.has_perm("dialogues.change_venue"):
        return Venue.objects.all()
    return None


@hooks.register("register_admin_visibility")
def venue_visibility():
    return Venue, visible_venues


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "kind", "municipality", "region", "locale"]
    list_filter = ["kind", "keroul_rating", "locale"]
    search_fields = ["name", "municipality", "street_address"]
    chooser_viewset_class = narrowed_chooser_viewset(ChoosesVisibleOnly)


register_snippet(VenueViewSet)


def guard_registration(view, route_name):
    """A view of one registration answers 404 for a registration the user may not see, like an
    unknown one."""

    @wraps(view)
    def guarded(request, *args, pk, **kwargs):
        visible = visible_registrations(request.user)
        if visible is None or not visible.filter(pk=unquote(str(pk))).exists():
            raise Http404
        return view(request, *args, pk=pk, **kwargs)

    return guarded


def with_session_start(registrations):
    """Each registration with its session's start, read from the dialogue's own sessions."""
    starts = Session.objects.filter(
        dialogue_id=OuterRef("dialogue_id"), translation_key=OuterRef("session_key")
    )
    return registrations.select_related("dialogue").annotate(
        session_starts_at=Subquery(starts.values("starts_at")[:1])
    )


# What a registration says about its person, in the export and on its own admin page.
PERSON_FIELDS = [
    "status",
    "name",
    "email",
    "phone",
    "accommodations_text",
    "accommodations_details",
    "consent_to_contact",
    "wants_report",
    "language",
    "created_at",
]


class RegistrantsIndexView(IndexView):
    """The list, its search and its CSV and XLSX exports: only the registrations the user may see."""

    def get_base_queryset(self):
        visible = visible_registrations(self.request.user)
        return with_session_start(Registration.objects.none() if visible is None else visible)


class RegistrantsViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrants")
    menu_order = 260
    add_to_admin_menu = True
    permission_policy = POLICY
    index_view_class = RegistrantsIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Not in the reference index: a registration is nothing an editor reuses, and the admin's
    # "usage" views, which any editor of a dialogue may open, must never reach one.
    add_to_reference_index = False
    exclude_form_fields = []
    list_display = [
        "name",
        "status",
        Column("dialogue", label=_("dialogue")),
        DateColumn("session_starts_at", label=_("session")),
        "email",
        "phone",
        Column("accommodations_text", label=_("accommodations requested")),
        DateColumn("created_at", label=_("registered")),
    ]
    list_filter = ["status"]
    search_fields = ["name", "email", "phone", "dialogue__title"]
    search_backend_name = None  # a database search: registrations are never in the search index
    ordering = ["session_starts_at", "created_at"]
    list_export = ["dialogue", "session_starts_at", *PERSON_FIELDS]
    export_headings = {
        "dialogue": _("dialogue"),
        "session_starts_at": _("session"),
        "accommodations_text": _("accommodations requested"),
    }
    export_filename = "registrants"
    inspect_view_fields = [*PERSON_FIELDS, "changed_at"]

    def get_urlpatterns(self):
        return guarded_object_routes(super().get_urlpatterns(), guard_registration)


register_permission_policy(Registration, POLICY)


@hooks.register("register_admin_viewset")
def registrants_viewset():
    return RegistrantsViewSet("registrants")


@hooks.register("register_admin_visibility")
def registration_visibility():
    return Registration, visible_registrations


@hooks.register(HOME_HOOK, order=10)
def dialogues_coming_up(overview):
    """The home page's figure of dialogues coming up (``hub.home``), leading to the search of
    dialogues, the next session first."""
    count = coming_up_count(overview.language)
    with override(overview.language):
        label = ngettext("Dialogue coming up", "Dialogues coming up", count)
        url = f"{reverse('search')}?{urlencode([('type', DIALOGUE.key), ('sort', 'next_session')])}"
    overview.figures.append(HomeFigure(count=count, label=label, url=url))
