"""The toolkit's ZIP: its public resources in order with their files and recordings, a table
of contents in HTML and PDF, rebuilt when a member changes, without drafts or private members;
no ZIP for an unpublished toolkit; no link on a kiosk."""

import io
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation
from django.utils.html import escape
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from learning.document_checks import check_bytes
from learning.models import LearningResourcePage, ResourceFile, ToolkitPage
from learning.toolkit_zip import FOLDER
from tests.factories import (
    DocumentFactory,
    LearningMediaFactory,
    LearningResourcePageFactory,
    ToolkitPageFactory,
    index_page,
)
from tests.learning.sample_files import text_pdf

pytestmark = pytest.mark.django_db


def with_file(page, content, name, label):
    page = LearningResourcePage.objects.get(pk=page.pk)
    page.files.add(ResourceFile(document=DocumentFactory(file=ContentFile(content, name=name)), label=label))
    page.save_revision().publish()
    return LearningResourcePage.objects.get(pk=page.pk)


@pytest.fixture
def toolkit(site_pages):
    guide = with_file(
        LearningResourcePageFactory(title="Guide de l'animatrice", duration_minutes=20),
        text_pdf(),
        "guide-animatrice.pdf",
        "Le guide à imprimer",
    )
    podcast = LearningResourcePageFactory(
        title="Balado sur les algorithmes",
        recording=LearningMediaFactory(
            title="Épisode fictif", transcript_fr="Transcription fictive du balado."
        ),
    )
    cards = with_file(
        LearningResourcePageFactory(title="Cartes-questions"),
        b"carte;question\n1;Qu'est-ce qu'une IA?\n",
        "cartes.csv",
        "Les cartes",
    )
    draft = LearningResourcePageFactory(title="Affiche brouillon Sombrelac", live=False)
    private = with_file(
        LearningResourcePageFactory(title="Quiz privé Clairbois"),
        b"secret;prive\n",
        "quiz-prive.csv",
        "Le quiz",
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    page = ToolkitPageFactory(
        title="Animer un atelier IA à la bibliothèque",
        members=[guide, draft, podcast, private, cards],
        duration_minutes=90,
    )
    page = ToolkitPage.objects.get(pk=page.pk)
    for member, note in zip(
        page.members.all(), ["À lire avant", "", "Minute 30", "", "Minute 10"], strict=True
    ):
        member.note = note
        member.save()
    return page


def stored_filename(title_start):
    """The name the storage gave the resource's file (it adds a suffix when the name is taken)."""
    return LearningResourcePage.objects.get(title__startswith=title_start).files.first().document.filename


def download(page):
    response = Client().get(page.url + "zip/")
    assert response.status_code == 200, response
    return response, zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_the_public_members_in_order_with_their_files(toolkit):
    response, archive = download(toolkit)

    names = archive.namelist()
    folders = sorted({name.split("/")[0] for name in names if "/" in name})
    assert folders == [
        f"01-{LearningResourcePage.objects.get(title__startswith='Guide').slug}",
        f"02-{LearningResourcePage.objects.get(title__startswith='Balado').slug}",
        f"03-{LearningResourcePage.objects.get(title__startswith='Cartes').slug}",
    ]
    assert f"{folders[0]}/{stored_filename('Guide')}" in names
    assert stored_filename("Guide").startswith("guide-animatrice")
    assert f"{folders[1]}/transcript-fr.txt" in names
    assert any(name.startswith(f"{folders[1]}/") and name.endswith(".ogg") for name in names)
    assert f"{folders[2]}/{stored_filename('Cartes')}" in names
    assert archive.read(f"{folders[1]}/transcript-fr.txt").decode() == "Transcription fictive du balado."
    assert {"contents.html", "contents.pdf"} <= set(names)
    assert not any("prive" in name or "sombrelac" in name.lower() for name in names)
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert re.search(
        rf'filename="{toolkit.public_id}-animer-un-atelier-ia-a-la-bibliotheque\.zip"', disposition
    )
    assert toolkit.public_id.startswith("TK-")


def test_the_html_contents_list_the_resources_in_order_with_links(toolkit):
    _response, archive = download(toolkit)
    html = archive.read("contents.html").decode()

    assert '<html lang="fr">' in html
    assert "<h1>Animer un atelier IA à la bibliothèque</h1>" in html
    assert escape(toolkit.purpose) in html
    positions = [
        html.index(title) for title in ("Guide de l&#x27;animatrice", "Balado sur", "Cartes-questions")
    ]
    assert positions == sorted(positions)
    assert "Sombrelac" not in html and "Clairbois" not in html
    guide = LearningResourcePage.objects.get(title__startswith="Guide")
    assert f'href="01-{guide.slug}/{stored_filename("Guide")}"' in html
    assert f'href="{guide.full_url}"' in html
    assert "À lire avant" in html and "Minute 10" in html
    assert "CC BY 4.0" in html
    assert "20 minutes" in html
    # Every file the contents link to is in the archive.
    for link in re.findall(r'href="(\d\d-[^"]+)"', html):
        assert link in archive.namelist()


def test_the_pdf_contents_are_real_text_with_title_and_language_and_pass_the_checks(toolkit):
    _response, archive = download(toolkit)
    pdf = archive.read("contents.pdf")
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)

    assert reader.metadata.title == "Animer un atelier IA à la bibliothèque"
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "Balado sur les algorithmes" in text and "Sombrelac" not in text
    assert check_bytes(pdf).passed
    assert "contents.pdf passes the automatic checks" in archive.read("contents.html").decode() or (
        "contents.pdf réussit" in archive.read("contents.html").decode()
    )


def stored_archives(toolkit):
    _folders, names = default_storage.listdir(FOLDER)
    return [name for name in names if name.startswith(f"{toolkit.public_id}-fr-")]


def test_a_members_new_publication_rebuilds_the_zip_and_drops_the_old_one(toolkit):
    _response, archive = download(toolkit)
    first = stored_archives(toolkit)
    download(toolkit)
    assert stored_archives(toolkit) == first

    cards = LearningResourcePage.objects.get(title__startswith="Cartes")
    cards.title = "Cartes d'activités, deuxième édition"
    cards.save_revision().publish()
    _response, archive = download(ToolkitPage.objects.get(pk=toolkit.pk))

    assert "deuxième édition" in archive.read("contents.html").decode()
    assert len(stored_archives(toolkit)) == 1 and stored_archives(toolkit) != first


def test_a_members_draft_stays_out_of_the_zip(toolkit):
    download(toolkit)
    cards = LearningResourcePage.objects.get(title__startswith="Cartes")
    cards.title = "Cartes brouillon Brumeval"
    cards.save_revision()

    _response, archive = download(ToolkitPage.objects.get(pk=toolkit.pk))

    assert "Brumeval" not in archive.read("contents.html").decode()


def test_an_unpublished_or_private_toolkit_has_no_zip(toolkit):
    url = toolkit.url + "zip/"
    PageViewRestriction.objects.create(page=toolkit, restriction_type="login")
    assert Client().get(url).status_code in (302, 401, 403)
    toolkit.unpublish()

    assert Client().get(url).status_code == 404


def test_the_download_link_names_its_size_and_is_hidden_on_a_kiosk(toolkit):
    with translation.override("en"):
        shown = render_to_string("learning/includes/toolkit_download.html", {"page": toolkit, "kiosk": False})
        kiosk = render_to_string("learning/includes/toolkit_download.html", {"page": toolkit, "kiosk": True})

    assert f'href="{toolkit.url}zip/"' in shown
    size = default_storage.size(f"{FOLDER}/{stored_archives(toolkit)[0]}")
    assert re.search(r"Download the whole toolkit \(ZIP, [\d.,]+\xa0(bytes|KB)\)", shown)
    assert size > 0
    assert "zip/" not in kiosk and "Download" not in kiosk


def test_an_untranslated_toolkit_served_by_the_other_languages_index_still_serves(toolkit, monkeypatch):
    """The other language's index serves the French toolkit itself (the toolkit page's own
    template belongs to the pages' work: a template that shows the page stands in for it)."""
    monkeypatch.setattr(ToolkitPage, "template", "learning/includes/toolkit_download.html")
    english_index = index_page("learning.ToolkitIndexPage", "en")

    response = Client().get(f"{english_index.url}{toolkit.public_id}/")

    assert response.status_code == 200
    assert f'href="{toolkit.url}zip/"' in response.content.decode()
