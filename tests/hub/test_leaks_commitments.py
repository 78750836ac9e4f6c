"""The leak test for commitments: those of a draft agreement, of a private and of a login-only
one, those a newer draft revision of a live agreement changes or adds, and their progress
updates (a draft update of a live commitment; published updates of the draft and the private
agreements' commitments) never reach a public surface: the agreement pages and the commitments' own pages (every number, both words), the
index, the home page, the search (HTML, JSON, feeds), the commitment tracker (its page, feed
and downloads), the items API and Wagtail's API v2,
``/cite/`` for the agreements and for each commitment's id in every format, the sitemap and
every open-data file.

As in tests/hub/test_leaks.py, each secret holds a word found nowhere else, and the published
control agreement's commitment must show on the same surfaces (its published update on its page
and in the items API), so a surface that answers nothing cannot pass."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from advocacy.models import CollaborationAgreementPage
from followup.models import CommitmentUpdate
from tests.factories import (
    CollaborationAgreementPageFactory,
    PageViewRestrictionFactory,
    commitment,
    progress_update,
)
from tests.hub.test_leaks import Surface, fetch, problems_on
from tests.hub.test_leaks_dialogues import open_data_surfaces_of
from tests.hub.test_leaks_register import (
    CITATION_FORMATS,
    Shown,
    outlet_surfaces,
    page_surfaces,
    search_surfaces,
)

pytestmark = pytest.mark.django_db

SECRETS = {
    "draft agreement's commitment": "Engagbrouillon",
    "draft agreement's commitment unit": "Unitebrouillon",
    "private agreement's commitment": "Engagprive",
    "login-only agreement's commitment": "Engagconnexion",
    "commitment changed by a draft revision": "Engagmodif",
    "commitment unit changed by a draft revision": "Unitemodif",
    "commitment added by a draft revision": "Engagajout",
    "draft progress update's note": "Notebrouillon",
    "draft progress update's evidence title": "Preuvebrouillon",
    "draft progress update's evidence link": "preuvebrouillon.example.org",
    "draft agreement's published progress update": "Noteententebrouillon",
    "private agreement's published progress update": "Noteprivee",
}
CONTROL = "Controengag"
PUBLISHED = "Engagpublic"
PUBLISHED_NOTE = "Notepublique"


@pytest.fixture
def agreements(site_pages, committed, settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)

    def build():
        pages = {}
        pages["draft"] = CollaborationAgreementPageFactory(
            live=False,
            commitments=[commitment("Engagement Engagbrouillon.", owner_role="Direction Unitebrouillon")],
        )
        pages["private"] = CollaborationAgreementPageFactory(
            commitments=[commitment("Engagement Engagprive.")]
        )
        PageViewRestrictionFactory(page=pages["private"])
        pages["login only"] = CollaborationAgreementPageFactory(
            commitments=[commitment("Engagement Engagconnexion.")]
        )
        PageViewRestriction.objects.create(page=pages["login only"], restriction_type="login")
        control = CollaborationAgreementPageFactory(
            title=f"Entente {CONTROL}",
            summary=f"Résumé {CONTROL}.",
            commitments=[commitment(f"Engagement {PUBLISHED}.", owner_role="Direction publiée")],
        )
        progress_update(pages["draft"].commitments.get(), "Mise à jour Noteententebrouillon.")
        progress_update(pages["private"].commitments.get(), "Mise à jour Noteprivee.")
        progress_update(control.commitments.get(), f"Mise à jour {PUBLISHED_NOTE}.", progress=30)
        progress_update(
            control.commitments.get(),
            "Mise à jour Notebrouillon.",
            evidence_url="https://preuvebrouillon.example.org/rapport",
            evidence_title="Rapport Preuvebrouillon",
            published=False,
        )
        drafted = CollaborationAgreementPage.objects.get(pk=control.pk)
        first = drafted.commitments.get()
        first.text, first.owner_role = "Engagement Engagmodif.", "Direction Unitemodif"
        drafted.commitments = [first, commitment("Engagement Engagajout.", owner=first.owner, sort_order=1)]
        drafted.save_revision()
        pages = {name: CollaborationAgreementPage.objects.get(pk=page.pk) for name, page in pages.items()}
        return pages, CollaborationAgreementPage.objects.get(pk=control.pk)

    pages, control = committed(build)
    committed(call_command, "build_open_data")
    return pages, control, tmp_path


# The control's page and its items API record show its published commitment, the API its
# published update too: they do read them.
AGREEMENTS = Shown(
    "advocacy.CollaborationAgreementIndexPage",
    "agreement",
    "agreements",
    CONTROL,
    (PUBLISHED,),
    (PUBLISHED, PUBLISHED_NOTE),
)


def commitment_surfaces(pages, control):
    """Each agreement's commitment pages under both words, and each commitment id's permanent
    address and downloads, for every number the agreements gave (the control's second exists
    only in its draft)."""
    surfaces = []
    for name, page in {**pages, "control": control}.items():
        for number in (1, 2):
            shows = [PUBLISHED] if (name, number) == ("control", 1) else []
            for word in ("engagements", "commitments"):
                response = fetch(f"{page.url}{word}/{number}/")
                if response.status_code == 302:
                    response = fetch(response["Location"])
                on_page = [*shows, PUBLISHED_NOTE] if shows else []
                surfaces.append(Surface(f"{name} commitment {number} ({word})", response, on_page))
            public_id = f"{page.public_id}-C{number}"
            surfaces.append(Surface(f"/cite/{public_id} ({name})", fetch(f"/cite/{public_id}/")))
            for citation in CITATION_FORMATS:
                response = fetch(f"/cite/{public_id}/", {"format": citation})
                surfaces.append(Surface(f"/cite/ {citation} {public_id} ({name})", response, shows))
    return surfaces


def tracker_surfaces():
    """The commitment tracker in both languages, unfiltered and filtered by each status, its feed
    and its four downloads: the control's commitment (or its published update) on each."""
    surfaces = []
    for prefix, updates in (("/fr/engagements/", "mises-a-jour"), ("/en/commitments/", "updates")):
        word = prefix.split("/")[2]
        for params in ({}, {"status": "in-progress"}, {"overdue": "no"}):
            surfaces.append(Surface(f"tracker {prefix} {params}", fetch(prefix, params), [PUBLISHED]))
        feed = "flux/" if word == "engagements" else "feed/"
        surfaces.append(Surface(f"tracker feed {prefix}", fetch(prefix + feed), [PUBLISHED_NOTE]))
        for extension in ("csv", "json"):
            surfaces.append(
                Surface(f"tracker {word}.{extension}", fetch(f"{prefix}{word}.{extension}"), [PUBLISHED])
            )
            address = f"{prefix}{updates}.{extension}"
            surfaces.append(Surface(f"tracker {address}", fetch(address), [PUBLISHED_NOTE]))
    return surfaces


def test_no_commitment_secret_reaches_any_public_surface(agreements, site_pages):
    pages, control, root = agreements
    surfaces = page_surfaces(pages, control, site_pages, AGREEMENTS)
    surfaces += outlet_surfaces(pages, control, AGREEMENTS) + commitment_surfaces(pages, control)
    surfaces += open_data_surfaces_of(root) + tracker_surfaces()
    data = (root / "vigie-data.json").read_text("utf-8")
    surfaces.append(Surface("open data JSON", None, [PUBLISHED], content=data))
    for word in SECRETS.values():
        surfaces += search_surfaces(word)

    assert len(surfaces) > 100
    problems = problems_on(surfaces, SECRETS)
    assert problems == [], "\n".join(problems)


def test_the_secrets_exist_where_agreements_keep_them(agreements):
    """The words are really stored, so their absence above means something: the draft agreement's
    commitment is in the table (a page never published keeps its draft there), the live control's
    draft revision holds its changed and added commitments, and its table does not."""
    pages, control, _root = agreements
    assert pages["draft"].commitments.get().text == "Engagement Engagbrouillon."
    assert pages["private"].commitments.get().text == "Engagement Engagprive."
    draft = control.get_latest_revision_as_object()
    assert [(c.number, c.text) for c in draft.commitments.all()] == [
        (1, "Engagement Engagmodif."),
        (2, "Engagement Engagajout."),
    ]
    assert [(c.number, c.text) for c in control.commitments.all()] == [(1, f"Engagement {PUBLISHED}.")]
    # Each secret update is stored: the draft one on the live commitment, published ones on the
    # draft and private agreements' commitments.
    notes = dict(CommitmentUpdate.objects.values_list("note", "published_at"))
    assert notes["Mise à jour Notebrouillon."] is None
    assert notes["Mise à jour Noteententebrouillon."] is not None
    assert notes["Mise à jour Noteprivee."] is not None
