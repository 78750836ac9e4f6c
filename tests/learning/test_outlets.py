"""Learning resources and toolkits in every outlet: the search's facets (format, audience, level,
the resource's languages, and accessibility in the page's own language, all needs met), the
items API, the open-data files and their dictionary, citations, the sitemap, the feed and the
home page. A draft resource reaches none of them, not even through a toolkit holding it."""

import csv
import json

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from hub.changes import announce
from learning.models import LearningMedia, ResourceFormat
from open_data import build
from search.backends import get_backend
from search.index import rebuild_index
from tests.factories import translate_page

pytestmark = pytest.mark.django_db


def search(client, language="fr", **params):
    with translation.override(language):
        response = client.get("/api/v1/search/", {"locale": language, "page_size": 100, **params})
    assert response.status_code == 200, response.content
    return response.json()


def found(client, language="fr", **params):
    return {hit["id"] for hit in search(client, language, **params)["results"]}


def ids(learning, *names):
    return {learning[name].public_id for name in names}


def test_each_facet_finds_the_resources_that_have_its_value(client, learning):
    assert found(client, type="learning_resource") == ids(learning, "video", "guide", "podcast")
    assert found(client, resource_format="video") == ids(learning, "video")
    assert found(client, resource_format=["video", "audio"]) == ids(learning, "video", "podcast")
    assert found(client, audience="facilitators") == ids(learning, "video")
    assert found(client, audience="citizens") == ids(learning, "video", "podcast")
    assert found(client, learning_level="intermediate") == ids(learning, "guide")
    assert found(client, resource_language="es") == ids(learning, "podcast")
    assert found(client, resource_language="fr") == ids(learning, "video", "guide", "podcast")


def test_accessibility_needs_ticked_together_must_all_be_met(client, learning):
    assert found(client, learning_access="captions") == ids(learning, "video")
    assert found(client, learning_access="transcript") == ids(learning, "video", "podcast")
    assert found(client, learning_access="audio_description") == ids(learning, "video")
    assert found(client, learning_access="sign_language") == ids(learning, "video")
    assert found(client, learning_access=["easy_to_read", "large_print"]) == ids(learning, "guide")
    assert found(client, learning_access=["captions", "transcript"]) == ids(learning, "video")
    assert found(client, learning_access=["captions", "large_print"]) == set()
    counts = {value["key"]: value["count"] for value in search(client)["facets"]["learning_access"]}
    assert counts["transcript"] == 2 and counts["captions"] == 1 and counts["easy_to_read"] == 1


def test_captions_and_transcript_count_in_the_pages_own_language(client, learning):
    """The English version of the video has no English captions nor transcript (removed from the
    recording after it went live): an English reader does not find it by those needs, and its
    words are the English version's."""
    recording = learning["video"].recording
    recording.captions_en.save("capsule-en.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n"))
    LearningMedia.objects.filter(pk=recording.pk).update(transcript_en="Hello.")
    translate_page(learning["video"], "en", title="Captioned fictional capsule", slug="captioned-capsule")
    LearningMedia.objects.filter(pk=recording.pk).update(captions_en="", transcript_en="")
    rebuild_index(get_backend())

    assert learning["video"].public_id in found(client, "fr", learning_access="captions")
    assert learning["video"].public_id not in found(client, "en", learning_access="captions")
    assert learning["video"].public_id not in found(client, "en", learning_access="transcript")
    assert learning["video"].public_id in found(client, "en", learning_access="sign_language")
    assert found(client, "fr", q="zèbrelune") == ids(learning, "video")
    assert found(client, "en", q="zèbrelune") == set()


def test_a_bad_facet_value_is_refused_by_name(client, learning):
    response = client.get("/api/v1/search/", {"learning_access": "telepathy"})
    assert response.status_code == 400
    assert "learning_access" in response.json()["errors"]
    response = client.get("/api/v1/search/", {"learning_level": "expert"})
    assert response.status_code == 400
    assert "learning_level" in response.json()["errors"]


def test_the_search_finds_what_is_said_taught_and_who_wrote_it(client, learning):
    assert found(client, q="zèbrelune") == ids(learning, "video")  # said in the video
    assert found(client, q="girafon") == ids(learning, "podcast")  # said in the podcast
    assert found(client, q="Fictif", type="learning_resource") >= ids(learning, "guide")
    assert found(client, q="Luc") == ids(learning, "guide")  # an author
    assert found(client, q="Lac") == ids(learning, "guide")  # an organization
    assert found(client, q="Commencer capsule") == ids(learning, "toolkit")
    # The toolkit's words hold its public resources' titles, never a draft's.
    assert learning["toolkit"].public_id in found(client, q="sous-titrée")
    assert found(client, q="motcaché") == set()
    assert found(client, q="brouillon") == set()


def test_a_toolkit_is_found_by_its_resources_titles_as_they_go_public_change_and_go_back(
    client, learning, committed
):
    """A toolkit's words hold its public resources' titles: a resource published, renamed,
    unpublished or made private changes the toolkits holding it, in the search as in its record,
    though the toolkit itself was not saved."""
    draft, video, toolkit = learning["draft"], learning["video"], learning["toolkit"]

    def toolkits(words):
        return found(client, q=words, type="toolkit")

    def listed():
        record = client.get(f"/api/v1/items/{toolkit.public_id}/").json()
        return [resource["id"] for resource in record["resources"]]

    committed(announce)  # what the fixture's saves announced goes out, as their commits would
    assert toolkits("brouillon") == set()
    committed(draft.save_revision().publish)
    assert toolkits("brouillon") == {toolkit.public_id}
    assert draft.public_id in listed()
    draft.refresh_from_db()
    committed(draft.unpublish)
    assert toolkits("brouillon") == set()
    assert draft.public_id not in listed()

    video.title = "Capsule fictive renommée zigzag"
    committed(video.save_revision().publish)
    assert toolkits("zigzag") == {toolkit.public_id}
    assert toolkits("sous-titrée") == set()
    committed(PageViewRestriction.objects.create, page=video, restriction_type="login")
    assert toolkits("zigzag") == set()
    assert video.public_id not in listed()


def test_the_items_api_describes_a_resource_and_a_toolkit_without_its_draft(client, learning):
    body = client.get(f"/api/v1/items/{learning['video'].public_id}/").json()
    assert body["type"] == "learning_resource"
    assert body["resource_format"]["key"] == "video"
    with translation.override("fr"):
        french = str(ResourceFormat.VIDEO.label)  # the vocabulary's French, wherever it is written
    assert body["resource_format"]["labels"] == {"fr": french, "en": "Video capsule"}
    assert [term["key"] for term in body["audiences"]] == ["citizens", "facilitators"]
    assert body["learning_level"]["key"] == "first-steps"
    assert [term["key"] for term in body["resource_languages"]] == ["fr", "en"]
    assert body["learning_outcomes"] == [
        "Ce qu'est un système d'IA.",
        "Où il sert dans les services publics.",
    ]
    assert body["licence"]["key"] == "CC-BY-4.0"
    assert [term["key"] for term in body["accessibility_features"]] == [
        "captions",
        "transcript",
        "audio_description",
        "sign_language",
    ]
    guide = client.get(f"/api/v1/items/{learning['guide'].public_id}/").json()
    assert [(a["person"], (a["organization"] or {}).get("name")) for a in guide["authors"]] == [
        ("Ana Fictive", None),
        ("Luc Fictif", None),
        ("", "Bibliothèque fictive du Lac"),
    ]

    response = client.get(f"/api/v1/items/{learning['toolkit'].public_id}/")
    toolkit = response.json()
    assert toolkit["type"] == "toolkit"
    assert toolkit["purpose"] == "Animer un atelier de 90 minutes sur l'IA à la bibliothèque."
    assert [resource["id"] for resource in toolkit["resources"]] == [
        learning["video"].public_id,
        learning["guide"].public_id,
    ]
    assert learning["draft"].public_id not in response.content.decode()
    assert client.get(f"/api/v1/items/{learning['draft'].public_id}/").status_code == 404


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_open_data_files_and_their_dictionary(settings, tmp_path, learning):
    settings.OPEN_DATA_ROOT = tmp_path / "open-data"
    build.build_open_data()
    root = settings.OPEN_DATA_ROOT

    rows = {row["id"]: row for row in read_csv(root / "vigie-learning-resources.csv")}
    assert set(rows) == ids(learning, "video", "guide", "podcast")
    video, guide = rows[learning["video"].public_id], rows[learning["guide"].public_id]
    assert video["format"] == "video" and video["audiences"] == "citizens|facilitators"
    assert video["accessibility"] == "captions|transcript|audio_description|sign_language"
    assert guide["accessibility"] == "easy_to_read|large_print"
    assert guide["authors"] == "Ana Fictive|Luc Fictif|Bibliothèque fictive du Lac"
    assert guide["level"] == "intermediate" and guide["licence"] == "CC-BY-4.0"

    (toolkit,) = read_csv(root / "vigie-toolkits.csv")
    assert toolkit["resources"] == f"{learning['video'].public_id}|{learning['guide'].public_id}"

    everything = "".join(path.read_text() for path in root.iterdir() if path.is_file())
    assert learning["draft"].public_id not in everything and "motcaché" not in everything
    data = json.loads((root / "vigie-data.json").read_text())
    assert data["counts"]["learning-resources"] == 3 and data["counts"]["toolkits"] == 1
    dictionary = json.loads((root / "data-dictionary.json").read_text())
    described = {spec["name"]: spec for spec in dictionary["files"]}
    columns = {column["name"] for column in described["vigie-learning-resources.csv"]["columns"]}
    assert {"format", "audiences", "level", "languages", "accessibility", "licence"} <= columns
    assert set(next(iter(rows.values()))) <= columns


def test_citations_sitemaps_feed_and_home_page(client, learning):
    video, toolkit = learning["video"], learning["toolkit"]
    for page in (video, toolkit):
        response = client.get(f"/cite/{page.public_id}/", {"format": "csl-json"})
        assert response.status_code == 200
        (item,) = json.loads(response.content)
        assert item["type"] == "document" and item["title"] == page.title
    guide = json.loads(client.get(f"/cite/{learning['guide'].public_id}/", {"format": "csl-json"}).content)[0]
    assert [author.get("literal") or author.get("family") for author in guide["author"]][-1] == (
        "Bibliothèque fictive du Lac"
    )

    for section, page in (("learning-resources", video), ("toolkits", toolkit)):
        text = client.get(f"/sitemap-{section}.xml").content.decode()
        assert page.url in text and learning["draft"].slug not in text

    with translation.override("fr"):
        feed = feedparser.parse(client.get(reverse("search-feed"), {"type": "learning_resource"}).content)
    assert {entry.title for entry in feed.entries} == {
        learning[name].title for name in ("video", "guide", "podcast")
    }

    home = client.get("/fr/").content.decode()
    assert 'id="latest-learning-resources"' in home and video.title in home
    assert 'id="latest-toolkits"' not in home and learning["draft"].title not in home
