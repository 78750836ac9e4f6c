"""The permission matrix of the AI system register, for seven roles: its entries (pages, the
community record) and its declared records (what each organization declares itself).

The expectations come from the rules the issue states, not from the code: community editors
write entries and submit them, reviewers publish them; no partner or public body touches an
entry. A municipal partner, and a public body (a ministry or agency), creates, edits, publishes
and unpublishes the declared records of its own organization's systems, and nothing of another
organization's (which, for them, does not exist: 404, never its draft); reviewers do so for every
organization; community editors not at all. Deleting, as for pages, is the administrators'.

A response is reduced to an outcome as in tests/hub/test_permission_matrix.py; a 200 must not
contain the secrets its role may not read (the drafts of other organizations' records, a record
never published, a draft entry's title)."""

from django.test import TestCase
from django.urls import reverse

from tests.hub.register_world import (
    A_RECORD_DRAFT,
    ADMIN,
    ANONYMOUS,
    B_RECORD_DRAFT,
    B_UNPUBLISHED,
    EDITOR,
    ENTRY_DRAFT,
    M_RECORD_DRAFT,
    PARTNER_A,
    PARTNER_B,
    PUBLIC_BODY,
    REVIEWER,
    ROLES,
    build_world,
    snippet_url,
)
from tests.hub.test_permission_matrix import (
    BAD_REQUEST,
    DENIED,
    HIDDEN,
    LOGIN,
    OK,
    RowChecks,
    body,
)

OUTSIDERS = (ANONYMOUS, EDITOR)  # to whom no declared record's draft is shown
SECRET_FROM = {
    A_RECORD_DRAFT: (*OUTSIDERS, PARTNER_B, PUBLIC_BODY),
    B_RECORD_DRAFT: (*OUTSIDERS, PARTNER_A, PUBLIC_BODY),
    B_UNPUBLISHED: (*OUTSIDERS, PARTNER_A, PUBLIC_BODY),
    M_RECORD_DRAFT: (*OUTSIDERS, PARTNER_A, PARTNER_B),
    # The community's draft entry is for those who write entries.
    ENTRY_DRAFT: (ANONYMOUS, PARTNER_A, PARTNER_B, PUBLIC_BODY),
}
EVERY_SECRET = tuple(SECRET_FROM)
FORBIDDEN = "403"


class Row:
    def __init__(self, label, url, expected, secrets=EVERY_SECRET):
        assert len(expected) == len(ROLES), label
        self.label, self.url, self.secrets = label, url, secrets
        self.expected = dict(zip(ROLES, expected, strict=True))

    def hides_from(self, secret, role):
        return role in SECRET_FROM[secret]


def row(label, url, *expected, **options):
    return Row(label, url, expected, **options)


def page_view(name, page):
    return lambda w: reverse(f"wagtailadmin_pages:{name}", args=[getattr(w, page).pk])


def admin(url_name, target=None, query=""):
    return lambda w: reverse(url_name, args=[getattr(w, target).pk] if target else []) + query


def path(template):
    return lambda w: template.format(w=w)


def revision(record, index):
    return lambda w: getattr(w, record).revisions.order_by("pk")[index].pk


def compare(record, other=None):
    """The compare view of ``record``'s two revisions (``other``'s ids in a swap)."""

    def url(w):
        source = getattr(w, other or record)
        first, latest = source.revisions.order_by("pk")
        return reverse(
            "wagtailsnippets_registry_declaredrecord:revisions_compare",
            args=[getattr(w, record).pk, first.pk, latest.pk],
        )

    return url


ENTRIES = "registry.SystemIndexPage"
CHOOSER = "wagtailsnippetchoosers_registry_declaredrecord"
LOCALIZE_API = "/admin/localize/api/snippets/registry/declaredrecord/"

# fmt: off
#   anonymous  editor  reviewer  partner A  partner B  public body M  administrator
MATRIX = [
    # --- Entries: the community's record, through the review workflow.
    row("edit entry A", page_view("edit", "system_a"), LOGIN, OK, OK, DENIED, DENIED, DENIED, OK),
    row("add entry", lambda w: reverse("wagtailadmin_pages:add", args=["registry", "systempage", w.system_index.pk]),
        LOGIN, OK, OK, DENIED, DENIED, DENIED, OK),
    row("unpublish entry A", page_view("unpublish", "system_a"), LOGIN, DENIED, OK, DENIED, DENIED, DENIED, OK),
    row("delete entry A", page_view("delete", "system_a"), LOGIN, DENIED, DENIED, DENIED, DENIED, DENIED, OK),
    row("history of entry A", page_view("history", "system_a"), LOGIN, OK, OK, DENIED, DENIED, DENIED, OK),
    row("translate entry A", admin("wagtail_localize:submit_page_translation", "system_a"),
        LOGIN, OK, OK, DENIED, DENIED, DENIED, OK),
    row("explore the register", admin("wagtailadmin_explore", "system_index"),
        LOGIN, OK, OK, DENIED, DENIED, DENIED, OK),
    row("page chooser in the register", admin("wagtailadmin_choose_page_child", "system_index"),
        LOGIN, OK, OK, OK, OK, OK, OK),
    row("page chooser search", admin("wagtailadmin_choose_page_search", query="?q=SYSTEME"),
        LOGIN, OK, OK, OK, OK, OK, OK),
    row("admin API: the register's entries", path("/admin/api/main/pages/?child_of={w.system_index.pk}"),
        LOGIN, OK, OK, BAD_REQUEST, BAD_REQUEST, BAD_REQUEST, OK),
    row("admin API: draft entry", path("/admin/api/main/pages/{w.draft_system.pk}/"),
        LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN, OK),
    # --- Declared records: listed, each organization its own.
    row("list of declared records", snippet_url("list"), LOGIN, DENIED, OK, OK, OK, OK, OK),
    row("search in declared records", snippet_url("list_results", query="?q=DECLARATION"),
        LOGIN, DENIED, OK, OK, OK, OK, OK),
    row("add a declared record", snippet_url("add"), LOGIN, DENIED, OK, OK, OK, OK, OK),
    row("edit A's record", snippet_url("edit", "record_a"), LOGIN, DENIED, OK, OK, HIDDEN, HIDDEN, OK),
    row("edit B's record", snippet_url("edit", "record_b"), LOGIN, DENIED, OK, HIDDEN, OK, HIDDEN, OK),
    row("edit M's record", snippet_url("edit", "record_m"), LOGIN, DENIED, OK, HIDDEN, HIDDEN, OK, OK),
    row("edit B's unpublished record", snippet_url("edit", "unpublished_b"),
        LOGIN, DENIED, OK, HIDDEN, OK, HIDDEN, OK),
    row("unpublish B's record", snippet_url("unpublish", "record_b"), LOGIN, DENIED, OK, HIDDEN, OK, HIDDEN, OK),
    row("unpublish M's record", snippet_url("unpublish", "record_m"), LOGIN, DENIED, OK, HIDDEN, HIDDEN, OK, OK),
    row("delete B's record", snippet_url("delete", "record_b"), LOGIN, DENIED, DENIED, HIDDEN, DENIED, HIDDEN, OK),
    row("copy B's record", snippet_url("copy", "record_b"), LOGIN, DENIED, OK, HIDDEN, OK, HIDDEN, OK),
    row("usage of B's record", snippet_url("usage", "record_b"), LOGIN, DENIED, OK, HIDDEN, OK, HIDDEN, OK),
    row("history of B's record", snippet_url("history", "record_b"), LOGIN, DENIED, OK, HIDDEN, OK, HIDDEN, OK),
    row("history results of B's record", snippet_url("history_results", "record_b"),
        LOGIN, DENIED, OK, HIDDEN, OK, HIDDEN, OK),
    row("compare B's revisions", compare("record_b"), LOGIN, DENIED, OK, HIDDEN, OK, HIDDEN, OK),
    # swap: B's revision ids under A's record.
    row("compare B's revisions as A's", compare("record_a", other="record_b"),
        LOGIN, DENIED, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    row("revert B's record to its first revision", snippet_url("revisions_revert", "record_b", revision("record_b", 0)),
        LOGIN, DENIED, OK, HIDDEN, OK, HIDDEN, OK),
    # --- The chooser, bulk actions, translations, site history, wagtail-localize's API.
    row("declared record chooser", admin(f"{CHOOSER}:choose"), LOGIN, DENIED, OK, OK, OK, OK, OK),
    row("declared record chooser search", admin(f"{CHOOSER}:choose_results", query="?q=Rapport"),
        LOGIN, DENIED, OK, OK, OK, OK, OK),
    row("chooser: choose B's record", admin(f"{CHOOSER}:chosen", "record_b"),
        LOGIN, DENIED, OK, HIDDEN, OK, HIDDEN, OK),
    row("chooser: choose several, B's among them",
        path("/admin/snippets/choose/registry/declaredrecord/chosen-multiple/?id={w.record_a.pk}&id={w.record_b.pk}"),
        LOGIN, DENIED, OK, OK, OK, OK, OK),
    # Bulk actions name only what the user may see (hub/admin_visibility.py): nothing is a 404.
    row("bulk delete of B's record", path("/admin/bulk/registry/declaredrecord/delete/?id={w.record_b.pk}"),
        LOGIN, HIDDEN, OK, HIDDEN, OK, HIDDEN, OK),
    row("translate B's record",
        lambda w: reverse("wagtail_localize:submit_snippet_translation",
                          args=["registry", "declaredrecord", w.record_b.pk]),
        LOGIN, DENIED, OK, DENIED, OK, DENIED, OK),
    # The API answers 403 for a model that is not the user's at all.
    row("sync the translations of B's record", admin("wagtail_localize:update_translations", "record_b_source"),
        LOGIN, DENIED, OK, DENIED, OK, DENIED, OK),
    row("localize API: declared records", path(LOCALIZE_API), LOGIN, FORBIDDEN, OK, OK, OK, OK, OK),
    row("localize API: B's record", path(LOCALIZE_API + "{w.record_b.pk}/"),
        LOGIN, FORBIDDEN, OK, HIDDEN, OK, HIDDEN, OK),
    row("site history", admin("wagtailadmin_reports:site_history"), LOGIN, OK, OK, OK, OK, OK, OK),
]
# fmt: on


class RegisterMatrixTests(RowChecks, TestCase):
    matrix = MATRIX

    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()

    def test_anonymous(self):
        self.check_role(ANONYMOUS)

    def test_community_editor(self):
        self.check_role(EDITOR)

    def test_reviewer(self):
        self.check_role(REVIEWER)

    def test_partner_of_the_organization_and_of_another(self):
        self.check_role(PARTNER_A)
        self.client.logout()
        self.check_role(PARTNER_B)

    def test_public_body(self):
        self.check_role(PUBLIC_BODY)

    def test_administrator(self):
        self.check_role(ADMIN)

    def test_the_lists_show_each_organization_its_own_records(self):
        """The list's rows (not only the absence of secrets): each account sees exactly the
        records of its organization, reviewers every one."""
        w = self.o
        every = {w.record_a.pk, w.record_b.pk, w.record_m.pk, w.unpublished_b.pk}
        expected = {
            REVIEWER: every,
            PARTNER_A: {w.record_a.pk},
            PARTNER_B: {w.record_b.pk, w.unpublished_b.pk},
            PUBLIC_BODY: {w.record_m.pk},
            ADMIN: every,
        }
        for role, records in expected.items():
            self.client.force_login(w.users[role])
            for view, link in (
                (
                    "wagtailsnippets_registry_declaredrecord:list",
                    "wagtailsnippets_registry_declaredrecord:edit",
                ),
                (f"{CHOOSER}:choose", f"{CHOOSER}:chosen"),
            ):
                content = body(self.client.get(reverse(view)))
                with self.subTest(role=role, view=view):
                    listed = {pk for pk in every if reverse(link, args=[pk]) in content}
                    self.assertEqual(listed, records)

    def test_choosing_several_records_returns_only_the_users_own(self):
        w = self.o
        url = reverse(f"{CHOOSER}:chosen_multiple") + f"?id={w.record_a.pk}&id={w.record_b.pk}"
        for role, chosen in ((PARTNER_A, [w.record_a.pk]), (REVIEWER, [w.record_a.pk, w.record_b.pk])):
            self.client.force_login(w.users[role])
            result = self.client.get(url).json()["result"]
            with self.subTest(role=role):
                self.assertEqual(sorted(int(item["id"]) for item in result), chosen)
