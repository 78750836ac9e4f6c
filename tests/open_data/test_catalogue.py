"""The open data described for catalogues: the DCAT-AP catalogue (``catalog.jsonld``) and the
schema.org ``Dataset`` of the open data page parse as RDF (rdflib), use only terms their
vocabularies define (``data/linked_data_terms.txt``), and say what the files and the items say:
addresses, media types, sizes and SHA-256 computed here from the files, the period of the
items' publication dates, both languages."""

import hashlib
import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from lxml import html
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from open_data import build
from tests.factories import site_skeleton
from tests.open_data.test_data_package import make_world

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
SDO = Namespace("http://schema.org/")
ORIGIN = "http://localhost:8000"  # WAGTAILADMIN_BASE_URL of the test settings
TERMS = {
    URIRef(line)
    for line in (Path(__file__).parent / "data" / "linked_data_terms.txt").read_text().splitlines()
    if line and not line.startswith("#")
}


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site_skeleton()
        return make_world()


def catalogue_url(language="fr"):
    with translation.override(language):
        return reverse("open-data-catalogue")


def catalogue_graph(client):
    response = client.get(catalogue_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    return Graph().parse(data=response.content.decode(), format="json-ld")


def used_terms(graph):
    """Every predicate and every class of a graph."""
    return {predicate for _s, predicate, _o in graph} | set(graph.objects(None, RDF.type))


def test_the_catalogue_uses_only_terms_its_vocabularies_define(root, world, client, settings):
    settings.WAGTAILADMIN_BASE_URL = ORIGIN
    build.build_open_data(root)
    graph = catalogue_graph(client)
    assert used_terms(graph) - TERMS == set()
    assert len(graph) > 50


def test_every_file_is_a_distribution_with_its_size_and_fingerprint(root, world, client, settings):
    settings.WAGTAILADMIN_BASE_URL = ORIGIN
    build.build_open_data(root)
    graph = catalogue_graph(client)
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    (dataset,) = graph.objects(catalogue, DCAT.dataset)
    assert (dataset, RDF.type, DCAT.Dataset) in graph
    downloads = {}
    for distribution in graph.objects(dataset, DCAT.distribution):
        (url,) = graph.objects(distribution, DCAT.downloadURL)
        (checksum,) = graph.objects(distribution, SPDX.checksum)
        downloads[str(url)] = (
            graph.value(distribution, DCAT.byteSize).toPython(),
            str(graph.value(checksum, SPDX.checksumValue)),
            str(graph.value(distribution, DCAT.mediaType)),
        )
    on_disk = sorted(path for path in root.iterdir() if path.is_file() and path.name != "manifest.json")
    assert set(downloads) == {f"{ORIGIN}/media/open-data/{path.name}" for path in on_disk}
    for path in on_disk:
        size, digest, media_type = downloads[f"{ORIGIN}/media/open-data/{path.name}"]
        assert size == path.stat().st_size
        assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
        expected = "text/csv" if path.suffix == ".csv" else "application/json"
        assert media_type == f"https://www.iana.org/assignments/media-types/{expected}"


def test_the_dataset_has_licence_publisher_languages_and_coverage(root, world, client, settings):
    settings.WAGTAILADMIN_BASE_URL = ORIGIN
    build.build_open_data(root)
    graph = catalogue_graph(client)
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    assert graph.value(dataset, DCT.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert {title.language for title in graph.objects(dataset, DCT.title)} == {"fr", "en"}
    publisher = graph.value(dataset, DCT.publisher)
    assert str(graph.value(publisher, URIRef("http://xmlns.com/foaf/0.1/name"))) == "Vigie IA"
    period = graph.value(dataset, DCT.temporal)
    days = [timezone.localdate(page.first_published_at) for page in world.values() if page.first_published_at]
    assert graph.value(period, DCAT.startDate) == Literal(min(days))
    assert graph.value(period, DCAT.endDate).toPython() >= max(days)
    places = {
        str(label) for place in graph.objects(dataset, DCT.spatial) for label in graph.objects(place, None)
    }
    assert "Québec" in places
    assert "montreal" in places  # the factories' region, as its key


def test_the_catalogue_before_the_first_generation_lists_no_file(root, db, client):
    site_skeleton()
    graph = catalogue_graph(client)
    assert list(graph.subject_objects(DCAT.distribution)) == []
    assert list(graph.subjects(RDF.type, DCAT.Catalog))


def page_dataset(client, language):
    with translation.override(language):
        body = client.get(reverse("open-data")).content
    scripts = html.fromstring(body).xpath('//head/script[@type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_open_data_page_carries_a_schema_org_dataset(root, world, client, settings, language):
    settings.WAGTAILADMIN_BASE_URL = ORIGIN
    manifest = build.build_open_data(root)
    data = page_dataset(client, language)
    assert data["@type"] == "Dataset"
    assert {download["contentUrl"] for download in data["distribution"]} == {
        f"{ORIGIN}/media/open-data/{entry['name']}" for entry in manifest["files"]
    }
    for download in data["distribution"]:
        path = root / download["contentUrl"].rsplit("/", 1)[1]
        assert download["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert download["@type"] == "DataDownload"
    data["@context"] = {"@vocab": "http://schema.org/"}  # schema.org's context, without fetching it
    graph = Graph().parse(data=json.dumps(data), format="json-ld")
    assert used_terms(graph) - TERMS == set()
    assert (None, RDF.type, SDO.Dataset) in graph
