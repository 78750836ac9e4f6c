"""The permission matrix of a dialogue's registrants in the admin, for eight roles.

The expectations come from the rule of least privilege the issue asks for, not from the code: the
registrants of a dialogue are seen (listed, searched, exported, inspected) by the accounts acting
for one of its organizers (their partner membership names it, whatever their role, here a
municipal partner of A and a community editor working for A's library) and by administrators.
Reviewers and community editors write and publish dialogues without seeing who registered; a
member of another organization sees nothing of A's registrants (404 for one of them, never its
name). Nobody adds or edits a registration in the admin; only administrators delete one. There is
no chooser, bulk action, Django admin or wagtail-localize API road to them.

Outcomes as in tests/hub/test_permission_matrix.py; a 200 must not hold the names of registrants
its role may not see."""

import datetime

from django.test import TestCase
from django.urls import reverse

from dialogues.models import Registration, RegistrationMode
from hub.models import Organization
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, PUBLIC_BODIES, REVIEWERS
from tests.factories import DialoguePageFactory, OrganizationFactory, role_user, session, site_skeleton
from tests.hub.register_world import ADMIN, ANONYMOUS, EDITOR, PARTNER_A, PARTNER_B, PUBLIC_BODY, REVIEWER
from tests.hub.test_permission_matrix import (
    DENIED,
    HIDDEN,
    LOGIN,
    OK,
    RowChecks,
    one_test_per_role,
    redirect_to,
)

LIBRARY_A = "editor for A's library"
ROLES = (ANONYMOUS, EDITOR, REVIEWER, PARTNER_A, PARTNER_B, PUBLIC_BODY, LIBRARY_A, ADMIN)
DJANGO_LOGIN = redirect_to("Django admin login")  # Django's own admin is for staff accounts only

A_REGISTRANT = "INSCRIT-ALPHA"
B_REGISTRANT = "INSCRIT-BETA"
SEES = {
    A_REGISTRANT: (PARTNER_A, LIBRARY_A, ADMIN),
    B_REGISTRANT: (PARTNER_B, ADMIN),
}


class Row:
    def __init__(self, label, url, expected):
        assert len(expected) == len(ROLES), label
        self.label, self.url = label, url
        self.expected = dict(zip(ROLES, expected, strict=True))
        self.secrets = tuple(SEES)

    def hides_from(self, secret, role):
        return role not in SEES[secret]


class World:
    """Attributes read by the matrix's URL builders."""


def build_world():
    w = World()
    site_skeleton()
    w.organization_a = OrganizationFactory(name="Ville A fictive", kind=Organization.Kind.MUNICIPALITY)
    w.library_a = OrganizationFactory(name="Bibliothèque A fictive", kind=Organization.Kind.NON_PROFIT)
    w.organization_b = OrganizationFactory(name="Ville B fictive", kind=Organization.Kind.MUNICIPALITY)
    w.ministry = OrganizationFactory(name="Ministère M fictif", kind=Organization.Kind.PUBLIC_BODY)
    day = datetime.date.today() + datetime.timedelta(days=12)
    starts = datetime.datetime.combine(day, datetime.time(18, 30), tzinfo=datetime.UTC)

    def dialogue(organizers, receiving_body=None):
        return DialoguePageFactory(
            organizers=organizers,
            receiving_body=receiving_body,
            sessions=[session(starts_at=starts, registration=RegistrationMode.HUB, capacity=20)],
        )

    # The ministry receives what comes out of A's dialogue: that does not make it an organizer.
    w.dialogue_a = dialogue([w.organization_a, w.library_a], receiving_body=w.ministry)
    w.dialogue_b = dialogue([w.organization_b])

    def registrant(page, name):
        return Registration.objects.create(
            session_key=page.schedule()[0].key,
            dialogue=page,
            name=name,
            email=f"{name.lower()}@example.org",
            language="fr",
            status="confirmed",
            consent_to_contact=True,
        )

    w.registration_a = registrant(w.dialogue_a, A_REGISTRANT)
    w.registration_b = registrant(w.dialogue_b, B_REGISTRANT)
    w.users = {
        ANONYMOUS: None,
        EDITOR: role_user(COMMUNITY_EDITORS, "editrice"),
        REVIEWER: role_user(REVIEWERS, "reviseur"),
        PARTNER_A: role_user(MUNICIPAL_PARTNERS, "partenaire-a", organization=w.organization_a),
        PARTNER_B: role_user(MUNICIPAL_PARTNERS, "partenaire-b", organization=w.organization_b),
        PUBLIC_BODY: role_user(PUBLIC_BODIES, "ministere-m", organization=w.ministry),
        LIBRARY_A: role_user(COMMUNITY_EDITORS, "bibliothecaire-a", organization=w.library_a),
        ADMIN: role_user(None, "administratrice"),
    }
    return w


def view(name, target=None, query=""):
    return lambda w: reverse(f"registrants:{name}", args=[getattr(w, target).pk] if target else []) + query


def path(template):
    return lambda w: template.format(w=w)


def row(label, url, *expected):
    return Row(label, url, expected)


# fmt: off
#   anonymous  editor  reviewer  partner A  partner B  public body M  library A  administrator
MATRIX = [
    row("list", view("index"), LOGIN, DENIED, DENIED, OK, OK, DENIED, OK, OK),
    row("list results", view("index_results"), LOGIN, DENIED, DENIED, OK, OK, DENIED, OK, OK),
    row("search every registrant", view("index", query="?q=inscrit"),
        LOGIN, DENIED, DENIED, OK, OK, DENIED, OK, OK),
    row("CSV export", view("index", query="?export=csv"), LOGIN, DENIED, DENIED, OK, OK, DENIED, OK, OK),
    row("XLSX export", view("index", query="?export=xlsx"), LOGIN, DENIED, DENIED, OK, OK, DENIED, OK, OK),
    row("inspect A's", view("inspect", "registration_a"), LOGIN, HIDDEN, HIDDEN, OK, HIDDEN, HIDDEN, OK, OK),
    row("inspect B's", view("inspect", "registration_b"), LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, HIDDEN, HIDDEN, OK),
    row("history of A's", view("history", "registration_a"),
        LOGIN, HIDDEN, HIDDEN, DENIED, HIDDEN, HIDDEN, DENIED, OK),
    row("usage of A's", view("usage", "registration_a"),
        LOGIN, HIDDEN, HIDDEN, DENIED, HIDDEN, HIDDEN, DENIED, DENIED),
    row("add", view("add"), LOGIN, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED),
    row("edit A's", view("edit", "registration_a"), LOGIN, HIDDEN, HIDDEN, DENIED, HIDDEN, HIDDEN, DENIED, DENIED),
    row("delete A's", view("delete", "registration_a"),
        LOGIN, HIDDEN, HIDDEN, DENIED, HIDDEN, HIDDEN, DENIED, OK),
    row("bulk delete A's", path("/admin/bulk/dialogues/registration/delete/?id={w.registration_a.pk}"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    row("localize API list", path("/admin/localize/api/snippets/dialogues/registration/"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    row("localize API A's", path("/admin/localize/api/snippets/dialogues/registration/{w.registration_a.pk}/"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    row("Django admin", path("/django-admin/dialogues/registration/"),
        *[DJANGO_LOGIN] * 7, HIDDEN),
]
# fmt: on


@one_test_per_role(*ROLES)
class RegistrantsMatrixTests(RowChecks, TestCase):
    matrix = MATRIX

    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()

    def test_organizers_see_their_registrants_in_the_list_and_the_export(self):
        self.client.force_login(self.o.users[PARTNER_A])
        listing = self.client.get(reverse("registrants:index")).content.decode()
        export = b"".join(self.client.get(reverse("registrants:index") + "?export=csv").streaming_content)
        for content in (listing, export.decode()):
            self.assertIn(A_REGISTRANT, content)
            self.assertIn("inscrit-alpha@example.org", content)
            self.assertNotIn(B_REGISTRANT, content)

    def test_only_an_administrator_deletes_a_registration(self):
        registration = self.o.registration_a
        url = reverse("registrants:delete", args=[registration.pk])
        for role in (PARTNER_A, LIBRARY_A, PARTNER_B, REVIEWER):
            self.client.force_login(self.o.users[role])
            self.client.post(url)
            self.assertTrue(Registration.objects.filter(pk=registration.pk).exists(), role)
        self.client.force_login(self.o.users[ADMIN])
        self.client.post(url)
        self.assertFalse(Registration.objects.filter(pk=registration.pk).exists())

    def test_nobody_edits_a_registration_in_the_admin(self):
        url = reverse("registrants:edit", args=[self.o.registration_a.pk])
        for role in (PARTNER_A, ADMIN):
            self.client.force_login(self.o.users[role])
            self.client.post(url, {"name": "Changé", "status": "cancelled"})
        self.o.registration_a.refresh_from_db()
        self.assertEqual(
            (self.o.registration_a.name, self.o.registration_a.status), (A_REGISTRANT, "confirmed")
        )
