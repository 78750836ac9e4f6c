"""The open API v1: its OpenAPI schema, schemathesis against it, CORS, conditional requests,
the item endpoint compared with the pages themselves, and what must never come out of it."""

import datetime
import re
from html.parser import HTMLParser

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone, translation
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from wagtail.models import PageViewRestriction

from advocacy.models import CollaborationAgreementPage
from followup.models import CommitmentUpdate
from hub.items import item_types, type_facets, type_sorts
from hub.models import ImpactLevel, Organization, Region, Risk, Service
from impacts.models import CaseFilePage
from impacts.testimonies import withdraw_testimony
from registry.models import Lifecycle, Technique
from search.backends import get_backend
from search.filters import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SearchFilterSet
from search.index import rebuild_index
from search.query import SORTS
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    TestimonyFactory,
    commitment,
    evidence,
    paragraph,
    progress_update,
    show_testimony,
    translate_page,
)

pytestmark = pytest.mark.django_db

SCHEMA = "/api/v1/schema/"
SEARCH = "/api/v1/search/"
CSV_URL = "/api/v1/casefiles.csv"
DOCS = "/api/v1/docs/"
ORIGIN = "https://journal.example.org"


def item_url(public_id):
    return f"/api/v1/items/{public_id}/"


def absolute(url):
    return f"http://testserver{url}"


def label(model, key, language):
    return model.objects.get(key=key, locale__language_code=language).label


@pytest.fixture
def content(site_pages):
    """Every kind of item, translated and not, with what must never come out: a draft, a private
    item, an unpublished one, a draft change, a withdrawn testimony, a web-only testimony."""
    agency = OrganizationFactory(name="Ministère fictif des Services")
    vendor = OrganizationFactory(name="Fournisseur fictif", kind=Organization.Kind.VENDOR)
    casefile = CaseFilePageFactory(
        title="Tri des demandes de logement",
        services=["habitation", "sante"],
        regions=["montreal"],
        risks=["discrimination"],
        impact_level=3,
        agency=agency,
        vendor=vendor,
        ai_system="Trieur fictif",
        municipality="Ville fictive",
        status=CaseFilePage.Status.PILOT,
        first_reported=datetime.date(2024, 2, 3),
        body=[
            paragraph("Contenu fictif."),
            evidence("https://journal.example.org/a", "Premier article", "Journal A", "2024-03-01"),
            evidence("https://journal.example.org/b", "Second article", "Journal B", "2024-04-02"),
        ],
    )
    exported = TestimonyFactory(text="Témoignage exporté fictif.", casefiles=[casefile])
    web_only = TestimonyFactory(text="Témoignage web seulement.", consent_exports=False, casefiles=[casefile])
    withdrawn = TestimonyFactory(text="Témoignage retiré fictif.", casefiles=[casefile])
    for testimony in (exported, web_only, withdrawn):
        casefile = show_testimony(casefile, testimony)
    withdraw_testimony(withdrawn, "Demande de la personne")
    casefile_en = translate_page(casefile, "en", title="Sorting housing applications", slug="sorting-housing")

    untranslated = CaseFilePageFactory(
        title="Caméras fictives", impact_level=None, services=["securite-publique"]
    )
    draft = CaseFilePageFactory(title="Brouillon secret", live=False)
    private = CaseFilePageFactory(title="Dossier privé")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    unpublished = CaseFilePageFactory(title="Dossier dépublié")
    unpublished.unpublish()
    changed = CaseFilePageFactory(title="Titre publié")
    changed.title = "Titre brouillon secret"
    changed.save_revision()

    brief = AdvocacyBriefPageFactory(
        title="Mémoire fictif sur le tri",
        citations=[(untranslated, "Section 2"), (draft, "jamais"), (casefile, "Preuve 1")],
        risks=["discrimination"],
    )
    agreement = CollaborationAgreementPageFactory(
        title="Entente fictive de suivi",
        commitments=[
            commitment(
                "Publier le code.",
                owner=agency,
                owner_role="Direction des technologies",
                due_date=datetime.date(2026, 6, 30),
            ),
            commitment("Former le personnel.", owner=agency),
        ],
    )
    first = agreement.commitments.get(number=1)
    wrong = progress_update(first, "Code publié.", status="done", happened_on=datetime.date(2026, 3, 1))
    progress_update(
        first,
        "Une partie du code est publiée.",
        status="partly-done",
        progress=60,
        happened_on=datetime.date(2026, 3, 1),
        evidence_url="https://depot.example.org/code",
        evidence_title="Dépôt du code",
        corrects=wrong,
    )
    progress_update(first, "Mise à jour brouillon secrète.", status="done", published=False)
    agreement.commitments.add(commitment("Engagement brouillon secret.", owner=agency, sort_order=2))
    agreement.save_revision()
    rebuild_index(get_backend())
    return {
        "casefile": CaseFilePage.objects.get(pk=casefile.pk),
        "casefile_en": casefile_en,
        "untranslated": untranslated,
        "draft": draft,
        "private": private,
        "unpublished": unpublished,
        "changed": changed,
        "brief": brief,
        "agreement": CollaborationAgreementPage.objects.get(pk=agreement.pk),
        "exported": exported,
        "web_only": web_only,
        "withdrawn": withdrawn,
    }


@pytest.fixture
def casefile(site_pages):
    """One published case file showing one exportable testimony, indexed."""
    page = CaseFilePageFactory(title="Tri des demandes de logement")
    testimony = TestimonyFactory(casefiles=[page])
    page = show_testimony(page, testimony)
    rebuild_index(get_backend())
    page.testimony = testimony
    return page


def schema_json(client, **params):
    response = client.get(SCHEMA, {"format": "json", **params})
    assert response.status_code == 200
    return response.json()


def operation(schema, path):
    return schema["paths"][path]["get"]


def parameters(schema, path):
    return {parameter["name"]: parameter for parameter in operation(schema, path)["parameters"]}


# --- The schema ---------------------------------------------------------------------------------


def test_the_schema_is_valid_openapi_3_and_describes_all_of_api_v1_only(client, site_pages):
    schema = schema_json(client)

    validate_schema(schema)  # drf-spectacular's validator: the OpenAPI 3.0 JSON Schema
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {SEARCH, CSV_URL, "/api/v1/items/{public_id}/"}
    for path_item in schema["paths"].values():
        assert set(path_item) == {"get"}
    loaded = schemathesis.openapi.from_dict(schema)
    assert sorted(op.ok().label for op in loaded.get_all_operations()) == [
        "GET /api/v1/casefiles.csv",
        "GET /api/v1/items/{public_id}/",
        "GET /api/v1/search/",
    ]


def test_the_schema_is_yaml_by_default(client, site_pages):
    response = client.get(SCHEMA)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    assert response.content.startswith(b"openapi: 3.")


def test_every_search_filter_is_a_documented_parameter_with_the_vocabulary_as_values(client, site_pages):
    schema = schema_json(client)
    search = parameters(schema, SEARCH)
    expected_keys = {
        "service": sorted(Service.objects.filter(locale__language_code="fr").values_list("key", flat=True)),
        "region": sorted(Region.objects.filter(locale__language_code="fr").values_list("key", flat=True)),
        "risk": sorted(Risk.objects.filter(locale__language_code="fr").values_list("key", flat=True)),
        "type": sorted(item_type.key for item_type in item_types()),
        "level": ["1", "2", "3", "4", "none"],
        # The register's own facets (registry.items), from its models' choices.
        "lifecycle": sorted(Lifecycle.values),
        "technique": sorted(Technique.values),
        "disclosure": ["high", "low", "none", "partial"],
    }
    declared_facets = {facet.key for facet in type_facets()}  # the register's, the dialogues'...

    assert set(search) == set(SearchFilterSet.base_filters) | declared_facets
    for facet, keys in expected_keys.items():
        assert search[facet]["schema"]["type"] == "array"
        assert sorted(search[facet]["schema"]["items"]["enum"]) == keys
    assert len(expected_keys["region"]) == 18
    assert sorted(search["sort"]["schema"]["enum"]) == sorted([*SORTS, *(sort.key for sort in type_sorts())])
    assert (
        "`disclosure`: Divulgation la plus complète d’abord / Most disclosed first"
        in search["sort"]["description"]
    )
    assert "keeps only items of type `system`" in search["lifecycle"]["description"]
    assert search["locale"]["schema"]["enum"] == ["fr", "en"]
    assert search["page_size"]["schema"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_PAGE_SIZE,
        "default": 20,
    }
    assert search["page"]["schema"] == {"type": "integer", "minimum": 1, "default": 1}
    # labels in both languages in the description
    assert (
        f"`sante`: {label(Service, 'sante', 'fr')} / {label(Service, 'sante', 'en')}"
        in search["service"]["description"]
    )
    assert set(parameters(schema, CSV_URL)) == (set(SearchFilterSet.base_filters) | declared_facets) - {
        "type",
        "page",
        "page_size",
    }


def test_allow_empty_value_says_which_parameters_accept_an_empty_value(client, site_pages):
    documented = parameters(schema_json(client), SEARCH)
    for name in SearchFilterSet().filters:
        accepted = client.get(f"{SEARCH}?{name}=").status_code == 200
        assert documented[name].get("allowEmptyValue", False) == accepted, name
    assert documented["page"]["allowEmptyValue"] and "allowEmptyValue" not in documented["service"]


def test_the_documented_text_pattern_accepts_exactly_what_the_search_accepts(client, site_pages):
    pattern = parameters(schema_json(client), SEARCH)["q"]["schema"]["pattern"]
    longest = "x" * MAX_QUERY_LENGTH
    texts = {
        "": True,
        "algorithme « santé »": True,
        longest: True,
        longest + "x": False,
        f"  {longest}\t": True,  # surrounding whitespace is stripped before counting
        f"\ufeff{longest}": False,  # not whitespace to str.strip()
        f"\x1c{longest}": True,  # whitespace to str.strip()
        "a\x00b": False,
        "\u3000" * 300: True,
    }
    for text, expected in texts.items():
        accepted = client.get(SEARCH, {"q": text}).status_code == 200
        documented = re.fullmatch(pattern, text) is not None
        assert accepted == documented == expected, repr(text[:5])


def test_a_new_term_in_the_vocabulary_appears_in_the_schema(client, site_pages):
    Service.objects.create(
        key="service-fictif", label="Service fictif", locale=site_pages["fr"]["home"].locale
    )
    search = parameters(schema_json(client), SEARCH)
    assert "service-fictif" in search["service"]["schema"]["items"]["enum"]


def test_the_item_operation_documents_its_parameters_and_answers(client, site_pages):
    schema = schema_json(client)
    item = operation(schema, "/api/v1/items/{public_id}/")
    params = parameters(schema, "/api/v1/items/{public_id}/")

    assert params["public_id"]["in"] == "path"
    assert re.fullmatch(params["public_id"]["schema"]["pattern"], "CF-2024-0001")
    assert not re.fullmatch(params["public_id"]["schema"]["pattern"], "XX-2024-0001")
    assert params["lang"]["schema"]["enum"] == ["fr", "en"]
    assert set(item["responses"]) == {"200", "304", "400", "404"}
    assert set(item["responses"]["200"]["headers"]) >= {
        "ETag",
        "Last-Modified",
        "Access-Control-Allow-Origin",
    }
    assert "text/csv" in operation(schema, CSV_URL)["responses"]["200"]["content"]


class AssetParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def test_the_docs_page_loads_only_this_sites_static_files(client, site_pages):
    response = client.get(DOCS)
    html = response.content.decode()
    parser = AssetParser()
    parser.feed(html)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert parser.urls, "the page references its assets"
    # Its start-up script is served by the docs view itself (no inline script: see the CSP).
    start_up = [url for url in parser.urls if url.startswith(DOCS)]
    assert len(start_up) == 1, parser.urls
    for url in set(parser.urls) - set(start_up):
        assert url.startswith("/static/"), url
        assert finders.find(url.removeprefix("/static/")), f"{url} is not a static file of this site"
    script = client.get(start_up[0]).content.decode()
    for text in (html, script):
        assert not re.search(r"https?://", text), "no address elsewhere"
    assert '"validatorUrl": null' in script  # Swagger UI would otherwise call validator.swagger.io
    assert '"/api/v1/schema/"' in script


# --- schemathesis ---------------------------------------------------------------------------------


@pytest.fixture
def wsgi_app():
    """The project's WSGI application, called in-process inside the test's transaction: like
    Django's test client, keep request signals from closing the connection that holds it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_v1_schema(content, wsgi_app):
    config = SchemathesisConfig.from_dict(
        {
            "seed": 20260601,
            "generation": {"mode": "all", "max-examples": 30, "deterministic": True, "database": "none"},
        }
    )
    return schemathesis.openapi.from_wsgi(f"{SCHEMA}?format=json", wsgi_app, config=config)


@pytest.fixture
def pytest9_node_id(request):
    """schemathesis 4.32's pytest integration reads and writes ``node._nodeid``, which pytest 9
    no longer has (it keeps ``nodeid``); give it the attribute it expects."""
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


api_v1 = schemathesis.pytest.from_fixture("api_v1_schema")


@api_v1.parametrize()
@pytest.mark.usefixtures("pytest9_node_id")
@settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_schema(case):
    case.call_and_validate()


# --- CORS, methods, caching ---------------------------------------------------------------------


def urls_of_every_kind(casefile):
    return [
        SEARCH,
        f"{SEARCH}?service=nowhere",
        f"{SEARCH}?page=9",
        CSV_URL,
        item_url(casefile.public_id),
        item_url("CF-2099-9999"),
        item_url("not-an-id"),
        SCHEMA,
        DOCS,
        "/api/v1/",
        "/api/v1/nowhere/",
    ]


def test_every_answer_may_be_read_from_any_origin_without_credentials(client, casefile):
    for url in urls_of_every_kind(casefile):
        response = client.get(url, HTTP_ORIGIN=ORIGIN)
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "Access-Control-Allow-Credentials" not in response, url
        assert "ETag" in response["Access-Control-Expose-Headers"], url


def test_a_preflight_is_answered_for_get(client, casefile):
    for url in (SEARCH, CSV_URL, item_url(casefile.public_id), SCHEMA):
        response = client.options(
            url,
            HTTP_ORIGIN=ORIGIN,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
        )
        assert 200 <= response.status_code < 300, url
        assert response["Access-Control-Allow-Origin"] == "*"
        assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
        assert "If-None-Match" in response["Access-Control-Allow-Headers"]
        assert "Access-Control-Allow-Credentials" not in response


def test_writing_is_refused_with_405(client, casefile):
    revisions = casefile.revisions.count()
    for method in ("post", "put", "patch", "delete"):
        for url in (SEARCH, CSV_URL, item_url(casefile.public_id), SCHEMA, DOCS):
            response = getattr(client, method)(url, data="{}", content_type="application/json")
            assert response.status_code == 405, (method, url)
            assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
            assert response["Access-Control-Allow-Origin"] == "*"
    assert CaseFilePage.objects.filter(pk=casefile.pk, live=True).exists()
    assert casefile.revisions.count() == revisions


def test_head_answers_like_get_without_a_body(client, casefile):
    for url in (SEARCH, CSV_URL, item_url(casefile.public_id)):
        get, head = client.get(url), client.head(url)
        assert head.status_code == get.status_code == 200
        assert head["ETag"] == get["ETag"]
        assert (b"".join(head.streaming_content) if head.streaming else head.content) == b""
        assert "Content-Length" not in head or head["Content-Length"] == get.get("Content-Length")


def test_an_address_without_its_final_slash_is_redirected(client, site_pages):
    response = client.get("/api/v1/search", {"q": "tri"})
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/search/?q=tri"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_unknown_address_is_a_json_404(client, site_pages):
    response = client.get("/api/v1/nowhere/")
    assert response.status_code == 404
    assert list(response.json()["errors"]) == ["path"]
    assert "/api/v1/docs/" in response.json()["errors"]["path"][0]


def later(seconds):
    moment = timezone.now() + datetime.timedelta(seconds=seconds)
    return lambda: moment


@pytest.mark.parametrize(
    "url",
    [f"{SEARCH}?q=tri", f"{CSV_URL}?service=sante", "item"],
)
def test_conditional_requests_get_304_until_something_changes(client, casefile, committed, monkeypatch, url):
    url = item_url(casefile.public_id) if url == "item" else url
    first = client.get(url)
    etag, last_modified = first["ETag"], first["Last-Modified"]

    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=60"
    for headers in ({"HTTP_IF_NONE_MATCH": etag}, {"HTTP_IF_MODIFIED_SINCE": last_modified}):
        again = client.get(url, **headers)
        assert again.status_code == 304, headers
        assert again.content == b""
        assert again["ETag"] == etag
        assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200

    # The item is republished with a new title; the index follows after the commit.
    monkeypatch.setattr("search.api.http.timezone.now", later(5))
    page = CaseFilePage.objects.get(pk=casefile.pk)
    page.title = "Tri des demandes de logement, mis à jour"
    committed(page.save_revision().publish)

    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 304


def test_an_items_etag_changes_when_a_testimony_is_withdrawn(client, casefile, committed):
    url = item_url(casefile.public_id)
    before = client.get(url)
    assert [t["reference"] for t in before.json()["exportable_testimonies"]] == [casefile.testimony.reference]
    committed(withdraw_testimony, casefile.testimony, "Demande de la personne")
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["exportable_testimonies"] == []


def test_the_schema_is_cacheable_too(client, site_pages):
    first = client.get(SCHEMA, {"format": "json"})
    assert client.get(SCHEMA, {"format": "json"}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


# --- One item -------------------------------------------------------------------------------------


def test_a_case_file_comes_with_all_its_structured_fields(client, content):
    page, page_en = content["casefile"], content["casefile_en"]
    body = client.get(item_url(page.public_id), {"lang": "fr"}).json()

    assert body["id"] == page.public_id
    assert body["type"] == "casefile"
    assert (body["title"], body["summary"], body["plain_summary"]) == (
        page.title,
        page.summary,
        page.plain_summary,
    )
    assert body["language"] == "fr"
    assert body["languages"] == ["fr", "en"]
    assert body["urls"] == {"fr": absolute(page.url), "en": absolute(page_en.url)}
    vocabulary_order = Service.objects.filter(
        key__in=["habitation", "sante"], locale__language_code="fr"
    ).order_by("sort_order", "key")
    assert body["services"] == [
        {"key": term.key, "labels": {code: label(Service, term.key, code) for code in ("fr", "en")}}
        for term in vocabulary_order
    ]
    assert [term["key"] for term in body["regions"]] == ["montreal"]
    assert body["risks"] == [
        {
            "key": "discrimination",
            "labels": {code: label(Risk, "discrimination", code) for code in ("fr", "en")},
        }
    ]
    with translation.override("en"):
        level_en, status_en = str(ImpactLevel(3).label), str(CaseFilePage.Status.PILOT.label)
    with translation.override("fr"):
        level_fr, status_fr = str(ImpactLevel(3).label), str(CaseFilePage.Status.PILOT.label)
    assert body["impact_level"] == {"key": "3", "labels": {"fr": level_fr, "en": level_en}}
    assert body["status"] == {"key": "pilot", "labels": {"fr": status_fr, "en": status_en}}
    assert level_fr != level_en and status_fr != status_en
    assert body["agency"]["name"] == "Ministère fictif des Services"
    assert body["vendor"] == {
        "key": page.vendor.key,
        "name": "Fournisseur fictif",
        "kind": "vendor",
        "website": page.vendor.website,
    }
    assert (body["ai_system"], body["municipality"]) == ("Trieur fictif", "Ville fictive")
    assert body["automation"]["key"] == page.automation
    assert body["evidence_sources"] == [
        {
            "title": "Premier article",
            "url": "https://journal.example.org/a",
            "publisher": "Journal A",
            "date": "2024-03-01",
            "archived_url": None,
        },
        {
            "title": "Second article",
            "url": "https://journal.example.org/b",
            "publisher": "Journal B",
            "date": "2024-04-02",
            "archived_url": None,
        },
    ]
    assert [source["url"] for source in body["evidence_sources"]] == page.evidence_sources()
    assert body["dates"]["reported"] == "2024-02-03"
    assert datetime.datetime.fromisoformat(body["dates"]["first_published"]) == page.first_published_at
    assert datetime.datetime.fromisoformat(body["dates"]["last_published"]) == page.last_published_at
    assert body["dates"]["publication"] is body["dates"]["start"] is None
    assert body["cited_by"] == [
        {
            "id": content["brief"].public_id,
            "type": "brief",
            "title": "Mémoire fictif sur le tri",
            "language": "fr",
            "url": absolute(content["brief"].url),
        }
    ]
    # brief- and agreement-only keys are there, empty
    assert body["cited_casefiles"] == body["parties"] == body["authors"] == []
    assert body["version"] is body["scope"] is None


def test_only_exportable_testimonies_without_consent_details(client, content):
    body = client.get(item_url(content["casefile"].public_id)).json()
    exported = content["exported"]

    assert body["exportable_testimonies"] == [
        {
            "reference": exported.reference,
            "language": "fr",
            "text": "Témoignage exporté fictif.",
            "plain_text": exported.plain_text,
            "identification": "pseudonym",
            "name": exported.display_name,
            "context": exported.context,
        }
    ]
    text = client.get(item_url(content["casefile"].public_id)).content.decode()
    for secret in ("Témoignage web seulement", "Témoignage retiré", exported.withdrawal_contact, "consent"):
        assert secret not in text


def test_the_requested_language_is_returned_when_translated_else_the_original(client, content):
    page, page_en, untranslated = content["casefile"], content["casefile_en"], content["untranslated"]

    english = client.get(item_url(page.public_id), {"lang": "en"}).json()
    assert (english["language"], english["title"]) == ("en", "Sorting housing applications")
    assert english["urls"] == {"fr": absolute(page.url), "en": absolute(page_en.url)}

    fallback = client.get(item_url(untranslated.public_id), {"lang": "en"}).json()
    english_index = untranslated.index_for("en")
    assert (fallback["language"], fallback["title"]) == ("fr", "Caméras fictives")
    assert fallback["languages"] == ["fr"]
    assert fallback["urls"]["en"] == absolute(f"{english_index.url}{untranslated.public_id}/")
    assert fallback["impact_level"]["key"] == "none"


def test_without_lang_the_accept_language_header_decides(client, content):
    url = item_url(content["casefile"].public_id)
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="en-CA,en;q=0.8").json()["language"] == "en"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="de, en;q=0.5").json()["language"] == "en"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="fr-CA").json()["language"] == "fr"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="de").json()["language"] == "fr"
    assert client.get(url, {"lang": "fr"}, HTTP_ACCEPT_LANGUAGE="en").json()["language"] == "fr"
    assert "Accept-Language" in client.get(url)["Vary"]


def test_a_brief_lists_its_published_citations_with_pinpoints_in_the_readers_language(client, content):
    brief, casefile, casefile_en = content["brief"], content["casefile"], content["casefile_en"]
    untranslated = content["untranslated"]

    french = client.get(item_url(brief.public_id), {"lang": "fr"}).json()
    english = client.get(item_url(brief.public_id), {"lang": "en"}).json()

    assert french["type"] == "brief"
    assert [(cited["id"], cited["pinpoint"]) for cited in french["cited_casefiles"]] == [
        (untranslated.public_id, "Section 2"),
        (casefile.public_id, "Preuve 1"),
    ]
    assert content["draft"].public_id not in str(french)
    assert french["cited_casefiles"][1]["url"] == absolute(casefile.url)
    # the brief is not translated; its English reader gets the English case file where there is one
    assert english["language"] == "fr"
    assert english["cited_casefiles"][1]["title"] == "Sorting housing applications"
    assert english["cited_casefiles"][1]["url"] == absolute(casefile_en.url)
    assert english["cited_casefiles"][0]["language"] == "fr"
    assert french["dates"]["publication"] == brief.publication_date.isoformat()
    assert [author["person"] for author in french["authors"]] == [a.person_name for a in brief.authors.all()]
    assert french["version"] == brief.version
    assert [term["key"] for term in french["risks"]] == ["discrimination"]
    assert french["impact_level"] is french["status"] is None
    assert french["exportable_testimonies"] == french["cited_by"] == []


def test_an_agreement_lists_its_parties_and_its_published_commitments(client, content):
    agreement = content["agreement"]
    body = client.get(item_url(agreement.public_id)).json()

    assert body["type"] == "agreement"
    assert [(party["organization"]["name"], party["role"]["key"]) for party in body["parties"]] == [
        (party.organization.name, party.role) for party in agreement.parties.all()
    ]
    assert {party["role"]["key"] for party in body["parties"]} == {"municipality", "non-profit"}
    assert body["parties"][0]["role"]["labels"]["en"] == "Municipality"
    assert body["status"]["key"] == "signed"
    assert (body["dates"]["start"], body["dates"]["end"]) == ("2024-01-15", "2026-01-15")
    assert (body["scope"], body["citizen_role"]) == (agreement.scope, agreement.citizen_role)
    assert body["risks"] == [] and body["impact_level"] is None
    agency = agreement.commitments.get(number=1).owner
    owner = {"key": agency.key, "name": "Ministère fictif des Services"}
    # Its published updates, newest first (the correction was published after what it corrects);
    # never the draft.
    wrong, correction = CommitmentUpdate.objects.published().order_by("published_at")
    updates = [
        {
            "date": "2026-03-01",
            "published": correction.published_at.isoformat(),
            "status": {"key": "partly-done", "labels": {"fr": "Partiellement réalisé", "en": "Partly done"}},
            "progress": 60,
            "note": "Une partie du code est publiée.",
            "language": "fr",
            "evidence": {"url": "https://depot.example.org/code", "title": "Dépôt du code"},
            "corrects": wrong.published_at.isoformat(),
        },
        {
            "date": "2026-03-01",
            "published": wrong.published_at.isoformat(),
            "status": {"key": "done", "labels": {"fr": "Réalisé", "en": "Done"}},
            "progress": None,
            "note": "Code publié.",
            "language": "fr",
            "evidence": None,
            "corrects": None,
        },
    ]
    assert [
        {**commitment, "owner": {key: commitment["owner"][key] for key in owner}}
        for commitment in body["commitments"]
    ] == [
        {
            "id": f"{agreement.public_id}-C1",
            "number": 1,
            "text": "Publier le code.",
            "owner": owner,
            "owner_role": "Direction des technologies",
            "due_date": "2026-06-30",
            "status": {"key": "partly-done", "labels": {"fr": "Partiellement réalisé", "en": "Partly done"}},
            "progress": 60,
            "last_update": "2026-03-01",
            "recommendation": None,
            "updates": updates,
        },
        {
            "id": f"{agreement.public_id}-C2",
            "number": 2,
            "text": "Former le personnel.",
            "owner": owner,
            "owner_role": "",
            "due_date": None,
            "status": {"key": "planned", "labels": {"fr": "Prévu", "en": "Planned"}},
            "progress": None,
            "last_update": None,
            "recommendation": None,
            "updates": [],
        },
    ]


def test_an_agreements_record_with_progress_updates_conforms_to_the_schema(api_v1_schema, content):
    operation = api_v1_schema["/api/v1/items/{public_id}/"]["GET"]
    case = operation.Case(path_parameters={"public_id": content["agreement"].public_id})
    response = case.call_and_validate()
    assert response.json()["commitments"][0]["updates"][0]["corrects"] is not None


def test_drafts_private_unpublished_and_deleted_items_are_404_and_draft_changes_never_show(client, content):
    for name in ("draft", "private", "unpublished"):
        response = client.get(item_url(content[name].public_id))
        assert response.status_code == 404, name
        assert list(response.json()["errors"]) == ["id"]
        assert content[name].title not in response.content.decode()

    changed = client.get(item_url(content["changed"].public_id)).json()
    assert changed["title"] == "Titre publié"
    assert "brouillon" not in str(changed)

    CaseFilePage.objects.get(pk=content["changed"].pk).delete()
    assert client.get(item_url(content["changed"].public_id)).status_code == 404


@pytest.mark.parametrize(
    "public_id",
    ["XX-2024-0001", "cf-2024-0001", "CF-24-0001", "CF-2024-001", "CF-٢٠٢٤-0001", "CF-2024-0001 "],
)
def test_a_malformed_id_is_400(client, db, public_id):
    response = client.get(item_url(public_id))
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["id"]


def test_an_unknown_id_is_404_and_a_bad_lang_is_400(client, casefile):
    assert client.get(item_url("CF-2099-9999")).status_code == 404
    for lang in ("de", "", "FR"):
        response = client.get(item_url(casefile.public_id), {"lang": lang})
        assert response.status_code == 400, lang
        assert list(response.json()["errors"]) == ["lang"]
    response = client.get(item_url("nope"), {"lang": "de"})
    assert response.status_code == 400
    assert sorted(response.json()["errors"]) == ["id", "lang"]
