"""The search surfaces: JSON API, CSV download and HTML page. Shapes, validation, scope."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from impacts.interchange import casefile_to_row
from impacts.models import CaseFilePage
from search.backends import get_backend
from search.index import rebuild_index
from tests.factories import AdvocacyBriefPageFactory, CaseFilePageFactory, translate_page

API = "/api/v1/search/"
CSV_URL = "/api/v1/casefiles.csv"


def search_url(language):
    with translation.override(language):
        return reverse("search")


@pytest.fixture
def corpus(site_pages):
    """Published items in several facets, plus items that must never be found."""
    pages = {
        "health": CaseFilePageFactory(title="Triage à l'urgence", services=["sante"], regions=["montreal"]),
        "housing": CaseFilePageFactory(
            title="Logement et algorithme",
            services=["habitation"],
            regions=["laval"],
            risks=["discrimination"],
        ),
        "both": CaseFilePageFactory(
            title="Santé et logement", services=["sante", "habitation"], regions=["laval"], impact_level=4
        ),
        "brief": AdvocacyBriefPageFactory(
            title="Mémoire sur le triage", services=["sante"], regions=["montreal"]
        ),
        "draft": CaseFilePageFactory(title="Brouillon secret triage", live=False),
        "private": CaseFilePageFactory(title="Dossier privé triage"),
        "deleted": CaseFilePageFactory(title="Dossier supprimé triage"),
    }
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="login")
    pages["with_draft"] = CaseFilePageFactory(title="Version publiée triage", services=["justice"])
    pages["with_draft"].title = "Version brouillon triage"
    pages["with_draft"].save_revision()
    pages["deleted"].delete()
    translate_page(pages["housing"], "en", title="Housing and algorithm", slug="housing")
    rebuild_index(get_backend())
    return pages


@pytest.mark.django_db
def test_json_answer_has_the_documented_shape(client, corpus):
    response = client.get(API, {"service": "sante", "locale": "en"})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "page", "page_size", "results", "facets"}
    assert body["count"] == 3
    assert set(body["results"][0]) == {
        "id",
        "type",
        "title",
        "url",
        "summary",
        "locale",
        "services",
        "regions",
        "risks",
        "impact_level",
        "status",
        "date",
    }
    # The common facets, then the register's (registry.items), the dialogues' (dialogues.items),
    # the consultation reports' (followup.items) and the learning resources' own (learning.items),
    # in the order the types are registered, counted on every search.
    assert list(body["facets"]) == [
        "type",
        "service",
        "region",
        "risk",
        "level",
        "lifecycle",
        "technique",
        "disclosure",
        "kind",
        "attendance_mode",
        "accessibility",
        "month",
        "response",
        "resource_format",
        "audience",
        "learning_level",
        "resource_language",
        "learning_access",
    ]
    service = {value["key"]: value for value in body["facets"]["service"]}
    assert service["sante"] == {"key": "sante", "label": "Health", "count": 3, "selected": True}
    assert service["habitation"]["count"] == 2  # disjunctive: what ticking it would add


@pytest.mark.django_db
def test_counts_are_the_same_in_both_languages_and_labels_follow_the_locale(client, corpus):
    french = client.get(API, {"locale": "fr"}).json()
    english = client.get(API, {"locale": "en"}).json()

    assert french["count"] == english["count"] == 5
    strip = lambda facets: {f: [(v["key"], v["count"]) for v in values] for f, values in facets.items()}  # noqa: E731
    assert strip(french["facets"]) == strip(english["facets"])
    assert {v["label"] for v in french["facets"]["service"]} >= {"Santé", "Habitation"}
    assert {v["label"] for v in english["facets"]["service"]} >= {"Health", "Housing"}
    titles = {hit["title"] for hit in english["results"]}
    assert "Housing and algorithm" in titles and "Santé et logement" in titles


@pytest.mark.django_db
def test_drafts_private_and_deleted_items_are_never_found(client, corpus):
    json_titles = {
        hit["title"] for hit in client.get(API, {"q": "triage", "page_size": 100}).json()["results"]
    }
    html = client.get(search_url("fr"), {"q": "triage"}).content.decode()
    csv_text = b"".join(client.get(CSV_URL, {"q": "triage"}).streaming_content).decode()

    assert json_titles == {"Triage à l'urgence", "Mémoire sur le triage", "Version publiée triage"}
    for secret in ("Brouillon secret", "Dossier privé", "Dossier supprimé", "Version brouillon"):
        assert secret not in html
        assert secret not in csv_text
    assert "Version publiée triage" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"service": "nowhere"}, "service"),
        ({"region": "atlantis"}, "region"),
        ({"risk": "x"}, "risk"),
        ({"type": "memo"}, "type"),
        ({"level": "5"}, "level"),
        ({"page": "two"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "1.5"}, "page"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"q": "x" * 201}, "q"),
        ({"sort": "random"}, "sort"),
        ({"locale": "de"}, "locale"),
    ],
)
def test_bad_parameters_get_400_naming_the_parameter(client, corpus, params, bad):
    response = client.get(API, params)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [bad]
    assert client.get(CSV_URL, params).status_code == 400
    html = client.get(search_url("en"), params)
    assert html.status_code == 400
    assert bad in html.content.decode()


@pytest.mark.django_db
def test_a_page_past_the_end_is_404(client, corpus):
    assert client.get(API, {"page": 2}).status_code == 404
    assert client.get(API, {"page": 1, "q": "introuvable"}).status_code == 200
    assert client.get(search_url("fr"), {"page": 9}).status_code == 404


@pytest.mark.django_db
def test_result_pages_keep_the_chosen_page_size(client, corpus):
    response = client.get(search_url("fr"), {"q": "triage", "page_size": 1, "page": 2})
    links = {
        (link.get("rel") or [""])[0] or link.get_text(strip=True): link["href"]
        for link in BeautifulSoup(response.content, "html.parser").select(".pagination a")
    }
    assert links["prev"] == "/fr/recherche/?q=triage&page_size=1"
    assert links["next"] == "/fr/recherche/?q=triage&page=3&page_size=1"


@pytest.mark.django_db
def test_html_page_shows_facets_active_filters_and_formats(client, corpus):
    response = client.get(search_url("en"), {"q": "logement", "region": "laval"})
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert "<fieldset" in html and "<legend>Region</legend>" in html
    assert 'value="laval" id="f-region-laval" checked' in html
    assert "1 result" in html  # the housing case file is read in its English translation here
    # each active filter links to the same search without it
    assert 'href="/en/search/?q=logement"' in html
    assert 'href="/en/search/?region=laval"' in html
    assert "/api/v1/casefiles.csv?q=logement&amp;region=laval&amp;locale=en" in html


@pytest.mark.django_db
def test_csv_download_reimports_to_the_same_case_files(client, corpus, tmp_path):
    from django.core.management import call_command

    text = b"".join(client.get(CSV_URL, {"locale": "fr"}).streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    exported = {(row["id"], row["locale"]): row for row in rows}
    assert {public_id for public_id, _locale in exported} == {
        page.public_id for name, page in corpus.items() if name in ("health", "housing", "both", "with_draft")
    }

    CaseFilePage.objects.all().delete()
    downloaded = tmp_path / "download.csv"
    downloaded.write_text(text, encoding="utf-8")
    call_command("import_casefiles", str(downloaded))

    for page in CaseFilePage.objects.all():
        row = casefile_to_row(page)
        assert row == exported[(row["id"], row["locale"])]


@pytest.mark.django_db
def test_query_count_does_not_grow_with_results(client, site_pages, django_assert_max_num_queries):
    CaseFilePageFactory(services=["sante"])
    rebuild_index(get_backend())
    client.get(API)  # warm the label cache and the facet bitmaps
    with django_assert_max_num_queries(10) as few:
        client.get(API, {"q": "fictif", "service": ["sante", "habitation"], "region": "montreal"})
    for _ in range(30):
        CaseFilePageFactory(
            services=["sante", "habitation"], regions=["montreal", "laval"], risks=["erreurs"]
        )
    rebuild_index(get_backend())
    client.get(API)  # the first search after a change reads the facet bitmaps again
    with django_assert_max_num_queries(10) as many:
        client.get(API, {"q": "fictif", "service": ["sante", "habitation"], "region": "montreal"})
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.django_db
def test_a_published_item_is_found_by_the_next_search(client, corpus, django_capture_on_commit_callbacks):
    before = client.get(API, {"q": "triage"}).json()["count"]
    with django_capture_on_commit_callbacks(execute=True):
        CaseFilePageFactory(title="Nouveau triage publié")
    after = client.get(API, {"q": "triage"}).json()
    assert after["count"] == before + 1
    assert "Nouveau triage publié" in {hit["title"] for hit in after["results"]}


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["newest", "oldest", "title", "updated"])
def test_sorts_order_every_page_of_results(client, site_pages, sort):
    pages = [
        CaseFilePageFactory(title=f"{letter} dossier", first_reported=f"2024-0{month}-01")
        for letter, month in zip("DBECA", [3, 1, 5, 2, 4], strict=True)
    ]
    rebuild_index(get_backend())
    by_date = sorted(pages, key=lambda page: (str(page.first_reported), page.public_id))
    expected = {
        "newest": [page.public_id for page in reversed(by_date)],
        "oldest": [page.public_id for page in by_date],
        "title": [page.public_id for page in sorted(pages, key=lambda page: page.title)],
        # Published once each, without a change note: the latest first published first.
        "updated": [page.public_id for page in reversed(pages)],
    }[sort]

    seen = []
    for page_number in (1, 2, 3):
        body = client.get(API, {"sort": sort, "page_size": 2, "page": page_number}).json()
        seen += [hit["id"] for hit in body["results"]]
    assert seen == expected


@pytest.mark.django_db
def test_when_the_main_backend_fails_the_page_answers_from_the_fallback_and_says_so(
    client, corpus, monkeypatch, caplog
):
    from elastic_transport import ConnectionError as TransportConnectionError

    from search.backends.embedded import EmbeddedBackend
    from search.backends.mirrored import MirroredBackend

    class UnreachableCluster:
        name = "elasticsearch"

        def search(self, query, with_facets=True):
            raise TransportConnectionError("cluster unreachable")

    monkeypatch.setattr(
        "search.service.get_backend", lambda: MirroredBackend(UnreachableCluster(), EmbeddedBackend())
    )
    expected = client.get(API, {"q": "triage"}).json()["count"]

    response = client.get(search_url("en"), {"q": "triage"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "backup index" in html
    assert f"{expected} results" in html
    assert "answering from the fallback" in caplog.text
