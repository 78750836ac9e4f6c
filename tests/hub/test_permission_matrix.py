"""The permission matrix: each role against the admin, API, preview, revision, history, chooser,
copy and document/image URLs of a representative set of objects.

Each row of ``MATRIX`` is one URL and the outcome each role must get, in the order of ``ROLES``.
A response is reduced to an outcome (``OK``, ``LOGIN``, ``DENIED``, ``HIDDEN``, ``BAD_REQUEST``
or a redirect elsewhere) and the observed outcome must be exactly the expected one: a forbidden
request that gets a 200 fails, and so does an allowed one that is refused. A row may also name
secrets (an unpublished title, a withdrawn testimony's words or files) that a 200 response must
not contain for the roles not allowed to see them. Rows marked "swap" put another object's id
in an otherwise legitimate URL.

The expectations come from the roles as the issue and the README state them, not from what the
code does. Community editors create and edit case files and briefs, submit them, translate,
create and withdraw testimonies and add organizations; they do not publish, touch agreements,
users or taxonomies. Reviewers can do all that, publish and unpublish, and manage taxonomies and
organizations. A municipal partner creates, edits and publishes the agreements to which their
organization is a party, and does not see or touch any other agreement or page. Administrators
do everything else, deleting pages included. A withdrawn testimony, and the files moved out of
reach with it, exist for administrators only.

POSTs are checked separately for the key forbidden actions, each against an allowed control
that shows the same request would have worked.
"""

import re

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from advocacy.models import AgreementParty
from hub.models import Organization, Region, Risk, Service
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, REVIEWERS
from impacts.models import CaseFilePage
from impacts.testimonies import withdraw_testimony
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DocumentFactory,
    ImageFactory,
    OrganizationFactory,
    TestimonyFactory,
    role_user,
    site_skeleton,
    terms,
)

ANONYMOUS, EDITOR, REVIEWER, PARTNER, ADMIN = "anonymous", "editor", "reviewer", "partner A", "admin"
ROLES = (ANONYMOUS, EDITOR, REVIEWER, PARTNER, ADMIN)

# What a response is reduced to.
OK = "200"
HIDDEN = "404"
BAD_REQUEST = "400"  # the admin API's answer for a parent page outside the user's explorable pages
LOGIN = "302 to login"
DENIED = "302 to admin home"  # Wagtail's "Sorry, you do not have permission" redirect
# Any refusal, where the application has no established way of refusing yet.
REFUSED = frozenset({DENIED, HIDDEN})


def redirect_to(where):
    return ("302 to", where)


DJANGO_LOGIN = redirect_to("Django admin login")  # none of the roles is staff


# Secrets, and who may not see them. ASCII tokens, so JSON responses (modal choosers, APIs)
# cannot hide them by escaping.
B_DRAFT_TITLE = "Entente B BROUILLON-CONFIDENTIEL-B"
CASEFILE_DRAFT_TITLE = "Dossier BROUILLON-DOSSIER"
BRIEF_DRAFT_TITLE = "Memoire BROUILLON-MEMOIRE"
WITHDRAWN_TEXT = "Temoignage TEXTE-RETIRE"
WITHDRAWN_NAME = "PseudonymeRETIRE"
WITHDRAWN_IMAGE_TITLE = "Photo PHOTO-RETIREE"
WITHDRAWN_DOCUMENT_TITLE = "Lettre LETTRE-RETIREE"
NOT_ADMIN = (ANONYMOUS, EDITOR, REVIEWER, PARTNER)
SECRET_FROM = {
    # Other sections' drafts are not a partner's to see (editors and reviewers may browse them).
    B_DRAFT_TITLE: (ANONYMOUS, PARTNER),
    CASEFILE_DRAFT_TITLE: (ANONYMOUS, PARTNER),
    BRIEF_DRAFT_TITLE: (ANONYMOUS, PARTNER),
    WITHDRAWN_TEXT: NOT_ADMIN,
    WITHDRAWN_NAME: NOT_ADMIN,
    WITHDRAWN_IMAGE_TITLE: NOT_ADMIN,
    WITHDRAWN_DOCUMENT_TITLE: NOT_ADMIN,
}
DRAFTS = (B_DRAFT_TITLE, CASEFILE_DRAFT_TITLE, BRIEF_DRAFT_TITLE)
WITHDRAWN = (WITHDRAWN_TEXT, WITHDRAWN_NAME, WITHDRAWN_IMAGE_TITLE, WITHDRAWN_DOCUMENT_TITLE)


class Row:
    def __init__(self, label, url, expected, secrets=(), secret_from=None):
        assert len(expected) == len(ROLES), label
        self.label, self.url, self.secrets = label, url, secrets
        self.expected = dict(zip(ROLES, expected, strict=True))
        self.secret_from = secret_from  # overrides SECRET_FROM for every secret of the row

    def hides_from(self, secret, role):
        return role in (self.secret_from or SECRET_FROM[secret])


def row(label, url, *expected, **options):
    return Row(label, url, expected, **options)


class ReadersRow:
    """A row of a matrix with roles of its own (``roles``, in the order of ``expected``), whose
    secrets each name the roles that may read them (``readers``)."""

    def __init__(self, roles, readers, label, url, expected):
        assert len(expected) == len(roles), label
        self.label, self.url, self.secrets, self.readers = label, url, tuple(readers), readers
        self.expected = dict(zip(roles, expected, strict=True))

    def hides_from(self, secret, role):
        return role not in self.readers[secret]


# URL builders: each takes the set of objects built once for the class.
def page_view(name, page, *revisions):
    def url(o):
        return reverse(f"wagtailadmin_pages:{name}", args=[getattr(o, page).pk, *revisions_of(o, revisions)])

    return url


def revisions_of(o, names):
    return [getattr(o, page).revisions.order_by("pk")[index].pk for page, index in names]


def add_page(app_label, model_name, index):
    return lambda o: reverse("wagtailadmin_pages:add", args=[app_label, model_name, getattr(o, index).pk])


def admin(url_name, target=None, query=""):
    return lambda o: reverse(url_name, args=[getattr(o, target).pk] if target else []) + query


def api(path):
    return lambda o: path.format(o=o)


def document_file(document):
    def url(o):
        instance = getattr(o, document)
        return reverse("wagtaildocs_serve", args=[instance.pk, instance.filename])

    return url


# The compared revisions: the case file's published one and its later draft, and B's likewise.
CASEFILE_REVISIONS = (("casefile", 0), ("casefile", 1))
B_REVISIONS = (("agreement_b", 0), ("agreement_b", 1))

# fmt: off
#                                                   anonymous  editor  reviewer  partner A  admin
MATRIX = [
    # --- Editing pages: case files and briefs are the editors' and reviewers' sections, agreements
    # their parties'. Organization A is no party to agreement B.
    row("edit case file", page_view("edit", "casefile"), LOGIN, OK, OK, DENIED, OK),
    row("edit draft brief", page_view("edit", "brief"), LOGIN, OK, OK, DENIED, OK),
    row("edit agreement A", page_view("edit", "agreement_a"), LOGIN, DENIED, DENIED, OK, OK),
    # swap: partner A with the id of B's agreement.
    row("edit agreement B", page_view("edit", "agreement_b"), LOGIN, DENIED, DENIED, DENIED, OK),
    # --- Creating: each type under its own index...
    row("add case file", add_page("impacts", "casefilepage", "casefile_index"),
        LOGIN, OK, OK, DENIED, OK),
    row("add brief", add_page("advocacy", "advocacybriefpage", "brief_index"),
        LOGIN, OK, OK, DENIED, OK),
    row("add agreement", add_page("advocacy", "collaborationagreementpage", "agreement_index"),
        LOGIN, DENIED, DENIED, OK, OK),
    # ...swap: a case file under the agreement index is nobody's to create (page type rules).
    row("add case file under agreement index", add_page("impacts", "casefilepage", "agreement_index"),
        LOGIN, DENIED, DENIED, DENIED, DENIED),
    # --- Previews of the edit form and of the latest draft: whoever may edit the page.
    row("preview case file", page_view("preview_on_edit", "casefile"), LOGIN, OK, OK, DENIED, OK),
    # swap: the preview of another page's id.
    row("preview agreement B", page_view("preview_on_edit", "agreement_b"),
        LOGIN, DENIED, DENIED, DENIED, OK),
    row("view draft of brief", page_view("view_draft", "brief"), LOGIN, OK, OK, DENIED, OK),
    row("view draft of agreement A", page_view("view_draft", "agreement_a"),
        LOGIN, DENIED, DENIED, OK, OK),
    row("view draft of agreement B", page_view("view_draft", "agreement_b"),
        LOGIN, DENIED, DENIED, DENIED, OK),
    # --- Revisions: whoever may edit or publish the page compares and views them.
    row("compare case file revisions", page_view("revisions_compare", "casefile", *CASEFILE_REVISIONS),
        LOGIN, OK, OK, DENIED, OK),
    row("compare agreement B revisions", page_view("revisions_compare", "agreement_b", *B_REVISIONS),
        LOGIN, DENIED, DENIED, DENIED, OK),
    # swap: B's revision ids under the case file's URL are not the case file's revisions.
    row("compare case file with B's revision ids", page_view("revisions_compare", "casefile", *B_REVISIONS),
        LOGIN, HIDDEN, HIDDEN, DENIED, HIDDEN, secrets=DRAFTS),
    row("view B's revision as the case file's", page_view("revisions_view", "casefile", B_REVISIONS[1]),
        LOGIN, HIDDEN, HIDDEN, DENIED, HIDDEN, secrets=DRAFTS),
    # --- History: whoever may edit or publish the page.
    row("history of case file", page_view("history", "casefile"), LOGIN, OK, OK, DENIED, OK),
    row("history of agreement A", page_view("history", "agreement_a"), LOGIN, DENIED, DENIED, OK, OK),
    row("history of agreement B", page_view("history", "agreement_b"), LOGIN, DENIED, DENIED, DENIED, OK),
    # --- Copying needs the right to edit the page (a copy is a new draft in the same section).
    row("copy case file", page_view("copy", "casefile"), LOGIN, OK, OK, DENIED, OK),
    row("copy agreement A", page_view("copy", "agreement_a"), LOGIN, DENIED, DENIED, OK, OK),
    # swap: partner A copying B's agreement would duplicate a page that is not theirs.
    row("copy agreement B", page_view("copy", "agreement_b"), LOGIN, DENIED, DENIED, DENIED, OK),
    # --- Deleting a page is in no role's list, so it is the administrators' (Wagtail alone would
    # give it with "change": drafts to editors, anything in their section to publishers).
    row("delete case file", page_view("delete", "casefile"), LOGIN, DENIED, DENIED, DENIED, OK),
    row("delete draft brief", page_view("delete", "brief"), LOGIN, DENIED, DENIED, DENIED, OK),
    row("delete agreement A", page_view("delete", "agreement_a"), LOGIN, DENIED, DENIED, DENIED, OK),
    row("delete agreement B", page_view("delete", "agreement_b"), LOGIN, DENIED, DENIED, DENIED, OK),
    # --- Unpublishing goes with publishing: reviewers for case files, parties for agreements.
    row("unpublish case file", page_view("unpublish", "casefile"), LOGIN, DENIED, OK, DENIED, OK),
    row("unpublish agreement A", page_view("unpublish", "agreement_a"), LOGIN, DENIED, DENIED, OK, OK),
    row("unpublish agreement B", page_view("unpublish", "agreement_b"), LOGIN, DENIED, DENIED, DENIED, OK),
    # --- Translating: editors and reviewers their sections, partners their agreements.
    row("translate case file", admin("wagtail_localize:submit_page_translation", "casefile"),
        LOGIN, OK, OK, DENIED, OK),
    row("translate agreement A", admin("wagtail_localize:submit_page_translation", "agreement_a"),
        LOGIN, DENIED, DENIED, OK, OK),
    row("translate agreement B", admin("wagtail_localize:submit_page_translation", "agreement_b"),
        LOGIN, DENIED, DENIED, DENIED, OK),
    # --- Explorer and page search: every admin user browses the tree below their explorable root
    # (a partner's is the tree's root, their section existing in both languages); a partner never
    # sees B's agreement nor the other sections' drafts.
    # The explorer opens only pages the user may explore (hub/admin_guards.py): editors and
    # reviewers have no agreement section, partners have no case file or brief section.
    row("explore agreement index", admin("wagtailadmin_explore", "agreement_index"),
        LOGIN, DENIED, DENIED, OK, OK, secrets=DRAFTS),
    # swap: B's agreement opened directly.
    row("explore agreement B", admin("wagtailadmin_explore", "agreement_b"),
        LOGIN, DENIED, DENIED, REFUSED, OK, secrets=DRAFTS),
    row("explore case file index", admin("wagtailadmin_explore", "casefile_index"),
        LOGIN, OK, OK, DENIED, OK, secrets=DRAFTS),
    row("explore brief index", admin("wagtailadmin_explore", "brief_index"),
        LOGIN, OK, OK, DENIED, OK, secrets=DRAFTS),
    row("page search for agreements", admin("wagtailadmin_pages:search", query="?q=Entente"),
        LOGIN, OK, OK, OK, OK, secrets=DRAFTS),
    row("page search for briefs", admin("wagtailadmin_pages:search", query="?q=Memoire"),
        LOGIN, OK, OK, OK, OK, secrets=DRAFTS),
    # --- Page chooser: open to every admin user, without what a partner may not see.
    row("page chooser", admin("wagtailadmin_choose_page"), LOGIN, OK, OK, OK, OK, secrets=DRAFTS),
    row("page chooser in agreement index", admin("wagtailadmin_choose_page_child", "agreement_index"),
        LOGIN, OK, OK, OK, OK, secrets=DRAFTS),
    row("page chooser in case file index", admin("wagtailadmin_choose_page_child", "casefile_index"),
        LOGIN, OK, OK, OK, OK, secrets=DRAFTS),
    row("page chooser in brief index", admin("wagtailadmin_choose_page_child", "brief_index"),
        LOGIN, OK, OK, OK, OK, secrets=DRAFTS),
    # swap: B's agreement as the chooser's parent.
    row("page chooser in agreement B", admin("wagtailadmin_choose_page_child", "agreement_b"),
        LOGIN, OK, OK, REFUSED, OK, secrets=DRAFTS),
    # --- The admin API (behind the explorer menu) answers only for the user's explorable pages.
    row("admin API: draft brief", api("/admin/api/main/pages/{o.brief.pk}/"),
        LOGIN, OK, OK, HIDDEN, OK, secrets=DRAFTS),
    row("admin API: agreement B", api("/admin/api/main/pages/{o.agreement_b.pk}/"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK),
    row("admin API: agreement index children", api("/admin/api/main/pages/?child_of={o.agreement_index.pk}"),
        LOGIN, BAD_REQUEST, BAD_REQUEST, OK, OK, secrets=DRAFTS),
    # --- The public read API: live pages only, and the collection restriction on withdrawn
    # files, whoever asks (an administrator's session passes that restriction).
    row("public API: draft brief", api("/api/v2/pages/{o.brief.pk}/"), HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    # The live version only, whoever asks.
    row("public API: agreement B", api("/api/v2/pages/{o.agreement_b.pk}/"), OK, OK, OK, OK, OK,
        secrets=DRAFTS, secret_from=ROLES),
    # Share images: live public items only, their live version, whoever asks.
    row("share image: draft brief", api("/fr/share/{o.brief.public_id}.png"),
        HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    row("share image: agreement B", api("/en/share/{o.agreement_b.public_id}.png"), OK, OK, OK, OK, OK,
        secrets=DRAFTS, secret_from=ROLES),
    # Images and documents: only those a live, public page shows (the live case file shows
    # o.image and o.document), whoever asks; a withdrawn testimony's files are no page's.
    row("public API: images", api("/api/v2/images/"), OK, OK, OK, OK, OK, secrets=WITHDRAWN),
    row("public API: image", api("/api/v2/images/{o.image.pk}/"), OK, OK, OK, OK, OK),
    row("public API: withdrawn image", api("/api/v2/images/{o.withdrawn_image.pk}/"),
        HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    row("public API: documents", api("/api/v2/documents/"), OK, OK, OK, OK, OK, secrets=WITHDRAWN),
    row("public API: document", api("/api/v2/documents/{o.document.pk}/"), OK, OK, OK, OK, OK),
    row("public API: withdrawn document", api("/api/v2/documents/{o.withdrawn_document.pk}/"),
        HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    # --- Document files: a page's document is public; a withdrawn one does not exist for anyone
    # but an administrator (more media URLs: tests/hub/test_permission_matrix_media.py).
    row("document file", document_file("document"), OK, OK, OK, OK, OK),
    row("withdrawn document file", document_file("withdrawn_document"),
        HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    # --- Images and documents in the admin: reviewers change them, editors and partners only add
    # and choose; the withdrawn testimony's files are the administrators' alone.
    row("edit image", admin("wagtailimages:edit", "image"), LOGIN, DENIED, OK, DENIED, OK),
    row("edit document", admin("wagtaildocs:edit", "document"), LOGIN, DENIED, OK, DENIED, OK),
    # swap: the withdrawn testimony's image and document in the same URLs.
    row("edit withdrawn image", admin("wagtailimages:edit", "withdrawn_image"),
        LOGIN, DENIED, REFUSED, DENIED, OK, secrets=WITHDRAWN),
    row("edit withdrawn document", admin("wagtaildocs:edit", "withdrawn_document"),
        LOGIN, DENIED, REFUSED, DENIED, OK, secrets=WITHDRAWN),
    row("image chooser", admin("wagtailimages_chooser:choose"), LOGIN, OK, OK, OK, OK, secrets=WITHDRAWN),
    row("document chooser", admin("wagtaildocs_chooser:choose"), LOGIN, OK, OK, OK, OK, secrets=WITHDRAWN),
    row("image chooser: choose withdrawn image", admin("wagtailimages_chooser:chosen", "withdrawn_image"),
        LOGIN, REFUSED, REFUSED, REFUSED, OK, secrets=WITHDRAWN),
    row("document chooser: choose withdrawn document",
        admin("wagtaildocs_chooser:chosen", "withdrawn_document"),
        LOGIN, REFUSED, REFUSED, REFUSED, OK, secrets=WITHDRAWN),
    # --- Testimonies: editors and reviewers handle them, partners never; a withdrawn one does
    # not exist for anyone but administrators.
    row("testimony list", admin("wagtailsnippets_impacts_testimony:list"),
        LOGIN, OK, OK, DENIED, OK, secrets=WITHDRAWN),
    row("testimony chooser", admin("wagtailsnippetchoosers_impacts_testimony:choose"),
        LOGIN, OK, OK, REFUSED, OK, secrets=WITHDRAWN),
    row("testimony chooser search", admin("wagtailsnippetchoosers_impacts_testimony:choose_results",
                                          query="?q=machine"),
        LOGIN, OK, OK, REFUSED, OK, secrets=WITHDRAWN),
    row("edit testimony", admin("wagtailsnippets_impacts_testimony:edit", "testimony"),
        LOGIN, OK, OK, DENIED, OK),
    row("history of testimony", admin("wagtailsnippets_impacts_testimony:history", "testimony"),
        LOGIN, OK, OK, DENIED, OK),
    row("withdraw testimony", admin("wagtailsnippets_impacts_testimony:withdraw", "testimony"),
        LOGIN, OK, OK, DENIED, OK),
    # swap: the withdrawn testimony's id in the same URLs (hidden before any permission check,
    # except the withdraw view, which checks the permission first; an administrator is told it
    # is already withdrawn and sent back to the list).
    row("edit withdrawn testimony", admin("wagtailsnippets_impacts_testimony:edit", "withdrawn"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=WITHDRAWN),
    row("history of withdrawn testimony", admin("wagtailsnippets_impacts_testimony:history", "withdrawn"),
        LOGIN, HIDDEN, HIDDEN, HIDDEN, OK, secrets=WITHDRAWN),
    row("withdraw withdrawn testimony", admin("wagtailsnippets_impacts_testimony:withdraw", "withdrawn"),
        LOGIN, HIDDEN, HIDDEN, DENIED, redirect_to("testimony list")),
    row("testimony chooser: choose withdrawn testimony",
        admin("wagtailsnippetchoosers_impacts_testimony:chosen", "withdrawn"),
        # Nobody, administrators included, can link a withdrawn testimony to a page.
        LOGIN, HIDDEN, HIDDEN, REFUSED, HIDDEN),
    # --- Taxonomies are the reviewers'; editors may add (not change) organizations.
    row("edit risk", admin("wagtailsnippets_hub_risk:edit", "risk"), LOGIN, DENIED, OK, DENIED, OK),
    row("add risk", admin("wagtailsnippets_hub_risk:add"), LOGIN, DENIED, OK, DENIED, OK),
    row("history of risk", admin("wagtailsnippets_hub_risk:history", "risk"), LOGIN, DENIED, OK, DENIED, OK),
    row("add organization", admin("wagtailsnippets_hub_organization:add"), LOGIN, OK, OK, DENIED, OK),
    row("edit organization B", admin("wagtailsnippets_hub_organization:edit", "organization_b"),
        LOGIN, DENIED, OK, DENIED, OK),
    # --- Accounts and groups are the administrators' alone, the Django admin included.
    row("user list", admin("wagtailusers_users:index"), LOGIN, DENIED, DENIED, DENIED, OK),
    row("edit user", admin("wagtailusers_users:edit", "account"), LOGIN, DENIED, DENIED, DENIED, OK),
    # swap: the editor's own account and the administrator's are no different.
    row("edit editor's own account", admin("wagtailusers_users:edit", "editor"),
        LOGIN, DENIED, DENIED, DENIED, OK),
    row("edit administrator account", admin("wagtailusers_users:edit", "admin"),
        LOGIN, DENIED, DENIED, DENIED, OK),
    row("edit reviewers group", admin("wagtailusers_groups:edit", "reviewers"),
        LOGIN, DENIED, DENIED, DENIED, OK),
    row("Django admin", admin("admin:index"),
        DJANGO_LOGIN, DJANGO_LOGIN, DJANGO_LOGIN, DJANGO_LOGIN, OK),
]
# fmt: on


class Objects:
    """The representative set, built once; the URL builders read its attributes."""


def build_objects():
    o = Objects()
    skeleton = site_skeleton()["fr"]
    o.casefile_index = skeleton["impacts.CaseFileIndexPage"]
    o.brief_index = skeleton["advocacy.AdvocacyBriefIndexPage"]
    o.agreement_index = skeleton["advocacy.CollaborationAgreementIndexPage"]
    o.organization_a = OrganizationFactory(name="Ville A fictive", kind=Organization.Kind.MUNICIPALITY)
    o.organization_b = OrganizationFactory(name="Ville B fictive", kind=Organization.Kind.MUNICIPALITY)
    o.community = OrganizationFactory(name="Collectif fictif", kind=Organization.Kind.NON_PROFIT)

    # A published case file showing an image, with a later draft: two revisions to compare; a
    # published brief whose PDF is a document.
    o.image = ImageFactory(title="Affiche publique")
    o.document = DocumentFactory(title="Rapport public")
    o.casefile = CaseFilePageFactory(
        title="Dossier publié",
        body=[
            {
                "type": "image",
                "value": {"image": o.image.pk, "alt_text": "Une affiche", "caption": "", "credit": ""},
            }
        ],
    )
    o.published_brief = AdvocacyBriefPageFactory(title="Mémoire publié", pdf=o.document)
    save_draft(o.casefile, CASEFILE_DRAFT_TITLE)
    o.brief = AdvocacyBriefPageFactory(title=BRIEF_DRAFT_TITLE, live=False)
    o.agreement_a = agreement("Entente A", o.organization_a, o.community)
    # B's agreement is live, with a draft whose title only B's parties may read.
    o.agreement_b = agreement("Entente B", o.organization_b, o.community)
    save_draft(o.agreement_b, B_DRAFT_TITLE)

    o.testimony = TestimonyFactory(casefiles=[o.casefile])
    o.withdrawn_image = ImageFactory(title=WITHDRAWN_IMAGE_TITLE)
    o.withdrawn_document = DocumentFactory(title=WITHDRAWN_DOCUMENT_TITLE)
    o.withdrawn = TestimonyFactory(
        text=f"{WITHDRAWN_TEXT} : la machine a coupé mon aide.",
        display_name=WITHDRAWN_NAME,
        image=o.withdrawn_image,
        image_alt="Une personne de dos",
        document=o.withdrawn_document,
        casefiles=[o.casefile],
    )
    assert withdraw_testimony(o.withdrawn, "La personne a retiré son consentement.")
    o.withdrawn_image.refresh_from_db()
    o.withdrawn_document.refresh_from_db()

    o.risk = terms(Risk, ["surveillance"])[0]

    o.account = role_user(COMMUNITY_EDITORS, "compte-ordinaire")
    o.editor = role_user(COMMUNITY_EDITORS, "editrice")
    o.reviewer = role_user(REVIEWERS, "reviseur")
    o.partner = role_user(MUNICIPAL_PARTNERS, "partenaire-a", organization=o.organization_a)
    o.admin = role_user(None, "administratrice")
    o.reviewers = Group.objects.get(name=REVIEWERS)
    o.users = {ANONYMOUS: None, EDITOR: o.editor, REVIEWER: o.reviewer, PARTNER: o.partner, ADMIN: o.admin}
    return o


def save_draft(page, title):
    draft = type(page).objects.get(pk=page.pk)
    draft.title = title
    draft.save_revision()
    assert page.revisions.count() == 2


def agreement(title, municipality, community):
    return CollaborationAgreementPageFactory(
        title=title,
        parties=[
            {"organization": municipality, "role": AgreementParty.Role.MUNICIPALITY},
            {"organization": community, "role": AgreementParty.Role.NON_PROFIT},
        ],
    )


def outcome(response):
    """The response reduced to one of the outcomes of the matrix."""
    if response.status_code != 302:
        return str(response.status_code)
    location = response["Location"].split("?")[0]
    if location == reverse("wagtailadmin_home"):
        return DENIED
    if location in (reverse("wagtailadmin_login"), reverse("wagtailcore_login")):
        return LOGIN
    if location == reverse("wagtailsnippets_impacts_testimony:list"):
        return redirect_to("testimony list")
    if location == reverse("admin:login"):
        return redirect_to("Django admin login")
    return ("302 to", location)


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")  # a PNG's text chunks are UTF-8


class EveryRole:
    """One test per role, each running the class's ``check_role``: a failure names the role."""

    def test_anonymous(self):
        self.check_role(ANONYMOUS)

    def test_community_editor(self):
        self.check_role(EDITOR)

    def test_reviewer(self):
        self.check_role(REVIEWER)

    def test_municipal_partner_of_organization_a(self):
        self.check_role(PARTNER)

    def test_administrator(self):
        self.check_role(ADMIN)


def one_test_per_role(*roles):
    """A class decorator for a ``RowChecks`` test case: ``test_<role>`` runs ``check_role(role)``
    for each of ``roles``, so that a failure names the role."""

    def decorate(cls):
        for role in roles:
            name = "test_" + re.sub(r"\W+", "_", role.lower()).strip("_")
            setattr(cls, name, lambda self, role=role: self.check_role(role))
        return cls

    return decorate


class RowChecks:
    """``check_role``: a role against every row of ``matrix``, for a TestCase whose ``o`` holds
    the objects and, in ``o.users``, an account per role; a row says which secrets a role may not
    read (``hides_from``)."""

    def check_role(self, role):
        user = self.o.users[role]
        if user is not None:
            self.client.force_login(user)
        for matrix_row in self.matrix:
            url = matrix_row.url(self.o)
            expected = matrix_row.expected[role]
            with self.subTest(role=role, cell=matrix_row.label, url=url):
                response = self.client.get(url)
                observed = outcome(response)
                allowed = expected if isinstance(expected, frozenset) else {expected}
                self.assertIn(observed, allowed, f"observed {observed}, expected {expected}")
                if observed == OK:
                    content = body(response)
                    leaked = [
                        secret
                        for secret in matrix_row.secrets
                        if matrix_row.hides_from(secret, role) and secret in content
                    ]
                    self.assertEqual(leaked, [], "the response shows what this role may not see")


class MatrixChecks(RowChecks, EveryRole):
    """Each role against every row of ``MATRIX``."""

    matrix = MATRIX

    def test_the_matrix_names_every_role_and_outcome(self):
        for matrix_row in self.matrix:
            self.assertEqual(set(matrix_row.expected), set(ROLES), matrix_row.label)
            for secret in matrix_row.secrets:
                self.assertIn(secret, SECRET_FROM, matrix_row.label)


class PermissionMatrixTests(MatrixChecks, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.o = build_objects()

    def test_no_chooser_recreates_a_withdrawn_images_renditions(self):
        """Withdrawal deleted the photo's renditions; a chooser thumbnail must not bring one back
        (its file name derives from the original, so its address is the one that was public)."""
        self.assertFalse(self.o.withdrawn_image.renditions.exists())
        for role in (EDITOR, REVIEWER, PARTNER):
            self.client.force_login(self.o.users[role])
            self.client.get(reverse("wagtailimages_chooser:choose"))
            self.client.get(reverse("wagtailimages_chooser:chosen", args=[self.o.withdrawn_image.pk]))
            with self.subTest(role=role):
                self.assertFalse(self.o.withdrawn_image.renditions.exists())


# --- POSTs: the key forbidden actions change nothing, while the same request by an allowed role
# does what it says (so the denial is not an artefact of an invalid form).


def casefile_form(page, title):
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "summary": page.summary,
            "plain_summary": page.plain_summary,
            "status": page.status,
            "automation": page.automation,
            "impact_level": str(page.impact_level),
            "body": streamfield([]),
            "comments": inline_formset([]),
            "testimony_links": inline_formset([]),
            "change_note": "",
            "action-publish": "action-publish",
        }
    )
    data["services"] = [term.pk for term in terms(Service, page.service_keys)]
    data["regions"] = [term.pk for term in terms(Region, page.region_keys)]
    return data


def agreement_form(page, title, *organizations, commitments=()):
    """The agreement's edit form, published, with ``organizations`` as parties and
    ``commitments`` (the inline's fields; ``id`` for one the page has)."""
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "summary": page.summary,
            "plain_summary": page.plain_summary,
            "scope": page.scope,
            "citizen_role": page.citizen_role,
            "status": page.status,
            "commitments": inline_formset(list(commitments), initial=page.commitments.count()),
            "comments": inline_formset([]),
            "signatories": inline_formset([]),
            "parties": inline_formset(
                [
                    {"organization": str(organization.pk), "role": "municipality"}
                    for organization in organizations
                ]
            ),
            "change_note": "",
            "action-publish": "action-publish",
        }
    )
    data["services"] = [term.pk for term in terms(Service, page.service_keys)]
    data["regions"] = [term.pk for term in terms(Region, page.region_keys)]
    return data


class ForbiddenPostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.o = build_objects()

    def post(self, user, url, data):
        self.client.force_login(user)
        return self.client.post(url, data)

    def live(self, page):
        return Page.objects.get(pk=page.pk).specific

    def test_an_editor_posting_publish_on_a_case_file_does_not_make_it_live(self):
        url = reverse("wagtailadmin_pages:edit", args=[self.o.casefile.pk])
        live_revision = self.live(self.o.casefile).live_revision_id

        self.post(self.o.editor, url, casefile_form(self.o.casefile, "Titre publié par une éditrice"))
        page = self.live(self.o.casefile)
        self.assertEqual(page.title, "Dossier publié")
        self.assertEqual(page.live_revision_id, live_revision)
        self.assertFalse(CaseFilePage.objects.filter(title="Titre publié par une éditrice").exists())

        # Control: an administrator's form is published (a reviewer's is not either: the form
        # publishes the version they write, which another reviewer must approve).
        response = self.post(
            self.o.admin, url, casefile_form(self.o.casefile, "Titre publié par une administratrice")
        )
        self.assertEqual(response.status_code, 302, body(response)[:2000])
        self.assertEqual(self.live(self.o.casefile).title, "Titre publié par une administratrice")

    def test_a_partner_posting_an_edit_of_bs_agreement_changes_nothing(self):
        """The attack: partner A edits B's agreement to add organization A as a party."""
        o = self.o
        agreement_b = self.live(o.agreement_b)
        revisions = agreement_b.revisions.count()
        data = agreement_form(agreement_b, "Entente B reprise par A", o.organization_a, o.organization_b)

        response = self.post(o.partner, reverse("wagtailadmin_pages:edit", args=[agreement_b.pk]), data)
        self.assertEqual(outcome(response), DENIED)
        agreement_b = self.live(o.agreement_b)
        self.assertEqual(agreement_b.title, "Entente B")
        self.assertEqual(agreement_b.draft_title, B_DRAFT_TITLE)
        self.assertEqual(agreement_b.revisions.count(), revisions)
        self.assertFalse(agreement_b.has_party(o.organization_a.translation_key))

        # Control: the same form on their own agreement is published.
        agreement_a = self.live(o.agreement_a)
        data = agreement_form(agreement_a, "Entente A modifiée", o.organization_a, o.community)
        response = self.post(o.partner, reverse("wagtailadmin_pages:edit", args=[agreement_a.pk]), data)
        self.assertEqual(response.status_code, 302, body(response)[:2000])
        self.assertEqual(self.live(o.agreement_a).title, "Entente A modifiée")

    def test_a_partner_cannot_copy_unpublish_or_delete_bs_agreement(self):
        o = self.o
        pages = Page.objects.count()
        for name, data in (
            ("copy", {"new_title": "Copie", "new_slug": "copie", "new_parent_page": o.agreement_index.pk}),
            ("unpublish", {}),
            ("delete", {}),
        ):
            with self.subTest(action=name):
                response = self.post(
                    o.partner, reverse(f"wagtailadmin_pages:{name}", args=[o.agreement_b.pk]), data
                )
                self.assertEqual(outcome(response), DENIED)
        self.assertEqual(Page.objects.count(), pages)
        self.assertTrue(self.live(o.agreement_b).live)

    def test_translating_creates_pages_only_in_the_translators_own_sections(self):
        """Submitting a translation creates the page in the other language's tree: the same
        page permissions as creating it there must apply."""
        o = self.o
        english = Locale.objects.get(language_code="en")

        def translate(user, page):
            url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
            response = self.post(user, url, {"locales": [english.pk]})
            exists = Page.objects.filter(locale=english, translation_key=page.translation_key).exists()
            return outcome(response), exists

        for user, page in ((o.partner, o.agreement_b), (o.partner, o.casefile), (o.editor, o.agreement_a)):
            with self.subTest(user=user.username, page=page.title):
                self.assertEqual(translate(user, page), (DENIED, False))
        # Controls: each translates what is theirs.
        for user, page in ((o.partner, o.agreement_a), (o.editor, o.casefile)):
            with self.subTest(user=user.username, page=page.title):
                self.assertTrue(translate(user, page)[1])

    def test_an_editor_posting_to_a_taxonomy_add_view_creates_no_term(self):
        url = reverse("wagtailsnippets_hub_risk:add") + "?locale=fr"
        data = {"key": "risque-fictif", "label": "Risque fictif", "sort_order": "99"}

        response = self.post(self.o.editor, url, data)
        self.assertEqual(outcome(response), DENIED)
        self.assertFalse(Risk.objects.filter(key="risque-fictif").exists())

        response = self.post(self.o.reviewer, url, data)
        self.assertEqual(response.status_code, 302, body(response)[:2000])
        self.assertTrue(Risk.objects.filter(key="risque-fictif").exists())

    def test_an_editor_cannot_change_a_risk_or_add_an_account(self):
        risk = self.o.risk
        response = self.post(
            self.o.editor,
            reverse("wagtailsnippets_hub_risk:edit", args=[risk.pk]),
            {"key": risk.key, "label": "Renommé par une éditrice", "sort_order": "0"},
        )
        self.assertEqual(outcome(response), DENIED)
        risk.refresh_from_db()
        self.assertNotEqual(risk.label, "Renommé par une éditrice")

        users = type(self.o.editor).objects.count()
        response = self.post(
            self.o.editor,
            reverse("wagtailusers_users:add"),
            {"username": "intrus", "email": "intrus@example.org", "password1": "x", "password2": "x"},
        )
        self.assertEqual(outcome(response), DENIED)
        self.assertEqual(type(self.o.editor).objects.count(), users)

    def test_a_partner_cannot_withdraw_and_an_editor_cannot_reach_a_withdrawn_testimony(self):
        url = reverse("wagtailsnippets_impacts_testimony:withdraw", args=[self.o.testimony.pk])
        response = self.post(self.o.partner, url, {"reason": "Tentative d'un partenaire"})
        self.assertEqual(outcome(response), DENIED)
        self.o.testimony.refresh_from_db()
        self.assertFalse(self.o.testimony.is_withdrawn)

        url = reverse("wagtailsnippets_impacts_testimony:edit", args=[self.o.withdrawn.pk])
        response = self.post(self.o.editor, url, {"text": "Réécrit", "language": "fr"})
        self.assertEqual(response.status_code, 404)
        self.o.withdrawn.refresh_from_db()
        self.assertTrue(self.o.withdrawn.text.startswith(WITHDRAWN_TEXT))
