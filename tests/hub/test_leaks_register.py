"""The leak test for the AI system register: a draft entry, a private entry, a newer draft of a
live entry, a declared record never published, one published then unpublished, and the newer
draft revision of a published declared record never reach a public surface: the entry pages and
the register's index, the home page, the search (HTML, JSON, feeds), the items API and Wagtail's
API v2, ``/cite/`` in every format, the sitemap and every open-data file.

As in tests/hub/test_leaks.py, each secret holds a word found nowhere else, and the published
control entry must show on the same surfaces, so a surface that answers nothing cannot pass."""

import re
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from registry.models import SystemPage
from tests.factories import DeclaredRecordFactory, PageViewRestrictionFactory, SystemPageFactory
from tests.hub.test_leaks import SEARCH_API, SEARCH_PAGE, Surface, fetch, problems_on, result_list

pytestmark = pytest.mark.django_db

SECRETS = {
    "draft entry": "Brouisys",
    "private entry": "Privasys",
    "login-only entry": "Connexisys",
    "draft revision of a live entry": "Modifsys",
    "declared record never published": "Jamaisdecl",
    "declared record's source never published": "Sourcejamais",
    "unpublished declared record": "Retiredecl",
    "draft revision of a published declared record": "Modifdecl",
    "draft revision's source document": "Sourcemodif",
}
CONTROL = "Controsys"
PUBLISHED_PURPOSE = "Finalité publiée."
CITATION_FORMATS = ("bibtex", "ris", "csl-json")
FEED = {"fr": "/fr/recherche/flux/", "en": "/en/search/feed/"}


def declared_draft(record, word):
    draft = type(record).objects.get(pk=record.pk)
    draft.purpose = f"Finalité {word}."
    draft.source_title = "Document Sourcemodif"
    draft.save_revision()


@pytest.fixture
def register(site_pages, committed, settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)

    def build():
        entries = {}
        entries["draft"] = SystemPageFactory(
            title="Système Brouisys", summary="Résumé Brouisys.", purpose="Finalité Brouisys.", live=False
        )
        entries["private"] = SystemPageFactory(title="Système Privasys", summary="Résumé Privasys.")
        PageViewRestrictionFactory(page=entries["private"])
        entries["login only"] = SystemPageFactory(title="Système Connexisys", summary="Résumé Connexisys.")
        PageViewRestriction.objects.create(page=entries["login only"], restriction_type="login")
        entries["live with draft"] = SystemPageFactory(title="Système publié avec brouillon")
        drafted = SystemPage.objects.get(pk=entries["live with draft"].pk)
        drafted.title = "Système Modifsys"
        drafted.summary = "Résumé Modifsys."
        drafted.decision_role = "Décide Modifsys."
        drafted.save_revision()

        # Declared records on live entries: never published, unpublished, with a newer draft.
        never = SystemPageFactory(title="Système dont la déclaration est un brouillon")
        DeclaredRecordFactory(
            system=never, live=False, purpose="Finalité Jamaisdecl.", source_title="Document Sourcejamais"
        )
        withdrawn = SystemPageFactory(title="Système dont la déclaration est retirée")
        DeclaredRecordFactory(system=withdrawn, purpose="Finalité Retiredecl.").unpublish()
        control = SystemPageFactory(title=f"Système {CONTROL}", summary=f"Résumé {CONTROL}.")
        declared_draft(DeclaredRecordFactory(system=control, purpose=PUBLISHED_PURPOSE), "Modifdecl")
        entries["never declared"], entries["withdrawn declaration"] = never, withdrawn
        entries = {name: SystemPage.objects.get(pk=page.pk) for name, page in entries.items()}
        return entries, SystemPage.objects.get(pk=control.pk)

    entries, control = committed(build)
    committed(call_command, "build_open_data")
    return entries, control, tmp_path


@dataclass(frozen=True)
class Shown:
    """Where an item type's published control shows: the index it is listed in, its type key
    (search) and sitemap section, its word, and what its page and its items API record show
    besides (proof that they read what could leak)."""

    index: str
    type_key: str
    section: str
    word: str
    on_page: tuple = ()
    in_api: tuple = ()


# The control's published declaration shows, so the page and the API do read declared records.
REGISTER = Shown(
    "registry.SystemIndexPage", "system", "systems", CONTROL, (PUBLISHED_PURPOSE,), (PUBLISHED_PURPOSE,)
)


def page_surfaces(items, control, site_pages, shown=REGISTER):
    """The index, the home page and every item's page, in both languages."""
    surfaces = []
    for language in ("fr", "en"):
        index = site_pages[language][shown.index]
        surfaces.append(Surface(f"{shown.type_key} index {language}", fetch(index.url), [shown.word]))
        surfaces.append(Surface(f"home {language}", fetch(f"/{language}/"), [shown.word]))
        for name, page in {**items, "control": control}.items():
            response = fetch(index.item_url(page))
            if response.status_code in (301, 302):
                response = fetch(response["Location"])
            expected = [shown.word, *shown.on_page] if name == "control" else []
            surfaces.append(Surface(f"{name} page {language}", response, expected))
    return surfaces


def outlet_surfaces(items, control, shown=REGISTER):
    """The searches, feeds, APIs, sitemaps and ``/cite/`` in every format."""
    surfaces = []
    for language in ("fr", "en"):
        params = {"locale": language, "page_size": 100}
        surfaces.append(Surface(f"JSON search {language}", fetch(SEARCH_API, params), [control.public_id]))
        surfaces.append(
            Surface(
                f"{shown.type_key} JSON search {language}",
                fetch(SEARCH_API, {**params, "type": shown.type_key}),
                [control.public_id],
            )
        )
        surfaces.append(Surface(f"feed {language}", fetch(FEED[language]), [shown.word]))
    surfaces.append(
        Surface("API v2 pages", fetch("/api/v2/pages/", {"fields": "*", "limit": 100}), [shown.word])
    )
    surfaces.append(Surface("sitemap", fetch("/sitemap.xml"), [control.slug]))
    surfaces.append(
        Surface(f"{shown.section} sitemap", fetch(f"/sitemap-{shown.section}.xml"), [control.slug])
    )
    for name, page in {**items, "control": control}.items():
        expected = [shown.word] if name == "control" else []
        surfaces.append(
            Surface(
                f"items API {name}",
                fetch(f"/api/v1/items/{page.public_id}/"),
                [*expected, *shown.in_api] if expected else [],
            )
        )
        surfaces.append(Surface(f"API v2 {name}", fetch(f"/api/v2/pages/{page.pk}/", {"fields": "*"})))
        for citation in CITATION_FORMATS:
            response = fetch(f"/cite/{page.public_id}/", {"format": citation, "lang": "fr"})
            surfaces.append(Surface(f"/cite/ {citation} {name}", response, expected))
    return surfaces


def feed_entries(response):
    """The entries of an Atom feed; its title echoes the query, which is the visitor's own."""
    return "".join(re.findall(r"<entry\b.*?</entry>", response.content.decode(), re.DOTALL))


def search_surfaces(word, secret=True):
    """Every surface that searches, asked for ``word``: empty for a secret, listing for a control."""
    surfaces = []
    for language in ("fr", "en"):
        response = fetch(SEARCH_API, {"q": word, "locale": language})
        surfaces.append(Surface(f"JSON search {language} q={word}", response, empty=secret))
        response = fetch(SEARCH_PAGE[language], {"q": word})
        surfaces.append(
            Surface(f"search page {language} q={word}", response, empty=secret, content=result_list(response))
        )
        feed = fetch(FEED[language], {"q": word})
        surfaces.append(
            Surface(
                f"feed {language} q={word}", feed, [] if secret else [CONTROL], content=feed_entries(feed)
            )
        )
    surfaces.append(Surface(f"API v2 search={word}", fetch("/api/v2/pages/", {"search": word}), empty=secret))
    return surfaces


def open_data_surfaces(root):
    files = sorted(path for path in root.rglob("*") if path.is_file())
    surfaces = [
        Surface(f"open data {path.name}", None, content=path.read_text(encoding="utf-8", errors="replace"))
        for path in files
    ]
    register_file = root / "vigie-systems.csv"
    assert register_file in files, [path.name for path in files]
    surfaces.append(
        Surface("open data register file", None, [CONTROL], content=register_file.read_text("utf-8"))
    )
    return surfaces


def test_no_register_secret_reaches_any_public_surface(register, site_pages):
    entries, control, root = register
    surfaces = page_surfaces(entries, control, site_pages) + outlet_surfaces(entries, control)
    surfaces += open_data_surfaces(root)
    for word in SECRETS.values():
        surfaces += search_surfaces(word)
    surfaces += search_surfaces(CONTROL, secret=False)

    assert len(surfaces) > 100
    problems = problems_on(surfaces, SECRETS)
    assert problems == [], "\n".join(problems)


def test_the_secrets_exist_where_the_register_keeps_them(register):
    """The words are really stored, so their absence above means something; the live declared
    record of the control entry is the published one, not its newer draft."""
    entries, control, _root = register
    assert "Modifsys" in entries["live with draft"].get_latest_revision_as_object().title
    assert entries["never declared"].declared_records.get().purpose == "Finalité Jamaisdecl."
    assert entries["never declared"].declared_record() is None
    assert entries["withdrawn declaration"].declared_record() is None
    record = control.declared_record()
    assert record.purpose == PUBLISHED_PURPOSE
    assert "Modifdecl" in record.get_latest_revision_as_object().purpose
