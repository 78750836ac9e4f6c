"""Backup, then restore into an empty database and media folder: every public answer is the same,
byte for byte — pages, the items API, the search (HTML, JSON, CSV), feeds, citations, sitemaps,
open data, images and documents — and what no public answer shows (drafts, private pages,
accounts, consent records, a withdrawn testimony and its moved files) is back too.

The answers are fetched by the crawler of ``scripts/public_outputs.py``, which follows every
same-site link from the entry points below and normalises what is random on each build (the open
data generation id, ETags). What the restore regenerates is dated as the first build was: the
clock is set back to the same moment before each open-data build, and the open data files (whose
modification time is their Last-Modified) are given the same time."""

import io
import os
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from hub.data_folder import open_data_root
from impacts import models as impacts_models
from impacts.testimonies import withdraw_testimony
from open_data.build import build_open_data
from scripts.public_outputs import Crawler, diff, public_ids
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DocumentFactory,
    GlossaryTermFactory,
    ImageFactory,
    PageViewRestrictionFactory,
    TestimonyFactory,
    show_testimony,
    site_skeleton,
    translate_page,
)
from tests.operations.test_backup import hubs, media_files, media_root  # noqa: F401 (fixtures)

OPEN_DATA_TIME = datetime(2026, 6, 1, 12, tzinfo=UTC)
ENTRY_POINTS = [
    "/",
    "/fr/",
    "/en/",
    "/robots.txt",
    "/sitemap.xml",
    "/fr/recherche/?q=algorithme",
    "/en/search/?service=sante&region=montreal",
    "/fr/recherche/flux/?q=algorithme",
    "/api/v1/search/?q=algorithme",
    "/api/v1/search/?locale=en&sort=title",
    "/api/v1/search/?service=habitation&sort=oldest",
    "/api/v1/casefiles.csv",
    "/api/v1/casefiles.csv?q=algorithme",
    "/api/v2/pages/?limit=100&fields=*",
    "/api/v2/images/?limit=100",
    "/api/v2/documents/?limit=100",
]


def image_block(image):
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": "Un schéma fictif", "caption": "", "credit": ""},
    }


def build_hub():
    """Every item type, a translation, a draft, a private page, a glossary term, a testimony with
    its consent and a withdrawn one, images (in a body and a testimony) and a document."""
    site_skeleton()
    get_user_model().objects.create_superuser("chef", "chef@example.org", "password")
    GlossaryTermFactory(term="algorithme")
    housing = CaseFilePageFactory(
        title="Algorithme de tri des demandes de logement",
        services=["habitation", "sante"],
        risks=["discrimination"],
        body=[
            {"type": "paragraph", "value": "<p>Un algorithme classe les demandes.</p>"},
            image_block(ImageFactory()),
        ],
    )
    kept = TestimonyFactory(
        casefiles=[housing], image=ImageFactory(), image_alt="Une lettre", document=DocumentFactory()
    )
    withdrawn = TestimonyFactory(casefiles=[housing], image=ImageFactory(), image_alt="Une photo")
    show_testimony(housing, kept)
    housing = show_testimony(housing, withdrawn)
    withdraw_testimony(withdrawn, "La personne a changé d'avis.")
    translate_page(housing, title="Sorting algorithm for housing requests", summary="A fictional summary.")
    CaseFilePageFactory(title="Brouillon jamais publié", live=False)
    private = CaseFilePageFactory(title="Dossier réservé")
    PageViewRestrictionFactory(page=private)
    AdvocacyBriefPageFactory(title="Mémoire sur l'algorithme", citations=[housing])
    CollaborationAgreementPageFactory(title="Entente de codesign")


def build_open_data_at(clock):
    clock.moment = OPEN_DATA_TIME
    build_open_data(open_data_root())
    for path in open_data_root().rglob("*"):
        os.utime(path, (OPEN_DATA_TIME.timestamp(), OPEN_DATA_TIME.timestamp()))


def public_answers(folder):
    folder.mkdir()
    crawler = Crawler(folder)
    for url in ENTRY_POINTS:
        crawler.add(url)
    crawler.run()
    for public_id in public_ids(crawler):
        for url in (
            f"/api/v1/items/{public_id}/",
            f"/api/v1/items/{public_id}/?lang=en",
            f"/cite/{public_id}/",
        ):
            crawler.add(url)
    crawler.run()
    return crawler.done


def hidden_state(folder):
    """What the public answers do not show, which a restore must bring back all the same."""
    return {
        "users": sorted(get_user_model().objects.values_list("username", "email", "password")),
        "pages": sorted(Page.objects.values_list("pk", "title", "live", "has_unpublished_changes")),
        "revisions": Revision.objects.count(),
        "consents": sorted(
            impacts_models.Testimony.objects.values_list(
                "pk", "consent_collected_by", "withdrawal_contact", "withdrawn_at"
            )
        ),
        "images": sorted(get_image_model().objects.values_list("pk", "file", "collection__name")),
        "files": {name: (folder / name).read_bytes() for name in media_files(folder)},
    }


def test_every_public_answer_is_the_same_after_backup_and_restore(hubs, media_root, tmp_path, clock, capsys):  # noqa: F811
    build_hub()
    build_open_data_at(clock)
    before = public_answers(tmp_path / "before")
    hidden = hidden_state(media_root)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())

    hubs.fresh()  # an empty, migrated database
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    clock.moment = OPEN_DATA_TIME
    call_command("restore", str(archive), stdout=io.StringIO())
    for path in open_data_root().rglob("*"):
        os.utime(path, (OPEN_DATA_TIME.timestamp(), OPEN_DATA_TIME.timestamp()))

    after = public_answers(tmp_path / "after")
    assert len(before) > 100  # the crawl reached the whole site
    assert after == before  # the same requests, with the same statuses and types
    capsys.readouterr()
    assert diff(tmp_path / "before", tmp_path / "after") == 0, capsys.readouterr().out
    assert hidden_state(media_root) == hidden
