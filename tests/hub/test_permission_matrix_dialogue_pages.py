"""The permission matrix of citizen dialogues: their pages and the venues they are held at, for
six roles, on every road (admin views, the admin API, bulk actions, the review workflow and
scheduled publishing).

The expectations come from the rules the issue and the README state, not from the code:
dialogues take the review road, so community editors create, edit, translate and submit them and
a reviewer other than the author publishes and unpublishes them; venues are written by editors and
reviewers; municipal partners and public bodies touch neither (a venue does not exist for them,
nor does a dialogue's draft). Deleting pages and venues is the administrators'.

A response is reduced to an outcome as in tests/hub/test_permission_matrix.py; a 200 must not
contain the draft words its role may not read. POSTs are checked by their effect in the database,
each with an allowed role as control."""

import datetime
from unittest import mock

from django.core.management import call_command
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from dialogues.models import DialoguePage, Venue
from hub.models import Organization, Region, Service
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, PUBLIC_BODIES, REVIEWERS
from tests.factories import (
    DialoguePageFactory,
    OrganizationFactory,
    VenueFactory,
    role_user,
    session,
    site_skeleton,
    terms,
)
from tests.hub.test_permission_matrix import (
    BAD_REQUEST,
    DENIED,
    HIDDEN,
    LOGIN,
    OK,
    RowChecks,
    one_test_per_role,
)
from tests.hub.test_permission_matrix_actions import copied, deleted, published_latest, unpublished

ANONYMOUS, EDITOR, REVIEWER = "anonymous", "community editor", "reviewer"
PARTNER, PUBLIC_BODY, ADMIN = "municipal partner", "public body", "administrator"
ROLES = (ANONYMOUS, EDITOR, REVIEWER, PARTNER, PUBLIC_BODY, ADMIN)
FORBIDDEN = "403"

# Words only drafts hold (ASCII, so JSON answers cannot hide them by escaping).
DRAFT_DIALOGUE = "DIALOGUE-BROUILLON"
DRAFT_REVISION = "DIALOGUE-MODIFIE"
VENUE_NAME = "LIEU-DES-DIALOGUES"
OUTSIDERS = (ANONYMOUS, PARTNER, PUBLIC_BODY)
SECRET_FROM = {DRAFT_DIALOGUE: OUTSIDERS, DRAFT_REVISION: OUTSIDERS, VENUE_NAME: (PARTNER, PUBLIC_BODY)}
SECRETS = tuple(SECRET_FROM)


class Row:
    def __init__(self, label, url, expected):
        assert len(expected) == len(ROLES), label
        self.label, self.url, self.secrets = label, url, SECRETS
        self.expected = dict(zip(ROLES, expected, strict=True))

    def hides_from(self, secret, role):
        return role in SECRET_FROM[secret]


def row(label, url, *expected):
    return Row(label, url, expected)


def page_view(name, page, *extra):
    return lambda w: reverse(f"wagtailadmin_pages:{name}", args=[getattr(w, page).pk, *[e(w) for e in extra]])


def revision(page, index):
    return lambda w: getattr(w, page).revisions.order_by("pk")[index].pk


def admin(url_name, target=None, query=""):
    return lambda w: reverse(url_name, args=[getattr(w, target).pk] if target else []) + query


def path(template):
    return lambda w: template.format(w=w)


VENUES = "wagtailsnippets_dialogues_venue"
ADD_DIALOGUE = path("/admin/pages/add/dialogues/dialoguepage/{w.index.pk}/")

# fmt: off
#   anonymous  editor  reviewer  partner  public body  administrator
MATRIX = [
    # --- Dialogue pages: the review road.
    row("explore the dialogues", admin("wagtailadmin_explore", "index"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("add a dialogue", ADD_DIALOGUE, LOGIN, OK, OK, DENIED, DENIED, OK),
    row("edit the live dialogue", page_view("edit", "dialogue"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("edit the draft dialogue", page_view("edit", "draft"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("preview the draft dialogue", page_view("preview_on_edit", "draft"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("view the live dialogue's draft", page_view("view_draft", "dialogue"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("history of the dialogue", page_view("history", "dialogue"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("compare its revisions", page_view("revisions_compare", "dialogue", revision("dialogue", 0),
                                           revision("dialogue", 1)), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("copy the dialogue", page_view("copy", "dialogue"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("translate the dialogue", admin("wagtail_localize:submit_page_translation", "dialogue"),
        LOGIN, OK, OK, DENIED, DENIED, OK),
    row("unpublish the dialogue", page_view("unpublish", "dialogue"), LOGIN, DENIED, OK, DENIED, DENIED, OK),
    row("delete the dialogue", page_view("delete", "dialogue"), LOGIN, DENIED, DENIED, DENIED, DENIED, OK),
    row("delete the draft dialogue", page_view("delete", "draft"), LOGIN, DENIED, DENIED, DENIED, DENIED, OK),
    # A public body holds no page at all, so it has no page search either.
    row("page search for dialogues", admin("wagtailadmin_pages:search", query="?q=DIALOGUE"),
        LOGIN, OK, OK, OK, DENIED, OK),
    row("page chooser in the dialogues", admin("wagtailadmin_choose_page_child", "index"),
        LOGIN, OK, OK, OK, OK, OK),
    row("admin API: the dialogues", path("/admin/api/main/pages/?child_of={w.index.pk}"),
        LOGIN, OK, OK, BAD_REQUEST, BAD_REQUEST, OK),
    row("admin API: the draft dialogue", path("/admin/api/main/pages/{w.draft.pk}/"),
        LOGIN, OK, OK, HIDDEN, HIDDEN, OK),
    row("public API: the draft dialogue", path("/api/v2/pages/{w.draft.pk}/"),
        HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    # --- Venues: editors' and reviewers' snippets; deleting is the administrators'.
    row("list of venues", admin(f"{VENUES}:list"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("search in venues", admin(f"{VENUES}:list_results", query="?q=LIEU"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("add a venue", admin(f"{VENUES}:add"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("edit a venue", admin(f"{VENUES}:edit", "venue"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("history of a venue", admin(f"{VENUES}:history", "venue"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("usage of a venue", admin(f"{VENUES}:usage", "venue"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("copy a venue", admin(f"{VENUES}:copy", "venue"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("delete a venue", admin(f"{VENUES}:delete", "venue"), LOGIN, DENIED, DENIED, DENIED, DENIED, OK),
    row("venue chooser", admin("wagtailsnippetchoosers_dialogues_venue:choose"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("translate a venue", lambda w: reverse("wagtail_localize:submit_snippet_translation",
                                               args=["dialogues", "venue", w.venue.pk]),
        LOGIN, OK, OK, DENIED, DENIED, OK),
    row("localize API: venues", path("/admin/localize/api/snippets/dialogues/venue/"),
        LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, OK),
]
# fmt: on


class World:
    """Attributes read by the matrix's URL builders."""


def build_world():
    w = World()
    w.index = site_skeleton()["fr"]["dialogues.DialogueIndexPage"]
    w.municipality = OrganizationFactory(name="Ville fictive", kind=Organization.Kind.MUNICIPALITY)
    w.ministry = OrganizationFactory(name="Ministère fictif", kind=Organization.Kind.PUBLIC_BODY)
    w.venue = VenueFactory(name=f"Bibliothèque {VENUE_NAME}")
    w.dialogue = DialoguePageFactory(title="Atelier publié", sessions=[session(venue=w.venue)])
    draft = DialoguePage.objects.get(pk=w.dialogue.pk)
    draft.title = f"Atelier {DRAFT_REVISION}"
    draft.save_revision()
    w.draft = DialoguePageFactory(title=f"Atelier {DRAFT_DIALOGUE}", live=False)
    w.users = {
        ANONYMOUS: None,
        EDITOR: role_user(COMMUNITY_EDITORS, "editrice"),
        REVIEWER: role_user(REVIEWERS, "reviseur"),
        PARTNER: role_user(MUNICIPAL_PARTNERS, "partenaire", organization=w.municipality),
        PUBLIC_BODY: role_user(PUBLIC_BODIES, "ministere", organization=w.ministry),
        ADMIN: role_user(None, "administratrice"),
    }
    return w


@one_test_per_role(*ROLES)
class DialogueMatrixTests(RowChecks, TestCase):
    matrix = MATRIX

    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()


# --- POSTs: the admin API's actions and bulk actions, checked by what they did.

DONE, REFUSED = "done", "refused"
D, R = DONE, REFUSED


class Cell:
    def __init__(self, label, kind, action, target, data, effect, expected):
        assert len(expected) == len(ROLES), label
        self.label, self.kind, self.action, self.target = label, kind, action, target
        self.data, self.effect = data, effect
        self.expected = dict(zip(ROLES, expected, strict=True))

    def url(self, page):
        if self.kind == "api":
            return f"/admin/api/main/pages/{page.pk}/action/{self.action}/"
        return f"/admin/bulk/wagtailcore/page/{self.action}/?id={page.pk}"


def api(label, action, target, data, effect, *expected):
    return Cell(label, "api", action, target, data, effect, expected)


def bulk(label, action, target, data, effect, *expected):
    return Cell(label, "bulk", action, target, data, effect, expected)


# "others'": a version the editor wrote; "own": a version the acting role wrote itself.
# fmt: off
#                                                                     anonymous editor reviewer partner body admin
CELLS = [
    api("publish others' dialogue", "publish", "others", {}, published_latest, R, R, D, R, R, D),
    api("publish own version", "publish", "own", {}, published_latest, R, R, R, R, R, D),
    bulk("bulk publish others' dialogue", "publish", "others", {}, published_latest, R, R, D, R, R, D),
    bulk("bulk publish own version", "publish", "own", {}, published_latest, R, R, R, R, R, D),
    api("unpublish dialogue", "unpublish", "others", {}, unpublished, R, R, D, R, R, D),
    bulk("bulk unpublish dialogue", "unpublish", "others", {}, unpublished, R, R, D, R, R, D),
    api("copy dialogue as a draft", "copy", "others", {"slug": "copie-brouillon", "keep_live": False},
        copied("copie-brouillon"), R, D, D, R, R, D),
    api("copy dialogue live", "copy", "others", {"slug": "copie-en-ligne"}, copied("copie-en-ligne", live=True),
        R, R, R, R, R, D),
    api("delete dialogue", "delete", "others", {}, deleted, R, R, R, R, R, D),
    bulk("bulk delete dialogue", "delete", "others", {}, deleted, R, R, R, R, R, D),
]
# fmt: on


class DialogueActionTests(TestCase):
    """Each cell POSTs once inside a savepoint rolled back afterwards; no cell may answer 5xx."""

    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()
        editor = cls.o.users[EDITOR]
        # A live dialogue whose latest version an editor wrote, and one per role written by it.
        cls.o.others = DialoguePageFactory(title="Atelier de l'éditrice")
        DialoguePage.objects.get(pk=cls.o.others.pk).save_revision(user=editor)
        cls.o.own = {}
        for role, user in cls.o.users.items():
            page = DialoguePageFactory(title=f"Atelier de {role}")
            DialoguePage.objects.get(pk=page.pk).save_revision(user=user)
            cls.o.own[role] = page

    def attempt(self, role, cell):
        with transaction.atomic():
            client = Client()
            if self.o.users[role] is not None:
                client.force_login(self.o.users[role])
            page = self.o.own[role] if cell.target == "own" else self.o.others
            kwargs = {"content_type": "application/json"} if cell.kind == "api" else {}
            response = client.post(cell.url(page), cell.data, **kwargs)
            outcome = DONE if cell.effect(page, self.o) else REFUSED
            transaction.set_rollback(True)
        return response.status_code, outcome

    def test_every_role_on_every_action(self):
        for role in ROLES:
            for cell in CELLS:
                with self.subTest(role=role, cell=cell.label):
                    status, outcome = self.attempt(role, cell)
                    self.assertLess(status, 500)
                    self.assertEqual(outcome, cell.expected[role], f"HTTP {status}")

    def test_every_action_has_an_allowed_role_as_control(self):
        for cell in CELLS:
            self.assertIn(DONE, cell.expected.values(), cell.label)


# --- The edit form, the review workflow and scheduled publishing.


def dialogue_form(index_or_page, title, venue, *, action="action-submit", go_live_at=""):
    """The add or edit form of a dialogue as its writer fills it: one session at ``venue``."""
    starts = timezone.localtime() + datetime.timedelta(days=20)
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": "Un atelier fictif.",
            "plain_summary": "Un atelier inventé. Venez.",
            "kind": "workshop",
            "question": "Que fait la machine ?",
            "can_change": "Les questions posées.",
            "cannot_change": "",
            "decided_by": "",
            "account": "",
            "materials": streamfield([]),
            "comments": inline_formset([]),
            "sessions": inline_formset(
                [
                    {
                        "title": "",
                        "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
                        "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
                        "format": "in-person",
                        "status": "scheduled",
                        "status_note": "",
                        "venue": str(venue.pk),
                        "online_url": "",
                        "what_to_bring": "",
                        "registration": "none",
                        "registration_url": "",
                        "registration_phone": "",
                        "capacity": "",
                    }
                ]
            ),
            "change_note": "",
            "go_live_at": go_live_at,
            action: action,
        }
    )
    data["sessions-0-languages"] = ["fr", "en"]  # two ticked checkboxes
    data["organizers"] = [Organization.objects.filter(kind=Organization.Kind.NON_PROFIT).first().pk]
    data["services"] = [term.pk for term in terms(Service, ["services-municipaux"])]
    data["regions"] = [term.pk for term in terms(Region, ["montreal"])]
    return data


class DialogueReviewRoadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()
        cls.o.other_reviewer = role_user(REVIEWERS, "seconde-reviseuse")
        OrganizationFactory(name="Collectif fictif", kind=Organization.Kind.NON_PROFIT)

    def post(self, user, url, data):
        self.client.force_login(user)
        return self.client.post(url, data)

    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=["dialogues", "dialoguepage", self.o.index.pk])

    def submitted_by(self, user, title):
        response = self.post(user, self.add_url(), dialogue_form(self.o.index, title, self.o.venue))
        self.assertEqual(response.status_code, 302, form_errors(response))
        page = DialoguePage.objects.get(title=title)
        self.assertFalse(page.live)
        self.assertTrue(page.workflow_in_progress)
        return page

    def approve(self, user, page):
        task_state = page.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
        return self.post(user, url, {"comment": ""})

    def test_an_editor_creates_and_submits_a_dialogue_and_a_reviewer_publishes_it(self):
        page = self.submitted_by(self.o.users[EDITOR], "Atelier soumis par l'éditrice")
        self.assertEqual(page.sessions.get().venue, self.o.venue)

        self.approve(self.o.users[EDITOR], page)  # the editor may not approve
        self.assertFalse(DialoguePage.objects.get(pk=page.pk).live)

        self.approve(self.o.users[REVIEWER], page)
        page = DialoguePage.objects.get(pk=page.pk)
        self.assertTrue(page.live)
        self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_an_editor_pressing_publish_only_saves_a_draft(self):
        title = "Atelier publié par l'éditrice"
        data = dialogue_form(self.o.index, title, self.o.venue, action="action-publish")
        self.post(self.o.users[EDITOR], self.add_url(), data)
        self.assertFalse(DialoguePage.objects.filter(title=title, live=True).exists())

    def test_a_reviewer_does_not_approve_their_own_submission_another_does(self):
        page = self.submitted_by(self.o.users[REVIEWER], "Atelier soumis par le réviseur")
        self.approve(self.o.users[REVIEWER], page)
        self.assertFalse(DialoguePage.objects.get(pk=page.pk).live)
        self.approve(self.o.other_reviewer, page)
        self.assertTrue(DialoguePage.objects.get(pk=page.pk).live)

    def test_partners_and_public_bodies_neither_add_nor_approve(self):
        page = self.submitted_by(self.o.users[EDITOR], "Atelier en revue")
        for role in (PARTNER, PUBLIC_BODY):
            title = f"Atelier ajouté par {role}"
            with self.subTest(role=role):
                self.post(
                    self.o.users[role], self.add_url(), dialogue_form(self.o.index, title, self.o.venue)
                )
                self.assertFalse(DialoguePage.objects.filter(title=title).exists())
                self.approve(self.o.users[role], page)
                self.assertFalse(DialoguePage.objects.get(pk=page.pk).live)

    def test_scheduled_publishing_follows_the_same_rule(self):
        """A go-live date set by the reviewer who wrote the version schedules nothing; set by an
        administrator on an editor's draft, ``publish_scheduled`` publishes it when due."""
        go_live = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
        reviewer = self.o.users[REVIEWER]
        own = self.o.draft
        data = dialogue_form(
            own, "Atelier programmé par son auteur", self.o.venue, action="action-publish", go_live_at=go_live
        )
        self.post(reviewer, reverse("wagtailadmin_pages:edit", args=[own.pk]), data)
        own = DialoguePage.objects.get(pk=own.pk)
        self.assertFalse(own.live)
        self.assertFalse(own.revisions.exclude(approved_go_live_at=None).exists())

        data = dialogue_form(
            own,
            "Atelier programmé par l'administratrice",
            self.o.venue,
            action="action-publish",
            go_live_at=go_live,
        )
        response = self.post(self.o.users[ADMIN], reverse("wagtailadmin_pages:edit", args=[own.pk]), data)
        self.assertEqual(response.status_code, 302, form_errors(response))
        scheduled = list(own.revisions.exclude(approved_go_live_at=None).values_list("pk", flat=True))
        self.assertEqual(len(scheduled), 1)
        self.assertFalse(DialoguePage.objects.get(pk=own.pk).live)
        with mock.patch(
            "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(days=2)
        ):
            call_command("publish_scheduled")
        self.assertTrue(DialoguePage.objects.get(pk=own.pk).live)


class VenuePostTests(TestCase):
    """Adding, editing and deleting a venue by POST: only the roles allowed change anything."""

    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()

    def venue_form(self, name):
        venue = self.o.venue
        return {
            "name": name,
            "key": venue.key,
            "kind": venue.kind,
            "street_address": venue.street_address,
            "municipality": venue.municipality,
            "postal_code": venue.postal_code,
            "region": venue.region_id,
            "phone": "",
            "website": "",
            "transit": "",
            "keroul_rating": "",
            "accessibility_notes": "",
        }

    def post(self, role, url, data):
        client = Client()
        client.force_login(self.o.users[role])
        return client.post(url, data)

    def test_editors_and_reviewers_edit_venues_partners_and_public_bodies_do_not(self):
        url = reverse(f"{VENUES}:edit", args=[self.o.venue.pk])
        for role, allowed in ((PARTNER, False), (PUBLIC_BODY, False), (EDITOR, True), (REVIEWER, True)):
            name = f"Bibliothèque renommée par {role}"
            with self.subTest(role=role):
                self.post(role, url, self.venue_form(name))
                self.assertEqual(Venue.objects.get(pk=self.o.venue.pk).name == name, allowed)

    def test_adding_a_venue(self):
        url = reverse(f"{VENUES}:add") + "?locale=fr"
        for role, allowed in ((PARTNER, False), (PUBLIC_BODY, False), (EDITOR, True)):
            key = f"lieu-{role.replace(' ', '-')}"
            data = {**self.venue_form(f"Lieu de {role}"), "key": key}
            with self.subTest(role=role):
                self.post(role, url, data)
                self.assertEqual(Venue.objects.filter(key=key).exists(), allowed)

    def test_only_administrators_delete_a_venue(self):
        unused = VenueFactory()
        url = reverse(f"{VENUES}:delete", args=[unused.pk])
        for role in (EDITOR, REVIEWER, PARTNER, PUBLIC_BODY):
            with self.subTest(role=role):
                self.post(role, url, {})
                self.assertTrue(Venue.objects.filter(pk=unused.pk).exists())
        self.post(ADMIN, url, {})
        self.assertFalse(Venue.objects.filter(pk=unused.pk).exists())


def form_errors(response):
    """What the admin form refused, to say why a submission failed."""
    form = response.context and response.context.get("form")
    if form is None:
        return f"HTTP {response.status_code}"
    nested = {name: formset.errors for name, formset in getattr(form, "formsets", {}).items()}
    return f"{form.errors.as_json()} {nested}"
