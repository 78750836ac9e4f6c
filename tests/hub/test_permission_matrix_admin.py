"""The permission matrix, continued over the admin's side roads: choosers and their searches,
wagtail-localize's snippet API, Reports → Site history and its exports, the page types report,
workflow previews and actions, and bulk actions (pages, images, documents, testimonies).

Same roles, objects and outcomes as tests/hub/test_permission_matrix.py. Two differences:
a refusal may come as a message on a redirect, so the messages a request leaves are read with
the body (a title named in "The page … is not awaiting moderation" is a leak like any other);
and exports are read as what a person opens (CSV text, the cells of an XLSX workbook).
"""

import io

from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Task, TaskState, Workflow

from hub.roles import MUNICIPAL_PARTNERS, REVIEW_TASK_NAME, WORKFLOW_NAME
from tests.factories import CaseFilePageFactory, role_user
from tests.hub import test_permission_matrix as matrix
from tests.hub.test_permission_matrix import (
    ANONYMOUS,
    B_DRAFT_TITLE,
    DENIED,
    DRAFTS,
    HIDDEN,
    LOGIN,
    NOT_ADMIN,
    OK,
    PARTNER,
    REFUSED,
    ROLES,
    WITHDRAWN,
    EveryRole,
    build_objects,
    outcome,
)

FORBIDDEN = "403"
ELSEWHERE = "302 elsewhere"  # a redirect to the page's own edit view, say  # the answer of an API (wagtail-localize's is Django REST framework)

IN_REVIEW_TITLE = "Dossier ENREVUE-SOUMIS"
WITHDRAWAL_REASON = "La personne a retir"  # build_objects' reason, up to its first accent
OTHER_MEMBERSHIP = "partenaire-b-MEMBRE"
TESTIMONY_REFERENCE = "testimony reference"  # a key: the reference is known once built
WITHDRAWN_REFERENCE = "withdrawn testimony reference"

SECRET_FROM = {
    **matrix.SECRET_FROM,
    # The title of a case file in review is its section's business, not a partner's.
    IN_REVIEW_TITLE: (ANONYMOUS, PARTNER),
    # Why a testimony was withdrawn, and that it existed, is for administrators.
    WITHDRAWAL_REASON: NOT_ADMIN,
    WITHDRAWN_REFERENCE: NOT_ADMIN,
    # Partners handle no testimony; memberships are set by administrators.
    TESTIMONY_REFERENCE: (ANONYMOUS, PARTNER),
    OTHER_MEMBERSHIP: NOT_ADMIN,
}
TESTIMONIES = (TESTIMONY_REFERENCE, WITHDRAWN_REFERENCE, WITHDRAWAL_REASON, *WITHDRAWN)
EVERYTHING = (*DRAFTS, IN_REVIEW_TITLE, *TESTIMONIES, OTHER_MEMBERSHIP)


class Row(matrix.Row):
    def hides_from(self, secret, role):
        return role in (self.secret_from or SECRET_FROM[secret])


def row(label, url, *expected, **options):
    return Row(label, url, expected, **options)


admin, api = matrix.admin, matrix.api


def workflow_preview(page):
    return lambda o: reverse("wagtailadmin_pages:workflow_preview", args=[getattr(o, page).pk, o.task.pk])


def workflow_view(name, page, *action):
    """A workflow view of ``page`` with the task state of the case file in review."""

    def url(o):
        return reverse(f"wagtailadmin_pages:{name}", args=[getattr(o, page).pk, *action, o.task_state.pk])

    return url


def bulk(model, action, *targets, query=""):
    def url(o):
        ids = "&".join(f"id={getattr(o, target).pk}" for target in targets)
        return f"/admin/bulk/{model}/{action}/?{ids}{query}"

    return url


def bulk_all_children(page):
    return lambda o: f"/admin/bulk/wagtailcore/page/publish/?id=all&childOf={getattr(o, page).pk}"


def localize_api(model, target=None):
    def url(o):
        suffix = f"{getattr(o, target).pk}/" if target else ""
        return f"/admin/localize/api/snippets/{model}/{suffix}"

    return url


SITE_HISTORY = "wagtailadmin_reports:site_history"

# fmt: off
#                                                   anonymous  editor  reviewer  partner A  admin
MATRIX = [
    # --- Choosers and their searches: every admin user chooses pages, images and documents; a
    # partner finds no other section's draft, nobody but administrators a withdrawn file.
    row("page chooser search: agreements", admin("wagtailadmin_choose_page_search", query="?q=Entente"),
        LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    row("page chooser search: briefs", admin("wagtailadmin_choose_page_search", query="?q=Memoire"),
        LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    row("page chooser search: case files", admin("wagtailadmin_choose_page_search", query="?q=Dossier"),
        LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    row("image chooser search", admin("wagtailimages_chooser:choose_results", query="?q=Photo"),
        LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    row("document chooser search", admin("wagtaildocs_chooser:choose_results", query="?q=Lettre"),
        LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    row("testimony chooser search for the withdrawn words",
        admin("wagtailsnippetchoosers_impacts_testimony:choose_results", query="?q=TEXTE-RETIRE"),
        LOGIN, OK, OK, REFUSED, OK, secrets=EVERYTHING),
    # Partners choose organizations (the parties of their agreements).
    row("organization chooser", admin("wagtailsnippetchoosers_hub_organization:choose"),
        LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    row("partner membership chooser", admin("wagtailsnippetchoosers_hub_partnermembership:choose"),
        LOGIN, DENIED, DENIED, DENIED, OK, secrets=EVERYTHING),
    row("partner membership chooser search",
        admin("wagtailsnippetchoosers_hub_partnermembership:choose_results", query="?q=partenaire"),
        LOGIN, DENIED, DENIED, DENIED, OK, secrets=EVERYTHING),
    # --- wagtail-localize's snippet API answers what the user's chooser would offer.
    row("localize API: testimonies", localize_api("impacts/testimony"),
        LOGIN, OK, OK, FORBIDDEN, OK, secrets=EVERYTHING),
    row("localize API: testimony", localize_api("impacts/testimony", "testimony"),
        LOGIN, OK, OK, FORBIDDEN, OK, secrets=EVERYTHING),
    row("localize API: withdrawn testimony", localize_api("impacts/testimony", "withdrawn"),
        LOGIN, HIDDEN, HIDDEN, FORBIDDEN, OK, secrets=EVERYTHING),
    row("localize API: partner memberships", localize_api("hub/partnermembership"),
        LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, secrets=EVERYTHING),
    row("localize API: partner membership", localize_api("hub/partnermembership", "other_membership"),
        LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, secrets=EVERYTHING),
    row("localize API: organizations", localize_api("hub/organization"),
        LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    # --- Site history and its exports: a withdrawn testimony's entries (and its reason) are the
    # administrators'; a partner sees no other section's page.
    row("site history", admin(SITE_HISTORY), LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    row("site history results", admin("wagtailadmin_reports:site_history_results"),
        LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    row("site history CSV", admin(SITE_HISTORY, query="?export=csv"), LOGIN, OK, OK, OK, OK,
        secrets=EVERYTHING),
    row("site history XLSX", admin(SITE_HISTORY, query="?export=xlsx"), LOGIN, OK, OK, OK, OK,
        secrets=EVERYTHING),
    row("page types report", admin("wagtailadmin_reports:page_types_usage"),
        LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    # --- Workflow views: the reviewers act on (and preview) the case file in review; any other
    # page's title stays out of the "not awaiting moderation" message for those who cannot see it.
    row("workflow preview of the case file in review", workflow_preview("in_review"),
        LOGIN, DENIED, OK, DENIED, OK, secrets=EVERYTHING),
    row("workflow preview of agreement B", workflow_preview("agreement_b"),
        LOGIN, DENIED, DENIED, DENIED, DENIED, secrets=EVERYTHING),
    row("workflow preview of the draft brief", workflow_preview("brief"),
        LOGIN, DENIED, DENIED, DENIED, DENIED, secrets=EVERYTHING),
    row("workflow action form on agreement B",
        workflow_view("workflow_action", "agreement_b", "approve"),
        LOGIN, DENIED, DENIED, DENIED, ELSEWHERE, secrets=EVERYTHING),
    row("workflow action data on agreement B",
        workflow_view("collect_workflow_action_data", "agreement_b", "approve"),
        LOGIN, DENIED, DENIED, DENIED, ELSEWHERE, secrets=EVERYTHING),
    # --- Bulk actions name only what the user may see: a page outside their explorable pages, a
    # withdrawn file or testimony is as absent as an unknown id.
    row("bulk publish agreement B", bulk("wagtailcore/page", "publish", "agreement_b"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=EVERYTHING),
    row("bulk unpublish agreement B", bulk("wagtailcore/page", "unpublish", "agreement_b"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=EVERYTHING),
    row("bulk delete agreement B", bulk("wagtailcore/page", "delete", "agreement_b"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=EVERYTHING),
    row("bulk move agreement B", bulk("wagtailcore/page", "move", "agreement_b"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=EVERYTHING),
    row("bulk publish agreements A and B", bulk("wagtailcore/page", "publish", "agreement_a", "agreement_b"),
        LOGIN, HIDDEN, HIDDEN, OK, OK, secrets=EVERYTHING),
    row("bulk publish every agreement", bulk_all_children("agreement_index"),
        LOGIN, HIDDEN, HIDDEN, OK, OK, secrets=EVERYTHING),
    row("bulk publish the draft brief", bulk("wagtailcore/page", "publish", "brief"),
        LOGIN, OK, OK, HIDDEN, OK, secrets=EVERYTHING),
    row("bulk delete image", bulk("wagtailimages/image", "delete", "image"),
        LOGIN, OK, OK, OK, OK, secrets=EVERYTHING),
    row("bulk delete withdrawn image", bulk("wagtailimages/image", "delete", "withdrawn_image"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=EVERYTHING),
    row("bulk tag withdrawn image", bulk("wagtailimages/image", "add_tags", "withdrawn_image"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=EVERYTHING),
    row("bulk delete withdrawn document", bulk("wagtaildocs/document", "delete", "withdrawn_document"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=EVERYTHING),
    row("bulk delete testimony", bulk("impacts/testimony", "delete", "testimony"),
        LOGIN, OK, OK, HIDDEN, OK, secrets=EVERYTHING),
    row("bulk delete withdrawn testimony", bulk("impacts/testimony", "delete", "withdrawn"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=EVERYTHING),
    row("bulk delete partner membership", bulk("hub/partnermembership", "delete", "other_membership"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=EVERYTHING),
]
# fmt: on


def build_admin_objects():
    o = build_objects()
    o.reviewer.groups.add(o.reviewers)
    # A case file an editor submitted for review.
    o.in_review = CaseFilePageFactory(title=IN_REVIEW_TITLE, live=False)
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    workflow.start(o.in_review, o.editor)
    o.task = Task.objects.get(name=REVIEW_TASK_NAME)
    o.task_state = TaskState.objects.get(workflow_state__object_id=str(o.in_review.pk))
    o.other_partner = role_user(MUNICIPAL_PARTNERS, OTHER_MEMBERSHIP, organization=o.organization_b)
    o.other_membership = o.other_partner.partner_membership
    o.secret_values = {
        TESTIMONY_REFERENCE: o.testimony.reference,
        WITHDRAWN_REFERENCE: o.withdrawn.reference,
    }
    return o


def observed_outcome(response):
    observed = outcome(response)
    return ELSEWHERE if isinstance(observed, tuple) else observed


def readable(response):
    """What the person reads: the body (an XLSX workbook's cells) and the messages left."""
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
        text = "\n".join(
            " ".join(str(cell) for cell in cells if cell is not None)
            for sheet in workbook.worksheets
            for cells in sheet.iter_rows(values_only=True)
        )
    elif response.status_code == 200:
        text = matrix.body(response)
    else:
        text = ""
    return text + "\n".join(str(message) for message in get_messages(response.wsgi_request))


class AdminPermissionMatrixTests(EveryRole, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.o = build_admin_objects()

    def secret_text(self, secret):
        return self.o.secret_values.get(secret, secret)

    def check_role(self, role):
        user = self.o.users[role]
        if user is not None:
            self.client.force_login(user)
        for matrix_row in MATRIX:
            url = matrix_row.url(self.o)
            expected = matrix_row.expected[role]
            with self.subTest(role=role, cell=matrix_row.label, url=url):
                response = self.client.get(url)
                observed = observed_outcome(response)
                allowed = expected if isinstance(expected, frozenset) else {expected}
                self.assertIn(observed, allowed, f"observed {observed}, expected {expected}")
                content = readable(response)
                leaked = [
                    secret
                    for secret in matrix_row.secrets
                    if matrix_row.hides_from(secret, role) and self.secret_text(secret) in content
                ]
                self.assertEqual(leaked, [], "the response shows what this role may not see")

    def test_the_matrix_names_every_role_and_secret(self):
        for matrix_row in MATRIX:
            self.assertEqual(set(matrix_row.expected), set(ROLES), matrix_row.label)
            for secret in matrix_row.secrets:
                self.assertIn(secret, SECRET_FROM, matrix_row.label)

    def test_the_secrets_show_where_administrators_look(self):
        """Controls: what the matrix hides is really on these surfaces for an administrator."""
        self.client.force_login(self.o.admin)
        wanted = {
            admin(SITE_HISTORY): [WITHDRAWAL_REASON, WITHDRAWN_REFERENCE],
            admin(SITE_HISTORY, query="?export=csv"): [WITHDRAWN_REFERENCE],
            admin(SITE_HISTORY, query="?export=xlsx"): [WITHDRAWN_REFERENCE],
            workflow_preview("agreement_b"): [B_DRAFT_TITLE],
            bulk("wagtailcore/page", "publish", "agreement_b"): [B_DRAFT_TITLE],
            bulk("wagtailimages/image", "delete", "withdrawn_image"): [matrix.WITHDRAWN_IMAGE_TITLE],
            localize_api("impacts/testimony"): [TESTIMONY_REFERENCE, WITHDRAWN_REFERENCE],
            localize_api("hub/partnermembership"): [OTHER_MEMBERSHIP],
            admin("wagtailsnippetchoosers_hub_partnermembership:choose"): [OTHER_MEMBERSHIP],
            admin("wagtailadmin_choose_page_search", query="?q=Entente"): [B_DRAFT_TITLE],
        }
        for url_of, secrets in wanted.items():
            url = url_of(self.o)
            content = readable(self.client.get(url))
            for secret in secrets:
                with self.subTest(url=url, secret=secret):
                    self.assertIn(self.secret_text(secret), content)

    def test_a_partner_finds_their_own_draft_in_the_page_chooser_search(self):
        """The partner's chooser search answers (it gave HTTP 500) and finds what it should."""
        agreement_a = type(self.o.agreement_a).objects.get(pk=self.o.agreement_a.pk)
        agreement_a.title = "Entente A BROUILLON-A"
        agreement_a.save_revision()
        self.client.force_login(self.o.partner)
        response = self.client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Entente"})
        self.assertEqual(response.status_code, 200)
        content = matrix.body(response)
        self.assertIn("BROUILLON-A", content)
        self.assertNotIn(B_DRAFT_TITLE, content)
