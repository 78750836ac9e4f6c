"""The automatic accessibility checks of a resource's files, on files made here: a tagged PDF
with a language and a title, an untagged one, a scanned one, one without a language, an
encrypted one, a damaged one, an Office file and a CSV. Expectations are read off how each
file was made, not from the checker."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from hub.roles import media_collection
from learning import document_checks
from learning.document_checks import check_bytes, check_document
from learning.models import LearningResourcePage, ResourceFile
from tests.factories import DocumentFactory, LearningResourcePageFactory, role_user
from tests.learning.sample_files import docx, encrypted_pdf, scanned_pdf, text_pdf


def results(report):
    return {check.key: check.passed for check in report.checks}


def test_a_tagged_pdf_with_language_title_and_text_passes_every_check():
    report = check_bytes(text_pdf(language="fr-CA", title="Guide fictif"))

    assert report.kind == "pdf"
    assert results(report) == {
        "readable": True,
        "not_encrypted": True,
        "tagged": True,
        "language": True,
        "title": True,
        "text": True,
    }
    assert report.passed
    with translation.override("en"):
        details = {check.key: str(check.detail) for check in report.checks}
    assert details["language"] == "Language: fr-CA."
    assert details["title"] == "Title: Guide fictif."


def test_an_untagged_pdf_without_language_fails_those_two_checks_only():
    report = check_bytes(text_pdf(tagged=False, language=None))

    assert results(report) == {
        "readable": True,
        "not_encrypted": True,
        "tagged": False,
        "language": False,
        "title": True,
        "text": True,
    }
    assert not report.passed
    assert [check.key for check in report.failed_checks] == ["tagged", "language"]


def test_a_tagged_pdf_without_language_fails_on_language():
    report = check_bytes(text_pdf(language=None))

    assert [check.key for check in report.failed_checks] == ["language"]


def test_a_pdf_without_title_fails_on_title():
    report = check_bytes(text_pdf(title=None))

    assert [check.key for check in report.failed_checks] == ["title"]


def test_a_scanned_pdf_fails_on_tags_language_title_and_names_its_picture_page():
    report = check_bytes(scanned_pdf())

    assert report.kind == "pdf"
    assert [check.key for check in report.failed_checks] == ["tagged", "language", "title", "text"]
    text = next(check for check in report.checks if check.key == "text")
    assert text.data == {"pages": [1]}
    with translation.override("en"):
        assert str(text.detail).startswith("Pages that are pictures without text (scanned?): 1.")


def test_an_encrypted_pdf_is_a_clear_failure():
    report = check_bytes(encrypted_pdf())

    assert results(report) == {"readable": True, "not_encrypted": False}
    assert not report.passed
    with translation.override("en"):
        assert "encrypted" in str(report.failed_checks[0].detail)


def test_a_damaged_pdf_is_a_clear_failure():
    report = check_bytes(text_pdf()[:200])

    assert report.kind == "pdf"
    assert results(report) == {"readable": False}
    assert not report.passed


def test_an_office_file_cannot_be_checked_and_asks_for_an_alternative():
    report = check_bytes(docx())

    assert report.kind == "office"
    assert not report.passed
    with translation.override("en"):
        assert "provide an accessible alternative" in str(report.checks[0].detail)
    with translation.override("fr"):
        assert "fournissez une version accessible" in str(report.checks[0].detail)


def test_an_opendocument_file_is_office_too():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")

    assert check_bytes(buffer.getvalue()).kind == "office"


def test_another_zip_is_not_taken_for_an_office_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/une.txt", "fictif")

    report = check_bytes(buffer.getvalue())

    assert report.kind == "other"
    assert not report.passed


def test_an_old_binary_office_file_is_office_too():
    assert check_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100).kind == "office"


def test_a_csv_is_accessible_as_text():
    report = check_bytes(b"commune;services\nSombrelac;3\n")

    assert report.kind == "text"
    assert report.passed


def test_the_kind_comes_from_the_content_not_the_name(db):
    """A Word file renamed ``.pdf`` is still an Office file."""
    document = DocumentFactory(file=ContentFile(docx(), name="guide.pdf"))

    assert check_document(document).kind == "office"


def test_a_documents_report_is_cached_by_its_content(db, monkeypatch):
    content = text_pdf()
    document = DocumentFactory(file=ContentFile(content, name="guide.pdf"))
    twin = DocumentFactory(file=ContentFile(content, name="copie.pdf"))
    first = check_document(document)
    calls = []
    real = document_checks.check_bytes
    monkeypatch.setattr(
        document_checks, "check_bytes", lambda content: calls.append(content) or real(content)
    )

    assert check_document(document) == first
    assert check_document(twin) == first
    assert calls == []
    other = DocumentFactory(file=ContentFile(scanned_pdf(), name="scan.pdf"))
    check_document(other)
    assert len(calls) == 1


@pytest.mark.parametrize("key", sorted(document_checks.LABELS))
def test_every_check_has_a_french_label(key):
    with translation.override("fr"):
        french = str(document_checks.LABELS[key])
    with translation.override("en"):
        english = str(document_checks.LABELS[key])
    assert french != english


def admin_client():
    client = Client()
    client.force_login(role_user(None, "admin"))
    return client


def test_the_document_edit_view_shows_the_report(db):
    scanned = DocumentFactory(file=ContentFile(scanned_pdf(), name="affiche.pdf"))
    accessible = DocumentFactory(file=ContentFile(text_pdf(), name="guide.pdf"))
    client = admin_client()

    with translation.override("en"):
        failing = client.get(reverse("wagtaildocs:edit", args=[scanned.pk]), HTTP_ACCEPT_LANGUAGE="en")
        passing = client.get(reverse("wagtaildocs:edit", args=[accessible.pk]), HTTP_ACCEPT_LANGUAGE="en")

    failing, passing = failing.content.decode(), passing.content.decode()
    assert "Accessibility of this file" in failing
    assert "Not accessible as it is." in failing
    assert "Pages that are pictures without text (scanned?): 1." in failing
    assert "Accessible as far as can be checked automatically." in passing
    assert "Not accessible" not in passing


def test_the_resource_editor_shows_each_files_report(site_pages):
    page = LearningResourcePageFactory(live=False)
    page = LearningResourcePage.objects.get(pk=page.pk)
    page.files = [
        ResourceFile(
            document=DocumentFactory(file=ContentFile(docx(), name="cartes.docx")), label="Les cartes"
        )
    ]
    page.save_revision()

    with translation.override("en"):
        response = admin_client().get(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), HTTP_ACCEPT_LANGUAGE="en"
        )

    assert response.status_code == 200
    assert "This kind of file cannot be checked automatically: provide an accessible alternative." in (
        response.content.decode()
    )


def test_uploading_a_pdf_shows_its_report_at_once(db):
    """Wagtail's upload page answers each file with its edit form: the report comes with it."""
    upload = SimpleUploadedFile("affiche-scannee.pdf", scanned_pdf(), content_type="application/pdf")

    with translation.override("en"):
        response = admin_client().post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": upload, "collection": media_collection().pk},
            HTTP_ACCEPT_LANGUAGE="en",
        )

    assert response.status_code == 200, response.content[:500]
    form = response.json()["form"]
    assert "Accessibility of this file" in form
    assert "Not accessible as it is." in form
    assert "No</strong>: Tagged (a structure screen readers can follow)." in form


def test_a_document_whose_file_is_lost_counts_as_unreadable(db):
    document = DocumentFactory(file=ContentFile(text_pdf(), name="perdu.pdf"))
    document.file.storage.delete(document.file.name)
    type(document).objects.filter(pk=document.pk).update(file_hash="")
    document.refresh_from_db()

    report = check_document(document)

    assert results(report) == {"readable": False}
    assert not report.passed
