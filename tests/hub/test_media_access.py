"""Images and documents are public only while a live, public page shows them, and a testimony's
files only while a published case file shows that testimony with consent to the web. Every road
to a file is checked: Wagtail's API v2 (list, detail, search), the document view, and the
``/media/`` paths of originals, renditions, documents and withdrawn files."""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.models import PageViewRestriction

from hub.data_folder import open_data_root, open_data_url
from hub.media_access import public_media
from hub.roles import COMMUNITY_EDITORS
from impacts import models as impacts_models
from impacts.models import CaseFilePage, CaseFileTestimony
from impacts.testimonies import withdraw_testimony
from open_data import files
from open_data.build import build_open_data
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    DocumentFactory,
    ImageFactory,
    TestimonyFactory,
    role_user,
)

pytestmark = pytest.mark.django_db

EMPTY_CONSENT = {
    "consent_collected_by": "",
    "consent_collected_on": None,
    "consent_text_version": "",
    "consent_language": "",
    "consent_web": False,
    "consent_exports": False,
    "withdrawal_contact": "",
    "retention_until": None,
}
COMPLETE_CONSENT = {
    field: getattr(TestimonyFactory, field)
    for field in ("consent_collected_by", "consent_text_version", "consent_language", "withdrawal_contact")
} | {
    "consent_collected_on": TestimonyFactory.consent_collected_on,
    "retention_until": TestimonyFactory.retention_until,
    "consent_web": True,
}


def fetch(url, user=None, **params):
    """A GET by a fresh visitor, or by ``user`` when given."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(url, params)


def media_url(field_file):
    return settings.MEDIA_URL + field_file.name


def image_block(image, alt="Une image fictive"):
    return {"type": "image", "value": {"image": image.pk, "alt_text": alt, "caption": "", "credit": ""}}


def image_urls(image):
    """Every address of ``image``: API detail, original, and a rendition."""
    rendition = image.get_rendition("width-480")
    return {
        "API image": f"/api/v2/images/{image.pk}/",
        "original": media_url(image.file),
        "rendition": rendition.url,
    }


def document_urls(document):
    return {
        "API document": f"/api/v2/documents/{document.pk}/",
        "document view": reverse("wagtaildocs_serve", args=[document.pk, document.filename]),
        "document file": media_url(document.file),
    }


def statuses(urls, user=None):
    return {name: fetch(url, user).status_code for name, url in urls.items()}


def listed_ids(endpoint, **params):
    response = fetch(f"/api/v2/{endpoint}/", limit=100, **params)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


@pytest.fixture
def unconsented(site_pages):
    """A photo and a letter on a testimony whose consent record is empty, linked to a live case
    file by an ORM script (past the publication guard)."""
    image = ImageFactory(title="Photo du témoin")
    document = DocumentFactory(title="Lettre du témoin")
    testimony = TestimonyFactory(image=image, image_alt="Une lettre", document=document, **EMPTY_CONSENT)
    casefile = CaseFilePageFactory(title="Dossier avec un témoignage")
    CaseFileTestimony.objects.create(page=casefile, testimony=testimony)
    return SimpleNamespace(image=image, document=document, testimony=testimony, casefile=casefile)


def give_consent_and_publish(world):
    testimonies = impacts_models.Testimony.objects
    testimonies.filter(pk=world.testimony.pk).update(**COMPLETE_CONSENT)
    testimony = testimonies.get(pk=world.testimony.pk)
    testimony.consent_casefiles.set([world.casefile])
    testimony.save()
    page = CaseFilePage.objects.get(pk=world.casefile.pk)
    page.save_revision().publish()


def test_testimony_files_without_consent_answer_404_everywhere(unconsented):
    urls = image_urls(unconsented.image) | document_urls(unconsented.document)

    assert set(statuses(urls).values()) == {404}, statuses(urls)
    assert unconsented.image.pk not in listed_ids("images", fields="*")
    assert unconsented.document.pk not in listed_ids("documents", fields="*")


def test_testimony_files_are_served_once_consent_is_complete_and_the_case_file_published(unconsented):
    give_consent_and_publish(unconsented)
    urls = image_urls(unconsented.image) | document_urls(unconsented.document)

    assert set(statuses(urls).values()) == {200}, statuses(urls)
    assert unconsented.image.pk in listed_ids("images", fields="*")
    assert unconsented.document.pk in listed_ids("documents", fields="*")
    page_html = fetch(unconsented.casefile.url).content.decode()
    assert unconsented.image.get_rendition("width-480").url in page_html


def test_withdrawn_testimony_files_answer_404_at_old_and_new_addresses(unconsented):
    give_consent_and_publish(unconsented)
    old_urls = image_urls(unconsented.image) | document_urls(unconsented.document)
    assert set(statuses(old_urls).values()) == {200}

    withdraw_testimony(unconsented.testimony, "La personne a changé d'avis.")
    unconsented.image.refresh_from_db()
    unconsented.document.refresh_from_db()
    new_urls = image_urls(unconsented.image) | document_urls(unconsented.document)

    assert unconsented.image.file.name.startswith("withdrawn/")
    assert default_storage.exists(unconsented.image.file.name)
    assert set(statuses(old_urls).values()) == {404}, statuses(old_urls)
    assert set(statuses(new_urls).values()) == {404}, statuses(new_urls)
    assert unconsented.image.pk not in listed_ids("images")
    assert unconsented.document.pk not in listed_ids("documents")


def test_a_testimony_shown_only_on_a_private_case_file_keeps_its_files_private(unconsented):
    give_consent_and_publish(unconsented)
    PageViewRestriction.objects.create(page=unconsented.casefile, restriction_type="login")

    urls = image_urls(unconsented.image) | document_urls(unconsented.document)
    assert set(statuses(urls).values()) == {404}, statuses(urls)


def test_an_image_used_only_by_a_draft_is_served_once_published(site_pages):
    image = ImageFactory(title="Image du brouillon")
    document = DocumentFactory(title="Mémoire en PDF")
    casefile = CaseFilePageFactory(live=False, body=[image_block(image)])
    brief = AdvocacyBriefPageFactory(live=False, pdf=document)
    urls = image_urls(image) | document_urls(document)
    assert set(statuses(urls).values()) == {404}, statuses(urls)

    casefile.get_latest_revision().publish()
    brief.get_latest_revision().publish()

    assert set(statuses(urls).values()) == {200}, statuses(urls)


def test_an_image_in_a_draft_revision_of_a_live_page_stays_private(site_pages):
    image = ImageFactory(title="Image du brouillon")
    page = CaseFilePageFactory()
    draft = CaseFilePage.objects.get(pk=page.pk)
    draft.body = [image_block(image)]
    draft.save_revision()

    assert set(statuses(image_urls(image)).values()) == {404}


def test_unpublishing_or_restricting_the_page_makes_its_image_private_again(site_pages):
    image = ImageFactory(title="Image publique")
    page = CaseFilePageFactory(body=[image_block(image)])
    urls = image_urls(image)
    assert set(statuses(urls).values()) == {200}

    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert set(statuses(urls).values()) == {404}, statuses(urls)

    PageViewRestriction.objects.filter(page=page).delete()
    CaseFilePage.objects.get(pk=page.pk).unpublish()
    assert set(statuses(urls).values()) == {404}, statuses(urls)


def test_an_image_created_by_a_script_and_never_used_answers_404(site_pages):
    image = ImageFactory(title="Image orpheline")
    document = DocumentFactory(title="Document orphelin")

    urls = image_urls(image) | document_urls(document)
    assert set(statuses(urls).values()) == {404}, statuses(urls)
    assert listed_ids("images") == set()
    assert listed_ids("documents") == set()


def test_an_editor_sees_the_image_of_a_draft_in_preview(site_pages):
    image = ImageFactory(title="Image du brouillon")
    page = CaseFilePageFactory(live=False, body=[image_block(image)])
    editor = role_user(COMMUNITY_EDITORS, "editrice")

    preview = fetch(reverse("wagtailadmin_pages:view_draft", args=[page.pk]), editor)
    rendition_url = image.renditions.filter(filter_spec="width-400").get().url

    assert preview.status_code == 200
    assert rendition_url in preview.content.decode()
    assert fetch(rendition_url, editor).status_code == 200
    assert fetch(rendition_url, editor)["Cache-Control"] == "private, no-store"
    assert fetch(rendition_url).status_code == 404


def test_an_editor_does_not_get_a_withdrawn_file(unconsented):
    withdraw_testimony(unconsented.testimony, "La personne a changé d'avis.")
    unconsented.image.refresh_from_db()
    editor = role_user(COMMUNITY_EDITORS, "editrice")
    admin = role_user(None, "administratrice")

    assert fetch(media_url(unconsented.image.file), editor).status_code == 404
    assert fetch(media_url(unconsented.image.file), admin).status_code == 200


def test_open_data_is_served_and_other_files_under_media_root_are_not(site_pages):
    CaseFilePageFactory(title="Dossier ouvert")
    build_open_data()
    manifest = fetch(open_data_url() + files.MANIFEST_JSON)
    default_storage.save("notes/perdu.txt", ContentFile(b"perdu"))

    assert manifest.status_code == 200
    assert files.DATA_JSON in b"".join(manifest.streaming_content).decode()
    assert fetch(settings.MEDIA_URL + "notes/perdu.txt").status_code == 404
    assert fetch(settings.MEDIA_URL + "../manage.py").status_code == 404
    assert fetch(open_data_url() + "../notes/perdu.txt").status_code == 404


def test_the_open_data_builder_s_own_state_is_never_served(site_pages):
    """The stale mark names the items a change touched (a page just made private among them),
    the lock and staging folders are the builder's: none of them is a published file."""
    CaseFilePageFactory(title="Dossier ouvert")
    build_open_data()
    root = open_data_root()
    files.mark_stale(root, public_ids=["DC-2026-9999"], everything=False)
    state = files.state_folder(root)
    names = sorted(path.relative_to(root).as_posix() for path in state.rglob("*") if path.is_file())

    assert names, "the builder keeps files in its state folder"
    for name in names:
        assert fetch(open_data_url() + name).status_code == 404, name
    assert fetch(open_data_url() + files.MANIFEST_JSON).status_code == 200


def test_production_hands_the_bytes_to_the_web_server(site_pages, settings):
    settings.MEDIA_ACCEL_REDIRECT_PREFIX = "/internal-media/"
    image = ImageFactory(title="Image publique")
    document = DocumentFactory(title="Mémoire public")
    CaseFilePageFactory(body=[image_block(image)])
    AdvocacyBriefPageFactory(pdf=document)
    hidden = ImageFactory(title="Image cachée")

    original = fetch(media_url(image.file))
    served_document = fetch(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))

    assert original.status_code == 200
    assert original["X-Accel-Redirect"] == "/internal-media/" + image.file.name
    assert original.content == b""
    assert original["Content-Type"].startswith("image/")
    assert served_document["X-Accel-Redirect"] == "/internal-media/" + document.file.name
    assert served_document.content == b""
    assert served_document["Content-Type"] == "application/pdf"
    refused = fetch(media_url(hidden.file))
    assert refused.status_code == 404
    assert not refused.has_header("X-Accel-Redirect")


def test_the_rule_costs_the_same_queries_however_many_pages_use_images(site_pages):
    image = ImageFactory(title="Image publique")
    CaseFilePageFactory(body=[image_block(image)])
    url = image.get_rendition("width-480").url

    def queries(action):
        with CaptureQueriesContext(connection) as captured:
            action()
        return len(captured)

    def serve():
        assert fetch(url).status_code == 200

    def list_public():
        return list(public_media(Image.objects.all()))

    served, listed = queries(serve), queries(list_public)
    for _number in range(8):
        CaseFilePageFactory(body=[image_block(ImageFactory()), image_block(ImageFactory())])

    assert len(list_public()) == 17
    assert queries(serve) == served
    assert queries(list_public) == listed


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("query", ['"', 'a "b', '"a" "b'])
def test_an_unclosed_quote_in_a_search_is_a_400_naming_the_parameter(site_pages, endpoint, query):
    CaseFilePageFactory(title="Dossier public", body=[image_block(ImageFactory(title="a b"))])

    response = fetch(f"/api/v2/{endpoint}/", search=query)

    assert response.status_code == 400, response.content
    assert response.json()["message"].startswith("search")


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("query", ['"a b"', "(", "NOT", "*", "a OR", "'", "-a"])
def test_other_searches_are_answered(site_pages, endpoint, query):
    CaseFilePageFactory(title="Dossier public", body=[image_block(ImageFactory(title="a b"))])

    assert fetch(f"/api/v2/{endpoint}/", search=query).status_code == 200
