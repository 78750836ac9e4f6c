"""The permission matrix of commitments' progress updates (Admin → Commitments progress), for eight
roles.

The expectations come from the rules the issue and the README state, not from the code: who may
edit an item states its commitments' progress (for an agreement, the municipal partners of its
parties) and administrators; they see every update of those commitments, drafts included. A
draft is its author's: only the author, or an administrator, edits, publishes or deletes it. A
published update is nobody's to edit or delete, administrators' included; it is corrected by a
new update. Community editors, reviewers, public bodies and anonymous visitors have nothing
here; another organization's updates do not exist for a partner (404, never their words). There
is no bulk action, Django admin or wagtail-localize road to updates.

Outcomes as in tests/hub/test_permission_matrix.py; a 200 must not hold the draft notes its role
may not see. The POSTs below check the forbidden writes change nothing, each beside the same
request by a role allowed to make it."""

from django.test import TestCase
from django.urls import reverse

from followup.models import Commitment, CommitmentUpdate
from hub.models import Organization
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, PUBLIC_BODIES, REVIEWERS
from tests.factories import OrganizationFactory, progress_update, role_user, site_skeleton
from tests.hub.test_permission_matrix import (
    DENIED,
    HIDDEN,
    LOGIN,
    OK,
    ReadersRow,
    RowChecks,
    agreement,
    one_test_per_role,
    outcome,
    redirect_to,
)

ANONYMOUS, EDITOR, REVIEWER = "anonymous", "community editor", "reviewer"
PARTNER_A, COLLEAGUE_A, PARTNER_B = "partner of A", "other partner of A", "partner of B"
PUBLIC_BODY, ADMIN = "public body", "administrator"
ROLES = (ANONYMOUS, EDITOR, REVIEWER, PARTNER_A, COLLEAGUE_A, PARTNER_B, PUBLIC_BODY, ADMIN)
DJANGO_LOGIN = redirect_to("Django admin login")

A_DRAFT = "NOTE-BROUILLON-A"
A_PUBLISHED = "NOTE-PUBLIEE-A"
B_DRAFT = "NOTE-BROUILLON-B"
READERS = {
    A_DRAFT: (PARTNER_A, COLLEAGUE_A, ADMIN),
    A_PUBLISHED: (PARTNER_A, COLLEAGUE_A, ADMIN),  # public on the site, but not the admin's to show
    B_DRAFT: (PARTNER_B, ADMIN),
}


class World:
    """Attributes read by the matrix's URL builders."""


def build_world():
    w = World()
    site_skeleton()
    w.organization_a = OrganizationFactory(name="Ville A fictive", kind=Organization.Kind.MUNICIPALITY)
    w.organization_b = OrganizationFactory(name="Ville B fictive", kind=Organization.Kind.MUNICIPALITY)
    community = OrganizationFactory(name="Collectif fictif", kind=Organization.Kind.NON_PROFIT)
    ministry = OrganizationFactory(name="Ministère fictif", kind=Organization.Kind.PUBLIC_BODY)
    w.commitment_a, w.commitment_b = (
        Commitment.objects.create(
            page=agreement(title, city, community), text=f"Engagement de {title}.", owner=city
        )
        for title, city in (("Entente A", w.organization_a), ("Entente B", w.organization_b))
    )
    w.users = {
        ANONYMOUS: None,
        EDITOR: role_user(COMMUNITY_EDITORS, "editrice"),
        REVIEWER: role_user(REVIEWERS, "reviseur"),
        PARTNER_A: role_user(MUNICIPAL_PARTNERS, "partenaire-a", organization=w.organization_a),
        COLLEAGUE_A: role_user(MUNICIPAL_PARTNERS, "collegue-a", organization=w.organization_a),
        PARTNER_B: role_user(MUNICIPAL_PARTNERS, "partenaire-b", organization=w.organization_b),
        PUBLIC_BODY: role_user(PUBLIC_BODIES, "ministere", organization=ministry),
        ADMIN: role_user(None, "administratrice"),
    }
    w.a_draft = progress_update(w.commitment_a, A_DRAFT, published=False, created_by=w.users[PARTNER_A])
    w.a_published = progress_update(w.commitment_a, A_PUBLISHED, created_by=w.users[PARTNER_A])
    w.b_draft = progress_update(w.commitment_b, B_DRAFT, published=False, created_by=w.users[PARTNER_B])
    return w


def view(name, target=None, corrects=None):
    """An address of the viewset: of ``target``'s view ``name``; a new update correcting ``corrects``."""

    def url(w):
        address = reverse(f"commitment_updates:{name}", args=[getattr(w, target).pk] if target else [])
        return address + (f"?corrects={getattr(w, corrects).pk}" if corrects else "")

    return url


def path(template):
    return lambda w: template.format(w=w)


def row(label, url, *expected):
    return ReadersRow(ROLES, READERS, label, url, expected)


# fmt: off
#   anonymous  editor  reviewer  partner A  other partner of A  partner B  public body  administrator
MATRIX = [
    row("list", view("index"), LOGIN, DENIED, DENIED, OK, OK, OK, DENIED, OK),
    row("list results", view("index_results"), LOGIN, DENIED, DENIED, OK, OK, OK, DENIED, OK),
    row("list of drafts", path("/admin/commitment_updates/?state=draft"), LOGIN, DENIED, DENIED, OK, OK, OK, DENIED, OK),
    row("list of A's item", path("/admin/commitment_updates/?item_key={w.commitment_a.page.translation_key}"),
        LOGIN, DENIED, DENIED, OK, OK, OK, DENIED, OK),
    row("new", view("add"), LOGIN, DENIED, DENIED, OK, OK, OK, DENIED, OK),
    row("correct A's published", view("add", corrects="a_published"),
        LOGIN, DENIED, DENIED, OK, OK, HIDDEN, DENIED, OK),
    row("correct A's draft", view("add", corrects="a_draft"),
        LOGIN, DENIED, DENIED, HIDDEN, HIDDEN, HIDDEN, DENIED, HIDDEN),
    row("edit A's draft", view("edit", "a_draft"), LOGIN, HIDDEN, HIDDEN, OK, DENIED, HIDDEN, HIDDEN, OK),
    row("edit A's published", view("edit", "a_published"),
        LOGIN, HIDDEN, HIDDEN, DENIED, DENIED, HIDDEN, HIDDEN, DENIED),
    row("edit B's draft", view("edit", "b_draft"), LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK, HIDDEN, OK),
    row("publish A's draft", view("publish", "a_draft"), LOGIN, HIDDEN, HIDDEN, OK, DENIED, HIDDEN, HIDDEN, OK),
    row("publish A's published", view("publish", "a_published"),
        LOGIN, HIDDEN, HIDDEN, DENIED, DENIED, HIDDEN, HIDDEN, DENIED),
    row("delete A's draft", view("delete", "a_draft"), LOGIN, HIDDEN, HIDDEN, OK, DENIED, HIDDEN, HIDDEN, OK),
    row("delete A's published", view("delete", "a_published"),
        LOGIN, HIDDEN, HIDDEN, DENIED, DENIED, HIDDEN, HIDDEN, DENIED),
    row("inspect A's published", view("inspect", "a_published"),
        LOGIN, HIDDEN, HIDDEN, OK, OK, HIDDEN, HIDDEN, OK),
    row("inspect A's draft", view("inspect", "a_draft"), LOGIN, HIDDEN, HIDDEN, OK, OK, HIDDEN, HIDDEN, OK),
    row("history of A's draft", view("history", "a_draft"), LOGIN, HIDDEN, HIDDEN, OK, OK, HIDDEN, HIDDEN, OK),
    row("bulk delete A's draft", path("/admin/bulk/followup/commitmentupdate/delete/?id={w.a_draft.pk}"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    row("localize API", path("/admin/localize/api/snippets/followup/commitmentupdate/"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    row("Django admin", path("/django-admin/followup/commitmentupdate/"), *[DJANGO_LOGIN] * 7, HIDDEN),
]
# fmt: on


@one_test_per_role(*ROLES)
class UpdatesMatrixTests(RowChecks, TestCase):
    matrix = MATRIX

    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()


def said(note, **fields):
    """What the form posts for an update saying ``note``."""
    return {
        "happened_on": "2025-01-15",
        "status": "in-progress",
        "progress": "",
        "note": note,
        "language": "fr",
        "evidence_url": "",
        "evidence_title": "",
        **fields,
    }


class UpdatePostTests(TestCase):
    """The forbidden writes change nothing; the same requests by allowed roles do what they say."""

    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()

    def post(self, role, name, data=None, target=None):
        self.client.force_login(self.o.users[role])
        args = [getattr(self.o, target).pk] if target else []
        return self.client.post(reverse(f"commitment_updates:{name}", args=args), data or {})

    def stored(self, name):
        return CommitmentUpdate.objects.get(pk=getattr(self.o, name).pk)

    def test_a_partner_adds_updates_to_its_agreements_commitments_only(self):
        o = self.o
        for role, target, allowed in (
            (EDITOR, o.commitment_a, False),
            (REVIEWER, o.commitment_a, False),
            (PUBLIC_BODY, o.commitment_a, False),
            (PARTNER_B, o.commitment_a, False),
            (PARTNER_A, o.commitment_b, False),
            (PARTNER_A, o.commitment_a, True),
            (ADMIN, o.commitment_b, True),
        ):
            note = f"Ajoutée par {role} à {target.text}"
            with self.subTest(role=role, commitment=target.text):
                response = self.post(role, "add", said(note, commitment=str(target.translation_key)))
                created = CommitmentUpdate.objects.filter(note=note).first()
                if allowed:
                    self.assertEqual(response.status_code, 302, response.content[:2000])
                    self.assertEqual(
                        (created.commitment_key, created.item_key, created.created_by, created.published_at),
                        (target.translation_key, target.page.translation_key, o.users[role], None),
                    )
                else:
                    self.assertIn(outcome(response), {DENIED, "200"})  # refused, or the choice refused
                    self.assertIsNone(created)

    def test_publishing_from_the_form_is_one_click(self):
        response = self.post(
            PARTNER_A,
            "add",
            said(
                "Publiée d'un clic.",
                commitment=str(self.o.commitment_a.translation_key),
                **{"action-publish": "1"},
            ),
        )
        self.assertEqual(response.status_code, 302)
        self.assertIsNotNone(CommitmentUpdate.objects.get(note="Publiée d'un clic.").published_at)

    def test_only_its_author_and_administrators_change_publish_or_delete_a_draft(self):
        self.assertEqual(outcome(self.post(COLLEAGUE_A, "edit", said("Changée."), "a_draft")), DENIED)
        self.assertEqual(outcome(self.post(COLLEAGUE_A, "publish", target="a_draft")), DENIED)
        self.assertEqual(outcome(self.post(COLLEAGUE_A, "delete", target="a_draft")), DENIED)
        self.assertEqual(outcome(self.post(PARTNER_B, "edit", said("Changée."), "a_draft")), HIDDEN)
        draft = self.stored("a_draft")
        self.assertEqual((draft.note, draft.published_at), (A_DRAFT, None))

        self.assertEqual(
            self.post(PARTNER_A, "edit", said("Changée par son autrice."), "a_draft").status_code, 302
        )
        self.assertEqual(self.stored("a_draft").note, "Changée par son autrice.")
        self.assertEqual(self.post(PARTNER_A, "publish", target="a_draft").status_code, 302)
        self.assertIsNotNone(self.stored("a_draft").published_at)
        self.assertEqual(self.post(ADMIN, "delete", target="b_draft").status_code, 302)
        self.assertFalse(CommitmentUpdate.objects.filter(pk=self.o.b_draft.pk).exists())

    def test_nobody_changes_or_deletes_a_published_update(self):
        for role in (PARTNER_A, COLLEAGUE_A, ADMIN):
            with self.subTest(role=role):
                self.assertEqual(outcome(self.post(role, "edit", said("Réécrite."), "a_published")), DENIED)
                self.assertEqual(outcome(self.post(role, "delete", target="a_published")), DENIED)
                self.assertEqual(outcome(self.post(role, "publish", target="a_published")), DENIED)
        self.client.force_login(self.o.users[ADMIN])
        bulk = f"/admin/bulk/followup/commitmentupdate/delete/?id={self.o.a_published.pk}"
        self.assertEqual(self.client.post(bulk).status_code, 404)
        published = self.stored("a_published")
        self.assertEqual(
            (published.note, published.published_at), (A_PUBLISHED, self.o.a_published.published_at)
        )

    def test_a_correction_is_a_new_update_naming_the_one_it_corrects(self):
        o = self.o
        data = said(
            "Correction.", commitment=str(o.commitment_a.translation_key), corrects=str(o.a_published.pk)
        )
        # Another organization cannot name A's update, even by forging the hidden field.
        self.assertEqual(self.post(PARTNER_B, "add", data).status_code, 200)
        self.assertFalse(CommitmentUpdate.objects.filter(note="Correction.").exists())
        # Nor correct a published update through another commitment.
        wrong = {**data, "commitment": str(o.commitment_b.translation_key)}
        self.assertEqual(self.post(ADMIN, "add", wrong).status_code, 200)
        self.assertFalse(CommitmentUpdate.objects.filter(note="Correction.").exists())

        self.client.force_login(o.users[COLLEAGUE_A])
        form = self.client.get(reverse("commitment_updates:add"), {"corrects": o.a_published.pk}).context[
            "form"
        ]
        self.assertEqual(
            (form.initial["commitment"], form.initial["corrects"], form.initial["note"]),
            (str(o.commitment_a.translation_key), o.a_published.pk, A_PUBLISHED),
        )
        self.assertEqual(self.post(COLLEAGUE_A, "add", data).status_code, 302)
        correction = CommitmentUpdate.objects.get(note="Correction.")
        self.assertEqual((correction.corrects, correction.published_at), (o.a_published, None))
        self.assertEqual(self.stored("a_published").note, A_PUBLISHED)
