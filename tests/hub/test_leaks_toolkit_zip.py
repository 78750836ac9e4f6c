"""The toolkit's ZIP leaks nothing, and its permission rows: whoever asks (a visitor, an
editor, a reviewer, an administrator), the ZIP is the public toolkit's and holds only its live,
public resources at their live version; a toolkit that is not live has no ZIP, not even for an
administrator (drafts are previewed in the admin, not downloaded); a private toolkit's ZIP
needs a login like its page; the stored archives have no ``/media/`` address. A resource's
files follow the media rule: public while the live public resource offers them.

Each secret carries a word found nowhere else; the control (a public member's title and file)
must be in the ZIP, so that an empty answer cannot pass for one leaking nothing."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from wagtail.models import PageViewRestriction

from learning.models import LearningResourcePage, ResourceFile, ToolkitPage
from learning.toolkit_zip import toolkit_archive
from tests.factories import (
    DocumentFactory,
    LearningResourcePageFactory,
    ToolkitPageFactory,
    role_user,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "editor", "reviewer", "admin")
SECRETS = {
    "title of a draft member": "Brouillonmauve",
    "file of a draft member": "fichierbrouillon",
    "title of a private member": "Priveorange",
    "file of a private member": "fichierprive",
    "draft revision of a public member": "Revisionverte",
    "file only in that draft revision": "fichierrevision",
}
CONTROLS = ("Controlebleu", "fichiercontrole")


def client_for(role):
    client = Client()
    if role != "anonymous":
        group = {"editor": "Community editors", "reviewer": "Reviewers", "admin": None}[role]
        client.force_login(role_user(group, f"{role}-zip"))
    return client


def resource(title, file_word, live=True):
    page = LearningResourcePageFactory(title=title, live=False)
    page = LearningResourcePage.objects.get(pk=page.pk)
    page.files = [file_of(file_word)]
    revision = page.save_revision()
    if live:
        revision.publish()
    return LearningResourcePage.objects.get(pk=page.pk)


def file_of(word):
    document = DocumentFactory(title=word, file=ContentFile(f"{word};texte\n".encode(), name=f"{word}.csv"))
    return ResourceFile(document=document, label=f"Fichier {word}")


@pytest.fixture
def toolkits(site_pages):
    control = resource(f"Fiche {CONTROLS[0]}", CONTROLS[1])
    draft = resource(
        f"Fiche {SECRETS['title of a draft member']}", SECRETS["file of a draft member"], live=False
    )
    private = resource(f"Fiche {SECRETS['title of a private member']}", SECRETS["file of a private member"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    revised = resource("Fiche révisée", "fichierpublie")
    revised.title = f"Fiche {SECRETS['draft revision of a public member']}"
    revised.files.add(file_of(SECRETS["file only in that draft revision"]))
    revised.save_revision()
    members = [control, draft, private, revised]
    public = ToolkitPageFactory(title="Trousse publique", members=members)
    unpublished = ToolkitPageFactory(title="Trousse brouillon", members=members, live=False)
    restricted = ToolkitPageFactory(title="Trousse privée", members=members)
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    return {
        "public": public,
        "unpublished": unpublished,
        "restricted": restricted,
        "draft_member": draft,
        "control": control,
    }


def zip_url(page):
    return ToolkitPage.objects.get(pk=page.pk).url + "zip/"


def archive_text(response):
    """Every name and every file's content in the ZIP, as one text."""
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    contents = [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
    # The PDF's text is compressed: its words are checked through contents.html, its twin.
    return "\n".join([*archive.namelist(), *contents])


@pytest.mark.parametrize("role", ROLES)
def test_the_public_toolkits_zip_holds_the_controls_and_no_secret(toolkits, role):
    response = client_for(role).get(zip_url(toolkits["public"]))

    assert response.status_code == 200
    text = archive_text(response)
    for control in CONTROLS:
        assert control in text
    for label, secret in SECRETS.items():
        assert secret not in text, label


@pytest.mark.parametrize("role", ROLES)
def test_a_toolkit_that_is_not_live_has_no_zip_for_anyone(toolkits, role):
    assert client_for(role).get(zip_url(toolkits["unpublished"])).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_a_private_toolkits_zip_needs_a_login_like_its_page(toolkits, role):
    response = client_for(role).get(zip_url(toolkits["restricted"]))

    if role == "anonymous":
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == 200
        assert "Priveorange" not in archive_text(response)


@pytest.mark.parametrize("role", ROLES)
def test_stored_archives_have_no_media_address(toolkits, role):
    name = toolkit_archive(ToolkitPage.objects.get(pk=toolkits["public"].pk))
    assert default_storage.exists(name)

    assert client_for(role).get(settings.MEDIA_URL + name).status_code == 404


def test_a_draft_members_file_is_not_public_and_a_public_members_is(toolkits):
    draft_document = toolkits["draft_member"].get_latest_revision_as_object().files.first().document
    control_document = toolkits["control"].files.first().document

    assert Client().get(draft_document.url).status_code == 404
    assert Client().get(settings.MEDIA_URL + draft_document.file.name).status_code == 404
    assert Client().get(control_document.url).status_code == 200
