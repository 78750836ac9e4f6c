"""The leak test's media surfaces: every address of every image and document in the database
(API v2 detail, original, renditions, document view, document file, withdrawn files under
``/media/withdrawn/``) answers a visitor 404, except the files the published controls show,
which must answer 200 so that a surface answering nothing cannot pass for one leaking nothing.
The secrets are those of tests/hub/test_leaks.py plus files only drafts, draft revisions,
private pages, unconsented testimonies or scripts hold; their titles must not be listed or
found by the API either."""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import PageViewRestriction

from impacts.models import CaseFilePage, CaseFileTestimony
from tests.factories import CaseFilePageFactory, DocumentFactory, ImageFactory, TestimonyFactory
from tests.hub.test_leaks import CONTROL_DOCUMENT, CONTROL_IMAGE, fetch, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

CONTROL_PAGE_IMAGE = "Imagepagecontrole"
MEDIA_SECRETS = {
    "image of a draft case file": "Imagebrouillon",
    "image of a draft revision of a live page": "Imagerevision",
    "image of a private case file": "Imageprivee",
    "photo of a testimony without consent": "Photosansconsentement",
    "letter of a testimony without consent": "Lettresansconsentement",
    "image uploaded by a script, used nowhere": "Imageorpheline",
    "document uploaded by a script, used nowhere": "Documentorphelin",
}
SECRET_MEDIA_TITLES = ["Imageretiree", "Documentretire", *MEDIA_SECRETS.values()]


def image_block(image):
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": "Une image fictive", "caption": "", "credit": ""},
    }


@pytest.fixture
def media_world(world):  # noqa: F811 (the fixture imported above)
    """``world`` with a file behind each kind of secret, and a page image as a control."""
    CaseFilePageFactory(
        title="Dossier brouillon illustré",
        live=False,
        body=[image_block(ImageFactory(title="Imagebrouillon"))],
    )
    drafted = CaseFilePage.objects.get(pk=world.control.pk)
    drafted.body = [*drafted.body.raw_data, image_block(ImageFactory(title="Imagerevision"))]
    drafted.save_revision()
    private = CaseFilePageFactory(
        title="Dossier privé illustré", body=[image_block(ImageFactory(title="Imageprivee"))]
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    unconsented = TestimonyFactory(
        image=ImageFactory(title="Photosansconsentement"),
        image_alt="Une photo fictive",
        document=DocumentFactory(title="Lettresansconsentement"),
        consent_collected_by="",
        consent_web=False,
    )
    CaseFileTestimony.objects.create(page=world.control, testimony=unconsented)
    ImageFactory(title="Imageorpheline")
    DocumentFactory(title="Documentorphelin")
    CaseFilePageFactory(
        title="Dossier illustré public", body=[image_block(ImageFactory(title=CONTROL_PAGE_IMAGE))]
    )
    fetch(world.control.url)  # the control's photo has renditions, as after a visit
    return SimpleNamespace(controls={CONTROL_IMAGE, CONTROL_PAGE_IMAGE, CONTROL_DOCUMENT})


def addresses(instance):
    """Every address a visitor could try for ``instance``."""
    if isinstance(instance, Image):
        instance.get_rendition("width-160")
        urls = [f"/api/v2/images/{instance.pk}/", settings.MEDIA_URL + instance.file.name]
        return urls + [rendition.url for rendition in instance.renditions.all()]
    return [
        f"/api/v2/documents/{instance.pk}/",
        reverse("wagtaildocs_serve", args=[instance.pk, instance.filename]),
        settings.MEDIA_URL + instance.file.name,
    ]


def test_no_file_reaches_a_visitor_but_those_the_published_pages_show(media_world):
    media = [*Image.objects.all(), *Document.objects.all()]
    secret_titles = [instance.title for instance in media if instance.title not in media_world.controls]
    assert set(SECRET_MEDIA_TITLES) <= set(secret_titles)
    assert any(instance.file.name.startswith("withdrawn/") for instance in media)

    problems = []
    for instance in media:
        expected = 200 if instance.title in media_world.controls else 404
        for url in addresses(instance):
            status = fetch(url).status_code
            if status != expected:
                problems.append(f"{instance.title} at {url}: {status}, expected {expected}")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_the_api_lists_and_finds_only_the_controls_files(media_world, endpoint):
    listing = fetch(f"/api/v2/{endpoint}/", {"fields": "*", "limit": 100}).content.decode()
    problems = [f"lists {title}" for title in SECRET_MEDIA_TITLES if title in listing]
    for title in SECRET_MEDIA_TITLES:
        found = fetch(f"/api/v2/{endpoint}/", {"search": title}).json()["items"]
        if found:
            problems.append(f"finds {title}")
    controls = [CONTROL_IMAGE, CONTROL_PAGE_IMAGE] if endpoint == "images" else [CONTROL_DOCUMENT]
    problems += [f"does not list the control {title}" for title in controls if title not in listing]
    assert problems == [], "\n".join(problems)
