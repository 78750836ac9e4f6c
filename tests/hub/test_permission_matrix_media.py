"""The permission matrix's media rows: every address of a file (original, rendition, document
view, document file, withdrawn file) against each role.

A file is public while a live, public page shows it. Otherwise only a user who may see it in the
admin gets it: editors, reviewers and partners choose the hub's media collection (their
previews of drafts show its images), and the withdrawn testimonies' files are the
administrators' alone. Anything else under MEDIA_ROOT is nobody's."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import TestCase

from impacts.models import CaseFileTestimony
from tests.factories import DocumentFactory, ImageFactory, TestimonyFactory
from tests.hub.test_permission_matrix import (
    HIDDEN,
    OK,
    MatrixChecks,
    build_objects,
    document_file,
    row,
)


def file_of(name):
    """The /media/ address of the object ``name``'s stored file."""
    return lambda o: settings.MEDIA_URL + getattr(o, name).file.name


def rendition_of(name):
    return lambda o: getattr(o, name).get_rendition("width-120").url


def media_path(path):
    return lambda o: settings.MEDIA_URL + path


ADMIN_ONLY = (HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK)
HUB_MEDIA_USERS = (HIDDEN, OK, OK, OK, OK)
EVERYONE = (OK, OK, OK, OK, OK)
NOBODY = (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN)

# fmt: off
#                                                                anonymous editor reviewer partner admin
MEDIA_MATRIX = [
    # --- Shown by the live case file.
    row("original of a page's image", file_of("image"), *EVERYONE),
    row("rendition of a page's image", rendition_of("image"), *EVERYONE),
    row("file of a page's document", file_of("document"), *EVERYONE),
    # --- Used by no live page: an upload, or a script's import.
    row("original of an unused image", file_of("unused_image"), *HUB_MEDIA_USERS),
    row("rendition of an unused image", rendition_of("unused_image"), *HUB_MEDIA_USERS),
    row("document view of an unused document", document_file("unused_document"), *HUB_MEDIA_USERS),
    row("file of an unused document", file_of("unused_document"), *HUB_MEDIA_USERS),
    row("public API: unused image", lambda o: f"/api/v2/images/{o.unused_image.pk}/", *NOBODY),
    row("public API: unused document", lambda o: f"/api/v2/documents/{o.unused_document.pk}/", *NOBODY),
    # --- A testimony without consent, linked to the live case file by a script.
    row("original of an unconsented testimony's photo", file_of("unconsented_image"), *HUB_MEDIA_USERS),
    row("rendition of an unconsented testimony's photo", rendition_of("unconsented_image"),
        *HUB_MEDIA_USERS),
    row("document view of an unconsented testimony's letter", document_file("unconsented_document"),
        *HUB_MEDIA_USERS),
    row("public API: unconsented testimony's photo",
        lambda o: f"/api/v2/images/{o.unconsented_image.pk}/", *NOBODY),
    # --- Withdrawn: under /media/withdrawn/<uuid>, in the administrators' collection.
    row("original of a withdrawn photo", file_of("withdrawn_image"), *ADMIN_ONLY),
    row("rendition of a withdrawn photo", rendition_of("withdrawn_image"), *ADMIN_ONLY),
    row("file of a withdrawn letter", file_of("withdrawn_document"), *ADMIN_ONLY),
    # --- Files that are no image or document, and paths out of MEDIA_ROOT.
    row("stray file under MEDIA_ROOT", lambda o: settings.MEDIA_URL + o.stray_file, *NOBODY),
    row("path out of MEDIA_ROOT", media_path("../pyproject.toml"), *NOBODY),
    row("encoded path out of MEDIA_ROOT", media_path("%2e%2e/pyproject.toml"), *NOBODY),
]
# fmt: on


class MediaPermissionMatrixTests(MatrixChecks, TestCase):
    matrix = MEDIA_MATRIX

    @classmethod
    def setUpTestData(cls):
        o = build_objects()
        o.unused_image = ImageFactory(title="Image jamais utilisée")
        o.unused_document = DocumentFactory(title="Document jamais utilisé")
        o.unconsented_image = ImageFactory(title="Photo sans consentement")
        o.unconsented_document = DocumentFactory(title="Lettre sans consentement")
        unconsented = TestimonyFactory(
            image=o.unconsented_image,
            image_alt="Une photo",
            document=o.unconsented_document,
            consent_collected_by="",
            consent_collected_on=None,
            consent_web=False,
        )
        CaseFileTestimony.objects.create(page=o.casefile, testimony=unconsented)
        o.stray_file = default_storage.save("notes/inventaire.txt", ContentFile(b"inventaire"))
        cls.o = o
