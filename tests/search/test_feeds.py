"""Following a search: the Atom feeds of /fr/recherche/flux/ and /en/search/feed/, the "updated"
time they are ordered by (the latest publication with a new public change note), and the link
from the search page. Feeds are read with feedparser, as a reader would."""

import datetime
from datetime import UTC

import feedparser
import pytest
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry, PageViewRestriction
from wagtail.signals import page_published

from hub.item_urls import PageUrls
from impacts.models import CaseFilePage
from search.backends import get_backend
from search.documents import documents_for_versions
from search.index import rebuild_index
from search.models import IndexedItem
from tests.factories import AdvocacyBriefPageFactory, CaseFilePageFactory, translate_page

pytestmark = pytest.mark.django_db

API = "/api/v1/search/"
ORIGIN = "http://testserver"


def feed_path(language):
    with translation.override(language):
        return reverse("search-feed")


def search_path(language):
    with translation.override(language):
        return reverse("search")


def read_feed(client, language, params=None):
    response = client.get(feed_path(language), params or {})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def public_id_of(entry):
    """The entry's id is the item's permanent citation address."""
    prefix = f"{ORIGIN}/cite/"
    assert entry.id.startswith(prefix) and entry.id.endswith("/")
    return entry.id[len(prefix) : -1]


def publish(page, note="", **fields):
    """Publish a new version of ``page`` with the public change note ``note``, as an editor would."""
    page = type(page).objects.get(pk=page.pk)
    page.change_note = note
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def at_second(moment):
    return moment.astimezone(UTC).replace(microsecond=0)


def entry_time(struct):
    return datetime.datetime(*struct[:6], tzinfo=UTC)


@pytest.fixture
def corpus(site_pages):
    pages = {
        "health": CaseFilePageFactory(
            title="Triage à l'urgence",
            services=["sante"],
            regions=["laval"],
            plain_summary="Une machine trie.",
        ),
        "housing": CaseFilePageFactory(
            title="Logement et algorithme", services=["habitation"], regions=["laval"]
        ),
        "brief": AdvocacyBriefPageFactory(
            title="Mémoire sur le triage", services=["sante"], regions=["montreal"]
        ),
        "draft": CaseFilePageFactory(title="Brouillonfeed secret", services=["sante"], live=False),
        "private": CaseFilePageFactory(title="Privéfeed secret", services=["sante"], regions=["laval"]),
        "deleted": CaseFilePageFactory(title="Suppriméfeed secret", services=["sante"]),
        "with_draft": CaseFilePageFactory(title="Version publiée", services=["sante"], regions=["laval"]),
    }
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="login")
    pages["with_draft"].title = "Révisionfeed secrète"
    pages["with_draft"].save_revision()
    pages["deleted"].delete()
    pages["health_en"] = translate_page(
        pages["health"], "en", title="Emergency triage", slug="emergency-triage"
    )
    rebuild_index(get_backend())
    return pages


def test_the_feed_lists_what_the_search_finds_in_the_feeds_language(client, corpus):
    for language, health_title in (("fr", "Triage à l'urgence"), ("en", "Emergency triage")):
        feed = read_feed(client, language, {"service": "sante"})

        assert {entry.title for entry in feed.entries} == {
            health_title,
            "Mémoire sur le triage",
            "Version publiée",
        }
        api = client.get(API, {"service": "sante", "locale": language, "page_size": 100}).json()
        assert sorted(public_id_of(entry) for entry in feed.entries) == sorted(
            hit["id"] for hit in api["results"]
        )
        assert feed.feed.language == language


def test_each_entry_has_its_address_dates_summaries_categories_and_language(client, corpus):
    health, housing = corpus["health"], corpus["housing"]

    feed = read_feed(client, "en", {"region": "laval", "type": "casefile"})
    entries = {public_id_of(entry): entry for entry in feed.entries}

    translated = entries[health.public_id]
    assert translated.title == "Emergency triage"
    assert translated.link == ORIGIN + health.url_in("en") == ORIGIN + corpus["health_en"].url
    assert translated.id == f"{ORIGIN}/cite/{health.public_id}/"
    assert translated.title_detail.language == "en"
    assert translated.summary == corpus["health_en"].summary
    assert translated.summary_detail.type == "text/plain"
    assert "Une machine trie." in translated.content[0].value
    assert "Not translated yet" not in translated.content[0].value
    assert {(tag.term, tag.label, tag.scheme) for tag in translated.tags} == {
        ("casefile", "Case files", f"{ORIGIN}/en/search/?type="),
        ("sante", "Health", f"{ORIGIN}/en/search/?service="),
        ("laval", "Laval", f"{ORIGIN}/en/search/?region="),
    }
    assert entry_time(translated.published_parsed) == at_second(corpus["health_en"].first_published_at)
    assert entry_time(translated.updated_parsed) == at_second(corpus["health_en"].first_published_at)

    untranslated = entries[housing.public_id]
    assert untranslated.title == "Logement et algorithme"
    assert (
        untranslated.link == ORIGIN + housing.url_in("en") == f"{ORIGIN}/en/case-files/{housing.public_id}/"
    )
    assert untranslated.title_detail.language == "fr"
    assert untranslated.content[0].value.startswith('<p lang="en"><em>Not translated yet')
    assert ("habitation", "Housing") in {(tag.term, tag.label) for tag in untranslated.tags}


def test_the_feed_names_its_search_and_links_to_it_and_to_itself(client, corpus):
    english = read_feed(client, "en", {"type": "casefile", "service": "sante", "region": "laval"})
    french = read_feed(client, "fr", {"type": "casefile", "service": "sante", "region": "laval"})
    everything = read_feed(client, "en")
    several = read_feed(client, "en", {"q": "triage", "service": ["habitation", "sante"], "level": "none"})

    assert english.feed.title == "Vigie IA · Case files · Health · Laval"
    assert french.feed.title == "Vigie IA · Dossiers · Santé · Laval"
    assert everything.feed.title == "Vigie IA · All published items"
    assert several.feed.title == "Vigie IA · “triage” · Health or Housing · Impact level not assessed"
    query = "type=casefile&service=sante&region=laval"
    links = {link.rel: link.href for link in english.feed.links}
    assert links == {"self": f"{ORIGIN}/en/search/feed/?{query}", "alternate": f"{ORIGIN}/en/search/?{query}"}
    assert english.feed.id == links["self"]


def test_the_self_link_keeps_every_parameter_it_was_requested_with(client, corpus):
    """Written in another order, repeated, with parameters the feed decides itself (sort, page):
    the self link is the address as requested; the feed's id is the same search's."""
    requested = "region=laval&service=sante&service=habitation&sort=relevance&page=3&type=casefile"
    response = client.get(f"{feed_path('en')}?{requested}")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"] == f"{ORIGIN}/en/search/feed/?{requested}"
    assert (
        feed.feed.id
        == read_feed(
            client, "en", {"type": "casefile", "service": ["sante", "habitation"], "region": "laval"}
        ).feed.id
    )


def test_drafts_private_deleted_and_draft_revisions_are_never_in_a_feed(client, corpus):
    listed = set()
    for language in ("fr", "en"):
        response = client.get(feed_path(language))
        text = response.content.decode()
        for secret in ("Brouillonfeed", "Privéfeed", "Suppriméfeed", "Révisionfeed"):
            assert secret not in text
        listed |= {public_id_of(entry) for entry in feedparser.parse(response.content).entries}
    published = {corpus[name].public_id for name in ("health", "housing", "brief", "with_draft")}
    assert listed == published


def test_an_item_made_private_is_left_out_even_before_the_index_follows(client, corpus):
    housing = corpus["housing"]
    PageViewRestriction.objects.create(
        page=housing, restriction_type="login"
    )  # its re-index waits for a commit

    assert IndexedItem.objects.filter(public_id=housing.public_id).exists()
    assert housing.public_id in {hit["id"] for hit in client.get(API, {"page_size": 100}).json()["results"]}
    for language in ("fr", "en"):
        feed = read_feed(client, language)
        assert housing.public_id not in {public_id_of(entry) for entry in feed.entries}
        assert feed.entries  # the others are still there


@pytest.mark.parametrize(
    "params",
    [
        {"service": "inconnu"},
        {"region": ["laval", "atlantide"]},
        {"page": "deux"},
        {"page_size": "500"},
        {"q": "x" * 201},
        {"sort": "random"},
        {"locale": "de", "level": "9"},
    ],
)
def test_bad_parameters_get_400_with_the_errors_of_the_json_api(client, params):
    for language in ("fr", "en"):
        api = client.get(API, params, HTTP_ACCEPT_LANGUAGE=language)  # the feed's language is its URL's
        response = client.get(feed_path(language), params)
        assert (response.status_code, api.status_code) == (400, 400)
        assert response["Content-Type"] == "application/json"
        assert response.json() == api.json()
        assert set(response.json()["errors"]) == set(params)


def test_sort_and_page_do_not_change_a_feed(client, corpus):
    plain = read_feed(client, "fr", {"service": "sante"})
    other = read_feed(client, "fr", {"service": "sante", "sort": "title", "page": "7", "page_size": "1"})

    assert [entry.id for entry in other.entries] == [entry.id for entry in plain.entries]
    assert len(plain.entries) == 3


def test_only_the_feeds_methods_are_allowed(client, site_pages):
    assert client.post(feed_path("fr")).status_code == 405
    assert client.head(feed_path("fr")).status_code == 200


# --- The latest material update --------------------------------------------------------------


def test_entries_come_by_latest_material_update(client, site_pages, committed, clock):
    clock.set(2026, 1, 5, 9)
    first = committed(CaseFilePageFactory, title="Premier")
    clock.set(2026, 1, 6, 9)
    second = committed(CaseFilePageFactory, title="Deuxième")
    clock.set(2026, 1, 7, 9)
    third = committed(CaseFilePageFactory, title="Troisième")

    def entries(language="fr"):
        feed = read_feed(client, language)
        return [
            (entry.title, entry_time(entry.updated_parsed), entry_time(entry.published_parsed))
            for entry in feed.entries
        ]

    def day(*args):
        return datetime.datetime(*args, tzinfo=UTC)

    assert entries() == [
        ("Troisième", day(2026, 1, 7, 9), day(2026, 1, 7, 9)),
        ("Deuxième", day(2026, 1, 6, 9), day(2026, 1, 6, 9)),
        ("Premier", day(2026, 1, 5, 9), day(2026, 1, 5, 9)),
    ]

    clock.set(2026, 2, 1, 10)
    committed(publish, first, note="Ajout de la réponse du ministère.")  # a new note: updated
    clock.set(2026, 2, 2, 10)
    committed(publish, second, summary="Une virgule corrigée.")  # no note: not a material change
    clock.set(2026, 2, 3, 10)
    committed(publish, first, note="Ajout de la réponse du ministère.")  # the same note again
    clock.set(2026, 2, 4, 10)
    committed(publish, third, note="   ")  # blank is no note

    assert entries() == [
        ("Premier", day(2026, 2, 1, 10), day(2026, 1, 5, 9)),
        ("Troisième", day(2026, 1, 7, 9), day(2026, 1, 7, 9)),
        ("Deuxième", day(2026, 1, 6, 9), day(2026, 1, 6, 9)),
    ]
    first = CaseFilePage.objects.get(pk=first.pk)
    noted = [published_at for published_at, note in first.public_history() if note]
    assert at_second(noted[0]) == day(2026, 2, 1, 10)  # the date the item's history shows for its note

    clock.set(2026, 3, 1, 10)
    committed(publish, second, note="Nouvelle source.")

    assert [title for title, _updated, _published in entries("en")] == ["Deuxième", "Premier", "Troisième"]
    assert entries("en")[0][1] == day(2026, 3, 1, 10)


def test_a_feed_holds_the_fifty_latest(client, site_pages, clock):
    pages = []
    for number in range(51):
        clock.set(2026, 1, 1 + number // 24, number % 24)
        pages.append(CaseFilePageFactory(title=f"Dossier {number:02d}"))
    rebuild_index(get_backend())

    feed = read_feed(client, "fr")

    assert [entry.title for entry in feed.entries] == [f"Dossier {number:02d}" for number in range(50, 0, -1)]


def test_a_document_built_when_wagtail_announces_a_publication_does_not_change_once_it_is_logged(
    site_pages, clock
):
    """Outside a transaction the index is updated at once on ``page_published``, which Wagtail
    sends before it logs the publication: the document must already be the final one."""
    announced = []

    def build_now(sender, instance, **kwargs):
        logged = PageLogEntry.objects.filter(page_id=instance.pk, action="wagtail.publish").count()
        announced.append((logged, documents_for_versions([instance], PageUrls.load())))

    page_published.connect(build_now, dispatch_uid="test-build-on-publish")
    try:
        page = CaseFilePageFactory(title="Annoncé")
        publish(page, note="Première note.")
        publish(page, summary="Sans note.")
        publish(page, note="Deuxième note.")
    finally:
        page_published.disconnect(dispatch_uid="test-build-on-publish")

    assert [logged for logged, _documents in announced] == [0, 1, 2, 3]  # built before each log entry
    page = CaseFilePage.objects.get(pk=page.pk)
    final = documents_for_versions([page], PageUrls.load())
    assert announced[-1][1] == final
    assert final[0]["updated"] == page.last_published_at.astimezone(UTC).isoformat(timespec="milliseconds")


# --- Following a search from the search page --------------------------------------------------


def test_the_search_page_offers_to_follow_the_search(client, corpus):
    response = client.get(
        search_path("fr"), {"q": "triage", "service": "sante", "sort": "title", "page": "1"}
    )

    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.select_one(".follow-search a[type='application/atom+xml']")
    assert link is not None
    assert link.get_text(strip=True) == "Suivre cette recherche (flux Atom)"
    assert link["href"] == f"{feed_path('fr')}?q=triage&service=sante"
    hint = soup.find(id=link["aria-describedby"])
    assert "lecteur de flux" in hint.get_text()
    feed = feedparser.parse(client.get(link["href"]).content)
    api = client.get(API, {"q": "triage", "service": "sante", "page_size": 100}).json()
    assert sorted(public_id_of(entry) for entry in feed.entries) == sorted(
        hit["id"] for hit in api["results"]
    )
    assert feed.entries


def test_the_search_page_announces_its_feed_in_its_head(client, corpus):
    response = client.get(search_path("en"), {"service": "sante"})

    head = BeautifulSoup(response.content, "html.parser").head
    link = head.find("link", rel="alternate", type="application/atom+xml")
    assert link is not None and link["href"] == f"{feed_path('en')}?service=sante"


def test_the_search_page_sorts_by_latest_update_on_request(client, corpus):
    response = client.get(search_path("en"), {"sort": "updated"})

    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#search-sort option[selected]")["value"] == "updated"
    titles = [link.get_text(strip=True) for link in soup.select(".result-list h3 a")]
    feed = read_feed(client, "en")
    assert titles == [entry.title for entry in feed.entries]


def test_a_feed_that_finds_nothing_is_the_same_whenever_it_is_read(client, corpus):
    """Not dated by the clock: a reader (or a restored backup) gets the same bytes and
    ``Last-Modified`` for the same empty search."""
    url = reverse("search-feed") + "?q=zzqxwvy"
    answers = []
    for moment in (
        datetime.datetime(2026, 3, 1, 12, tzinfo=UTC),
        datetime.datetime(2026, 9, 1, 12, tzinfo=UTC),
    ):
        with time_machine.travel(moment, tick=False):
            answers.append(client.get(url))
    first, second = answers
    assert feedparser.parse(first.content).entries == []
    assert first.content == second.content
    assert first["Last-Modified"] == second["Last-Modified"]
