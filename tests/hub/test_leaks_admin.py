"""The leak test, continued inside the admin: a municipal partner logged in reads no draft or
reviewed title of another section or organization, and nothing of a testimony, on the admin's
side roads (choosers and their searches, workflow previews and actions, bulk actions, reports
and their exports, wagtail-localize's snippet API, the admin API behind the explorer).

The secrets and the world are tests/hub/test_leaks.py's. Left out here: the private pages, which
are live (their titles are no draft: the admin names them to every admin user), and the consent
dates, too short to look for in admin pages full of dates. A partner's own draft agreement is
the control: the same surfaces must name it, so a surface that answers nothing cannot pass."""

import io

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Task, TaskState

from advocacy.models import AgreementParty, CollaborationAgreementPage
from hub.models import Organization
from hub.roles import MUNICIPAL_PARTNERS
from tests.factories import CollaborationAgreementPageFactory, OrganizationFactory, role_user
from tests.hub import test_leaks

pytestmark = pytest.mark.django_db
world = test_leaks.world  # the leak test's fixture: its secrets next to published controls

# Private pages are live pages; see the module's docstring.
LIVE_BUT_PRIVATE = {"private case file", "private brief", "login-only agreement"}
SECRETS = {name: word for name, word in test_leaks.SECRET_WORDS.items() if name not in LIVE_BUT_PRIVATE}
OWN_DRAFT = "Partenairix"
BULK_ACTIONS = ("publish", "unpublish", "delete", "move")
SNIPPET_MODELS = ("impacts/testimony", "hub/partnermembership", "hub/organization", "hub/glossaryterm")


@pytest.fixture
def partner(world):
    """A partner whose organization is a party to one agreement, with a draft of its own."""
    organization = OrganizationFactory(name="Ville partenaire fictive", kind=Organization.Kind.MUNICIPALITY)
    own = CollaborationAgreementPageFactory(
        title="Entente du partenaire",
        parties=[{"organization": organization, "role": AgreementParty.Role.MUNICIPALITY}, {}],
    )
    draft = CollaborationAgreementPage.objects.get(pk=own.pk)
    draft.title = f"Entente {OWN_DRAFT}"
    draft.save_revision()
    client = Client(raise_request_exception=False)  # a 500 is a finding like a leak
    client.force_login(role_user(MUNICIPAL_PARTNERS, "partenaire", organization=organization))
    client.own = own
    return client


def readable(response):
    """The body (an XLSX workbook's cells) and the messages the request left."""
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
        text = "\n".join(
            " ".join(str(cell) for cell in cells if cell is not None)
            for sheet in workbook.worksheets
            for cells in sheet.iter_rows(values_only=True)
        )
    elif response.streaming:
        text = b"".join(response.streaming_content).decode("utf-8", "replace")
    else:
        text = response.content.decode("utf-8", "replace")
    return text + "\n".join(str(message) for message in get_messages(response.wsgi_request))


def admin_surfaces(world, partner):
    """``[(name, url)]``: every admin side road, for every page of the world."""
    pages = [*world.pages.values(), world.control, world.control_brief, world.control_agreement, partner.own]
    indexes = [page.get_parent() for page in pages]
    task_state = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).first()
    surfaces = []
    for secret in [*SECRETS.values(), OWN_DRAFT]:
        # Searched with its case swapped: the search box echoes the query, which must not count.
        word = secret.swapcase()
        surfaces += [
            (f"page chooser search {word}", reverse("wagtailadmin_choose_page_search") + f"?q={word}"),
            (f"page search {word}", reverse("wagtailadmin_pages:search") + f"?q={word}"),
            (f"admin API search {word}", f"/admin/api/main/pages/?search={word}"),
            (f"image chooser search {word}", reverse("wagtailimages_chooser:choose_results") + f"?q={word}"),
            (f"document chooser search {word}", reverse("wagtaildocs_chooser:choose_results") + f"?q={word}"),
        ]
    for page in pages:
        for task in Task.objects.all():
            url = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk])
            surfaces.append((f"workflow preview of {page.pk} for {task.name}", url))
        for name in ("workflow_action", "collect_workflow_action_data"):
            url = reverse(f"wagtailadmin_pages:{name}", args=[page.pk, "approve", task_state.pk])
            surfaces.append((f"{name} of {page.pk}", url))
        for action in BULK_ACTIONS:
            surfaces.append(
                (f"bulk {action} {page.pk}", f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}")
            )
        surfaces.append((f"admin API page {page.pk}", f"/admin/api/main/pages/{page.pk}/"))
    for index in {index.pk: index for index in indexes}.values():
        surfaces += [
            (f"page chooser in {index.pk}", reverse("wagtailadmin_choose_page_child", args=[index.pk])),
            (
                f"bulk publish all in {index.pk}",
                f"/admin/bulk/wagtailcore/page/publish/?id=all&childOf={index.pk}",
            ),
            (f"admin API children of {index.pk}", f"/admin/api/main/pages/?child_of={index.pk}"),
        ]
    history = reverse("wagtailadmin_reports:site_history")
    surfaces += [
        ("site history", history),
        ("site history CSV", history + "?export=csv"),
        ("site history XLSX", history + "?export=xlsx"),
        ("page types report", reverse("wagtailadmin_reports:page_types_usage")),
        ("aging pages report", reverse("wagtailadmin_reports:aging_pages")),
        ("workflows report", reverse("wagtailadmin_reports:workflow")),
        ("workflow tasks report", reverse("wagtailadmin_reports:workflow_tasks")),
        ("dashboard", reverse("wagtailadmin_home")),
        ("image chooser", reverse("wagtailimages_chooser:choose")),
        ("document chooser", reverse("wagtaildocs_chooser:choose")),
    ]
    surfaces += [
        (f"localize API {model}", f"/admin/localize/api/snippets/{model}/") for model in SNIPPET_MODELS
    ]
    return surfaces


def test_a_partner_reads_no_other_draft_nor_testimony_anywhere_in_the_admin(world, partner):
    problems, own_draft_seen_on = [], set()
    for name, url in admin_surfaces(world, partner):
        response = partner.get(url)
        if response.status_code >= 500:
            problems.append(f"{name}: answers {response.status_code} ({url})")
            continue
        content = readable(response)
        problems += [
            f"{name}: shows the {secret} ({url})" for secret, word in SECRETS.items() if word in content
        ]
        if OWN_DRAFT in content:
            own_draft_seen_on.add(name.split(" ")[0] + " " + name.split(" ")[1])
    assert problems == [], "\n".join(problems)
    # Controls: the partner's own draft is named where it should be.
    assert {"page chooser", "admin API"} <= own_draft_seen_on, own_draft_seen_on


def test_the_secrets_are_in_the_admin_for_an_administrator(world, partner, django_user_model):
    """The same surfaces name the secrets to an administrator: their absence above means something."""
    administrator = Client()
    administrator.force_login(django_user_model.objects.get(username="admin", is_superuser=True))
    seen = set()
    for name, url in admin_surfaces(world, partner):
        if name.startswith(("page chooser search", "site history", "bulk publish")):
            content = readable(administrator.get(url))
            seen |= {secret for secret, word in SECRETS.items() if word in content}
    drafts = {"draft case file", "draft brief", "draft agreement", "new page in review"}
    revisions = {"revision in review of a live page", "draft revision of a live page"}
    assert drafts | revisions | {"reason for the withdrawal"} <= seen, seen
