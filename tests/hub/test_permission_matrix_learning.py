"""The permission matrix of learning resources and toolkits, for six roles, on the admin's views,
the admin API and bulk actions.

The expectations come from the rules the issue and the README state, not from the code:
resources and toolkits take the review road like dialogues, so community editors create, edit,
translate and submit them, and a reviewer other than the author publishes and unpublishes them;
municipal partners and public bodies touch none (a draft does not exist for them); deleting is
the administrators'. A 200 must not contain the draft words its role may not read; POSTs are
checked by their effect in the database (the dialogue matrix's cells, run on each type). Who
uploads and publishes audio and video is the media matrix's (``test_permission_matrix_media``)."""

from django.test import TestCase

from hub.models import Organization
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, PUBLIC_BODIES, REVIEWERS
from learning.models import LearningResourcePage, ToolkitPage
from tests.factories import (
    LearningResourcePageFactory,
    OrganizationFactory,
    ToolkitPageFactory,
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
DRAFT_ITEM = "FICHE-BROUILLON"
DRAFT_REVISION = "FICHE-MODIFIEE"
OUTSIDERS = (ANONYMOUS, PARTNER, PUBLIC_BODY)
SECRETS = (DRAFT_ITEM, DRAFT_REVISION)


class Row:
    def __init__(self, label, url, expected):
        assert len(expected) == len(ROLES), label
        self.label, self.url, self.secrets = label, url, SECRETS
        self.expected = dict(zip(ROLES, expected, strict=True))

    def hides_from(self, secret, role):
        return role in OUTSIDERS


def row(label, url, *expected):
    return Row(label, url, expected)


def matrix(model_path, noun):
    """The rows for one page type (``app/model`` in the add view's address)."""
    add = path("/admin/pages/add/" + model_path + "/{w.index.pk}/")
    # fmt: off
    #   anonymous  editor  reviewer  partner  public body  administrator
    return [
        row(f"explore the {noun}s", admin("wagtailadmin_explore", "index"), LOGIN, OK, OK, DENIED, DENIED, OK),
        row(f"add a {noun}", add, LOGIN, OK, OK, DENIED, DENIED, OK),
        row(f"edit the live {noun}", page_view("edit", "item"), LOGIN, OK, OK, DENIED, DENIED, OK),
        row(f"edit the draft {noun}", page_view("edit", "draft"), LOGIN, OK, OK, DENIED, DENIED, OK),
        row(f"preview the draft {noun}", page_view("preview_on_edit", "draft"), LOGIN, OK, OK, DENIED, DENIED, OK),
        row(f"view the live {noun}'s draft", page_view("view_draft", "item"), LOGIN, OK, OK, DENIED, DENIED, OK),
        row(f"history of the {noun}", page_view("history", "item"), LOGIN, OK, OK, DENIED, DENIED, OK),
        row("compare its revisions", page_view("revisions_compare", "item", revision("item", 0),
                                               revision("item", 1)), LOGIN, OK, OK, DENIED, DENIED, OK),
        row(f"copy the {noun}", page_view("copy", "item"), LOGIN, OK, OK, DENIED, DENIED, OK),
        row(f"translate the {noun}", admin("wagtail_localize:submit_page_translation", "item"),
            LOGIN, OK, OK, DENIED, DENIED, OK),
        row(f"unpublish the {noun}", page_view("unpublish", "item"), LOGIN, DENIED, OK, DENIED, DENIED, OK),
        row(f"delete the {noun}", page_view("delete", "item"), LOGIN, DENIED, DENIED, DENIED, DENIED, OK),
        row(f"delete the draft {noun}", page_view("delete", "draft"), LOGIN, DENIED, DENIED, DENIED, DENIED, OK),
        row(f"admin API: the {noun}s", path("/admin/api/main/pages/?child_of={w.index.pk}"),
            LOGIN, OK, OK, BAD_REQUEST, BAD_REQUEST, OK),
        row(f"admin API: the draft {noun}", path("/admin/api/main/pages/{w.draft.pk}/"),
            LOGIN, OK, OK, HIDDEN, HIDDEN, OK),
        row(f"public API: the draft {noun}", path("/api/v2/pages/{w.draft.pk}/"),
            HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
        row(f"the live {noun}'s page", path("{w.item.url}"), OK, OK, OK, OK, OK, OK),
        row(f"the draft {noun}'s address", path("/cite/{w.draft.public_id}/"),
            HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    ]
    # fmt: on


class World:
    """Attributes read by the matrix's URL builders."""


def users(w):
    w.municipality = OrganizationFactory(name="Ville fictive", kind=Organization.Kind.MUNICIPALITY)
    w.ministry = OrganizationFactory(name="Ministère fictif", kind=Organization.Kind.PUBLIC_BODY)
    return {
        ANONYMOUS: None,
        EDITOR: role_user(COMMUNITY_EDITORS, "editrice"),
        REVIEWER: role_user(REVIEWERS, "reviseur"),
        PARTNER: role_user(MUNICIPAL_PARTNERS, "partenaire", organization=w.municipality),
        PUBLIC_BODY: role_user(PUBLIC_BODIES, "ministere", organization=w.ministry),
        ADMIN: role_user(None, "administratrice"),
    }


def build_world(factory, model, index_path):
    w = World()
    w.index = site_skeleton()["fr"][index_path]
    w.item = factory(title="Élément publié")
    draft = model.objects.get(pk=w.item.pk)
    draft.title = f"Élément {DRAFT_REVISION}"
    draft.save_revision()
    w.draft = factory(title=f"Élément {DRAFT_ITEM}", live=False)
    w.users = users(w)
    return w


def resource_world():
    return build_world(LearningResourcePageFactory, LearningResourcePage, "learning.LearningIndexPage")


def toolkit_world():
    return build_world(ToolkitPageFactory, ToolkitPage, "learning.ToolkitIndexPage")


@one_test_per_role(*ROLES)
class ResourceMatrixTests(RowChecks, TestCase):
    matrix = matrix("learning/learningresourcepage", "resource")

    @classmethod
    def setUpTestData(cls):
        cls.o = resource_world()


@one_test_per_role(*ROLES)
class ToolkitMatrixTests(RowChecks, TestCase):
    matrix = matrix("learning/toolkitpage", "toolkit")

    @classmethod
    def setUpTestData(cls):
        cls.o = toolkit_world()


class ActionTests(dialogue_matrix.DialogueActionTests):
    """The dialogue matrix's POST cells (publish, unpublish, copy, delete through the admin API and
    bulk actions), each role on a learning resource: the same review road gives the same outcomes."""

    factory, model, world = LearningResourcePageFactory, LearningResourcePage, staticmethod(resource_world)

    @classmethod
    def setUpTestData(cls):
        cls.o = cls.world()
        editor = cls.o.users[EDITOR]
        cls.o.others = cls.factory(title="Élément de l'éditrice")
        cls.model.objects.get(pk=cls.o.others.pk).save_revision(user=editor)
        cls.o.own = {}
        for role, user in cls.o.users.items():
            page = cls.factory(title=f"Élément de {role}")
            cls.model.objects.get(pk=page.pk).save_revision(user=user)
            cls.o.own[role] = page


class ToolkitActionTests(ActionTests):
    """The same cells on a toolkit."""

    factory, model, world = ToolkitPageFactory, ToolkitPage, staticmethod(toolkit_world)
