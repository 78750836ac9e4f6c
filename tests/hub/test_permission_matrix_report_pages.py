"""The permission matrix of consultation reports, for six roles, on the admin's views, the admin
API and bulk actions.

The expectations come from the rules the issue and the README state, not from the code: reports
take the review road like dialogues, so community editors create, edit, translate and submit
them, and a reviewer other than the author publishes and unpublishes them; municipal partners and
public bodies touch none (a report's draft does not exist for them); deleting is the
administrators'. A 200 must not contain the draft words its role may not read; POSTs are checked
by their effect in the database (the dialogue matrix's cells, run on reports)."""

from django.test import TestCase

from followup.models import ReportPage
from hub.models import Organization
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, PUBLIC_BODIES, REVIEWERS
from tests.factories import (
    OrganizationFactory,
    ReportPageFactory,
    commitment,
    recommendation,
    role_user,
    site_skeleton,
)
from tests.hub import test_permission_matrix_dialogue_pages as dialogue_matrix
from tests.hub.test_permission_matrix import (
    BAD_REQUEST,
    DENIED,
    HIDDEN,
    LOGIN,
    OK,
    RowChecks,
    one_test_per_role,
)
from tests.hub.test_permission_matrix_dialogue_pages import (
    ADMIN,
    ANONYMOUS,
    EDITOR,
    PARTNER,
    PUBLIC_BODY,
    REVIEWER,
    ROLES,
    admin,
    page_view,
    path,
    revision,
)

# Words only drafts hold (ASCII, so JSON answers cannot hide them by escaping).
DRAFT_REPORT = "BILAN-BROUILLON"
DRAFT_REVISION = "BILAN-MODIFIE"
DRAFT_RECOMMENDATION = "RECO-BROUILLON"
OUTSIDERS = (ANONYMOUS, PARTNER, PUBLIC_BODY)
SECRETS = (DRAFT_REPORT, DRAFT_REVISION, DRAFT_RECOMMENDATION)


class Row:
    def __init__(self, label, url, expected):
        assert len(expected) == len(ROLES), label
        self.label, self.url, self.secrets = label, url, SECRETS
        self.expected = dict(zip(ROLES, expected, strict=True))

    def hides_from(self, secret, role):
        return role in OUTSIDERS


def row(label, url, *expected):
    return Row(label, url, expected)


ADD_REPORT = path("/admin/pages/add/followup/reportpage/{w.index.pk}/")

# fmt: off
#   anonymous  editor  reviewer  partner  public body  administrator
MATRIX = [
    row("explore the reports", admin("wagtailadmin_explore", "index"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("add a report", ADD_REPORT, LOGIN, OK, OK, DENIED, DENIED, OK),
    row("edit the live report", page_view("edit", "report"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("edit the draft report", page_view("edit", "draft"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("preview the draft report", page_view("preview_on_edit", "draft"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("view the live report's draft", page_view("view_draft", "report"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("history of the report", page_view("history", "report"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("compare its revisions", page_view("revisions_compare", "report", revision("report", 0),
                                           revision("report", 1)), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("copy the report", page_view("copy", "report"), LOGIN, OK, OK, DENIED, DENIED, OK),
    row("translate the report", admin("wagtail_localize:submit_page_translation", "report"),
        LOGIN, OK, OK, DENIED, DENIED, OK),
    row("unpublish the report", page_view("unpublish", "report"), LOGIN, DENIED, OK, DENIED, DENIED, OK),
    row("delete the report", page_view("delete", "report"), LOGIN, DENIED, DENIED, DENIED, DENIED, OK),
    row("delete the draft report", page_view("delete", "draft"), LOGIN, DENIED, DENIED, DENIED, DENIED, OK),
    row("page search for reports", admin("wagtailadmin_pages:search", query="?q=BILAN"),
        LOGIN, OK, OK, OK, DENIED, OK),
    row("admin API: the reports", path("/admin/api/main/pages/?child_of={w.index.pk}"),
        LOGIN, OK, OK, BAD_REQUEST, BAD_REQUEST, OK),
    row("admin API: the draft report", path("/admin/api/main/pages/{w.draft.pk}/"),
        LOGIN, OK, OK, HIDDEN, HIDDEN, OK),
    row("public API: the draft report", path("/api/v2/pages/{w.draft.pk}/"),
        HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    row("the live report's page", path("{w.report.url}"), OK, OK, OK, OK, OK, OK),
    row("the draft report's address", path("/cite/{w.draft.public_id}/"),
        HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
]
# fmt: on


class World:
    """Attributes read by the matrix's URL builders."""


def build_world():
    w = World()
    w.index = site_skeleton()["fr"]["followup.ReportIndexPage"]
    w.municipality = OrganizationFactory(name="Ville fictive", kind=Organization.Kind.MUNICIPALITY)
    w.ministry = OrganizationFactory(name="Ministère fictif", kind=Organization.Kind.PUBLIC_BODY)
    w.report = ReportPageFactory(
        title="Bilan publié",
        recommendations=[recommendation("Recommandation publiée.")],
        commitments=[commitment("Engagement publié.", owner=w.ministry)],
    )
    draft = ReportPage.objects.get(pk=w.report.pk)
    draft.title = f"Bilan {DRAFT_REVISION}"
    draft.recommendations.add(recommendation(f"Recommandation {DRAFT_RECOMMENDATION}.", sort_order=2))
    draft.save_revision()
    w.draft = ReportPageFactory(title=f"Bilan {DRAFT_REPORT}", live=False)
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
class ReportMatrixTests(RowChecks, TestCase):
    matrix = MATRIX

    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()


class ReportActionTests(dialogue_matrix.DialogueActionTests):
    """The dialogue matrix's POST cells (publish, unpublish, copy, delete through the admin API and
    bulk actions), each role on a report: the same review road gives the same outcomes."""

    @classmethod
    def setUpTestData(cls):
        cls.o = build_world()
        editor = cls.o.users[EDITOR]
        cls.o.others = ReportPageFactory(title="Bilan de l'éditrice")
        ReportPage.objects.get(pk=cls.o.others.pk).save_revision(user=editor)
        cls.o.own = {}
        for role, user in cls.o.users.items():
            page = ReportPageFactory(title=f"Bilan de {role}")
            ReportPage.objects.get(pk=page.pk).save_revision(user=user)
            cls.o.own[role] = page
