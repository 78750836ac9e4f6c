"""Dialogues in every outlet: the search (their facets, each with a value per session, and the
"next session first" sort), the Atom feed's entries for a session added, changed or cancelled, the
items API, the open-data file (a row per session and language), citations and the sitemap. The
online address of a session with registration on the hub reaches none of them."""

import csv
import datetime
import json
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from dialogues.models import DialogueKind, DialoguePage, RegistrationMode, SessionFormat, SessionStatus
from open_data import build
from search.backends import get_backend
from search.index import rebuild_index
from tests.factories import DialoguePageFactory, VenueFactory, session, translate_page

pytestmark = pytest.mark.django_db

QUEBEC = ZoneInfo("America/Toronto")
SECRET = "https://visio.example.org/lien-des-inscrits"
NOW = timezone.now()


def days_from_now(days, hour=18):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, 30), tzinfo=QUEBEC)


@pytest.fixture
def dialogues(site_pages):
    library = VenueFactory(name="Bibliothèque fictive du Lac", elevator=True)
    pages = {
        "soon": DialoguePageFactory(
            title="Atelier fictif bientôt",
            sessions=[session(starts_at=days_from_now(10), venue=library, lsq_interpretation=True)],
        ),
        "later": DialoguePageFactory(
            title="Forum fictif plus tard",
            kind=DialogueKind.FORUM,
            sessions=[
                session(
                    starts_at=days_from_now(40),
                    format=SessionFormat.ONLINE,
                    online_url=SECRET,
                    registration=RegistrationMode.HUB,
                    capacity=40,
                ),
                session(
                    starts_at=days_from_now(70),
                    format=SessionFormat.HYBRID,
                    online_url=SECRET,
                    registration=RegistrationMode.HUB,
                    capacity=40,
                ),
            ],
        ),
        "past": DialoguePageFactory(
            title="Consultation fictive passée", sessions=[session(starts_at=days_from_now(-30))]
        ),
        "draft": DialoguePageFactory(title="Brouillon fictif", live=False),
    }
    rebuild_index(get_backend())
    return pages


def search(client, language="fr", **params):
    with translation.override(language):
        response = client.get("/api/v1/search/", {"type": "dialogue", "locale": language, **params})
    assert response.status_code == 200, response.content
    return response.json()


def ids(body):
    return [hit["id"] for hit in body["results"]]


def test_each_facet_finds_dialogues_by_any_of_their_sessions(client, dialogues):
    soon, later, past = dialogues["soon"], dialogues["later"], dialogues["past"]

    assert set(ids(search(client))) == {soon.public_id, later.public_id, past.public_id}
    assert ids(search(client, attendance_mode="online")) == [later.public_id]
    assert set(ids(search(client, attendance_mode="in-person"))) == {soon.public_id, past.public_id}
    assert ids(search(client, attendance_mode="hybrid")) == [later.public_id]
    assert ids(search(client, accessibility="elevator")) == [soon.public_id]
    assert ids(search(client, accessibility="lsq_interpretation")) == [soon.public_id]
    assert ids(search(client, kind="forum")) == [later.public_id]
    month = f"{days_from_now(70):%Y-%m}"
    assert later.public_id in ids(search(client, month=month))
    assert past.public_id not in ids(search(client, month=month))


def test_months_are_labelled_in_the_readers_language(client, dialogues):
    moment = days_from_now(10)
    french = {value["key"]: value["label"] for value in search(client, "fr")["facets"]["month"]}
    english = {value["key"]: value["label"] for value in search(client, "en")["facets"]["month"]}
    french_months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    assert french[f"{moment:%Y-%m}"] == f"{french_months[moment.month - 1]} {moment.year}"
    assert english[f"{moment:%Y-%m}"] == moment.strftime("%B %Y")  # the C locale's English names


def test_next_session_first_puts_the_upcoming_soonest_first_and_the_past_after(client, dialogues):
    body = search(client, sort="next_session")
    assert ids(body) == [dialogues[name].public_id for name in ("soon", "later", "past")]


def test_a_bad_facet_value_is_refused_by_name(client, dialogues):
    response = client.get("/api/v1/search/", {"attendance_mode": "en-avion"})
    assert response.status_code == 400
    assert "attendance_mode" in response.json()["errors"]


def test_the_items_api_gives_the_sessions_facts_and_never_a_registrants_link(client, dialogues):
    later = dialogues["later"]
    response = client.get(f"/api/v1/items/{later.public_id}/")
    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "dialogue"
    assert body["kind"]["key"] == "forum"
    assert [organizer["name"] for organizer in body["organizers"]] == [o.name for o in later.organizers.all()]
    first, second = body["sessions"]
    assert first["format"]["key"] == "online" and first["venue"] is None
    assert first["online_url"] is None and first["capacity"] == 40
    assert datetime.datetime.fromisoformat(first["starts_at"]) == days_from_now(40)
    assert second["venue"]["key"] == later.sessions.order_by("starts_at")[1].venue.key
    assert "step_free_entrance" in [feature["key"] for feature in second["venue"]["accessibility"]]
    assert "lien-des-inscrits" not in response.content.decode()


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_open_data_file_has_a_row_per_session_and_language(settings, tmp_path, dialogues):
    settings.OPEN_DATA_ROOT = tmp_path / "open-data"
    translate_page(dialogues["later"], "en", title="Fictional forum later", slug="fictional-forum-later")

    build.build_open_data()

    rows = read_csv(settings.OPEN_DATA_ROOT / "vigie-dialogues.csv")
    later = dialogues["later"]
    later_rows = [row for row in rows if row["id"] == later.public_id]
    assert sorted((row["locale"], row["starts_at"]) for row in later_rows) == sorted(
        (language, moment.isoformat())
        for language in ("fr", "en")
        for moment in (days_from_now(40), days_from_now(70))
    )
    assert {row["title"] for row in later_rows} == {"Forum fictif plus tard", "Fictional forum later"}
    assert {row["id"] for row in rows} == {dialogues[name].public_id for name in ("soon", "later", "past")}
    soon_row = next(row for row in rows if row["id"] == dialogues["soon"].public_id)
    assert soon_row["venue_name"] == "Bibliothèque fictive du Lac"
    assert soon_row["accessibility"] == "step_free_entrance|elevator"
    assert soon_row["accommodations"] == "lsq_interpretation"
    everything = "".join(path.read_text() for path in settings.OPEN_DATA_ROOT.iterdir() if path.is_file())
    assert "lien-des-inscrits" not in everything and "Brouillon fictif" not in everything
    data = json.loads((settings.OPEN_DATA_ROOT / "vigie-data.json").read_text())
    item = next(item for item in data["dialogues"] if item["id"] == later.public_id)
    assert [s["format"] for s in item["sessions"]] == ["online", "hybrid"]


def test_a_dialogue_is_cited_as_an_event_on_its_day_and_is_in_the_sitemap(client, dialogues):
    soon = dialogues["soon"]
    response = client.get(f"/cite/{soon.public_id}/", {"format": "csl-json"})
    assert response.status_code == 200
    (item,) = json.loads(response.content)
    assert item["type"] == "event"
    moment = days_from_now(10)
    assert item["event-date"] == {"date-parts": [[moment.year, moment.month, moment.day]]}

    sitemap = client.get("/sitemap-dialogues.xml")
    assert sitemap.status_code == 200
    text = sitemap.content.decode()
    assert soon.url in text and "brouillon-fictif" not in text


def test_the_feed_announces_a_session_changed_or_cancelled(client, dialogues):
    later = DialoguePage.objects.get(pk=dialogues["later"].pk)
    first, second = later.sessions.order_by("starts_at")
    first.starts_at += datetime.timedelta(hours=1)
    first.ends_at += datetime.timedelta(hours=1)
    second.status = SessionStatus.CANCELLED
    second.status_note = "Annulé faute de salle."
    later.sessions = [first, second]
    later.save_revision().publish()
    rebuild_index(get_backend())

    with translation.override("fr"):
        response = client.get(reverse("search-feed"), {"type": "dialogue"})
    feed = feedparser.parse(response.content)
    titles = [entry.title for entry in feed.entries]
    assert "Forum fictif plus tard · Séance modifiée" in titles
    assert "Forum fictif plus tard · Séance annulée" in titles
    cancelled = next(entry for entry in feed.entries if entry.title.endswith("annulée"))
    assert "Annulé faute de salle." in cancelled.summary
    stored = type(second).objects.get(pk=second.pk)
    assert cancelled.updated_parsed[:6] == stored.changed_at.astimezone(datetime.UTC).timetuple()[:6]
    assert cancelled.id.endswith(f"#session-{stored.translation_key}-1")
    # Sessions present when the dialogue was first published are not news of their own.
    assert not any(entry.title.startswith("Atelier fictif bientôt ·") for entry in feed.entries)


def test_accessibility_needs_ticked_together_must_all_be_met(client, dialogues):
    """A person who needs an elevator and LSQ finds only the dialogues offering both; each count
    then says how many of those also offer that feature. Other facets keep "any of"."""
    elevator_only = DialoguePageFactory(
        title="Atelier fictif à l'ascenseur",
        sessions=[session(starts_at=days_from_now(12), venue=VenueFactory(elevator=True))],
    )
    rebuild_index(get_backend())
    soon = dialogues["soon"]  # an elevator and LSQ

    assert set(ids(search(client, accessibility="elevator"))) == {soon.public_id, elevator_only.public_id}
    both = search(client, accessibility=["elevator", "lsq_interpretation"])
    assert ids(both) == [soon.public_id]
    counts = {value["key"]: value["count"] for value in both["facets"]["accessibility"]}
    assert counts["elevator"] == counts["lsq_interpretation"] == 1
    assert ids(search(client, accessibility=["elevator", "live_captions"])) == []
    either = search(client, attendance_mode=["online", "in-person"])
    assert soon.public_id in ids(either) and dialogues["later"].public_id in ids(either)
