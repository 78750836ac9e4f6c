"""The dialogues' calendars, read back with ``icalendar`` and checked against RFC 5545's rules:
CRLF line ends, lines of at most 75 octets, a stable UID (across edits and languages), SEQUENCE
raised by a change of time and not by a typo, STATUS:CANCELLED, DTSTART with its TZID and a
VTIMEZONE, the right UTC instant on both sides of a daylight-saving change."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from dialogues.models import DialogueKind, DialoguePage, RegistrationMode, SessionFormat, SessionStatus
from search.backends import get_backend
from search.index import rebuild_index
from tests.factories import DialoguePageFactory, session, translate_page

pytestmark = pytest.mark.django_db

QUEBEC = ZoneInfo("America/Toronto")  # the same rules as Montréal's, named otherwise on purpose
UTC = datetime.UTC
HOST = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname  # whatever host a request names


def ics_path(page, language="fr"):
    with translation.override(language):
        return reverse("dialogue-ics", kwargs={"public_id": page.public_id})


def search_calendar_path(language="fr"):
    with translation.override(language):
        return reverse("search-calendar")


def read_calendar(response):
    """The calendar of a response, after checking the rules of its text."""
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)  # every line ends CRLF
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    return Calendar.from_ical(raw)


def events(calendar):
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=QUEBEC)


@pytest.fixture
def dialogue(site_pages):
    return DialoguePageFactory(
        title="Atelier fictif : comprendre les algorithmes de tri, avec des mots simples et des exemples",
        sessions=[
            session(starts_at=at(2027, 1, 14, 18, 30), title="1. Découvrir"),
            session(starts_at=at(2027, 7, 8, 18, 30), title="2. Proposer"),
        ],
    )


def test_a_dialogues_calendar_holds_each_session_in_quebec_time(client, dialogue):
    calendar = read_calendar(client.get(ics_path(dialogue)))

    assert str(calendar["version"]) == "2.0" and calendar["prodid"]
    assert str(calendar["name"]) == dialogue.title
    sessions = {s.translation_key: s for s in dialogue.sessions.all()}
    found = events(calendar)
    assert set(found) == {f"{key}@{HOST}" for key in sessions}
    winter, summer = sorted(found.values(), key=lambda event: event.decoded("dtstart"))
    # 18:30 in Québec is 23:30 UTC in January (EST) and 22:30 UTC in July (EDT).
    assert winter.decoded("dtstart").astimezone(UTC) == datetime.datetime(2027, 1, 14, 23, 30, tzinfo=UTC)
    assert summer.decoded("dtstart").astimezone(UTC) == datetime.datetime(2027, 7, 8, 22, 30, tzinfo=UTC)
    assert summer.decoded("dtend").astimezone(UTC) == datetime.datetime(2027, 7, 9, 0, 30, tzinfo=UTC)
    for event in (winter, summer):
        assert event["dtstart"].params["TZID"] == "America/Montreal"
        assert "dtstamp" in event and int(event["sequence"]) == 0 and str(event["status"]) == "CONFIRMED"
        assert "http://testserver" + dialogue.url in str(event["description"])
    assert "1. Découvrir" in str(winter["summary"])


def test_the_time_zone_is_described_for_the_years_the_sessions_need_only(client, dialogue):
    calendar = read_calendar(client.get(ics_path(dialogue)))
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "America/Montreal"
    transitions = [part for part in zone.subcomponents if part.name in ("STANDARD", "DAYLIGHT")]
    years = {part.decoded("dtstart").year for part in transitions}
    assert years and min(years) >= 2026 and max(years) <= 2028
    # 2027's changes, on the second Sunday of March and the first of November.
    rdates = b"".join(part.to_ical() for part in transitions)
    assert b"20270314T030000" in rdates and b"20271107T020000" in rdates


def test_the_uid_is_the_same_in_both_languages_and_across_edits(client, dialogue):
    english = translate_page(dialogue, "en", title="Fictional workshop", slug="fictional-workshop")
    french = events(read_calendar(client.get(ics_path(dialogue, "fr"))))
    in_english = events(read_calendar(client.get(ics_path(english, "en"))))
    assert set(french) == set(in_english)
    assert all(str(event["summary"]).startswith("Fictional workshop") for event in in_english.values())

    page = DialoguePage.objects.get(pk=dialogue.pk)
    first, second = page.sessions.order_by("starts_at")
    first.starts_at += datetime.timedelta(hours=1)
    first.ends_at += datetime.timedelta(hours=1)
    page.sessions = [first, second]
    page.save_revision().publish()

    moved = events(read_calendar(client.get(ics_path(dialogue))))
    assert set(moved) == set(french)
    changed = moved[f"{first.translation_key}@{HOST}"]
    assert int(changed["sequence"]) == 1
    assert changed.decoded("dtstart").astimezone(UTC) == datetime.datetime(2027, 1, 15, 0, 30, tzinfo=UTC)
    assert changed.decoded("last-modified") > changed.decoded("dtstart") - datetime.timedelta(days=3650)
    # The English calendar follows the original's facts at once.
    assert int(events(read_calendar(client.get(ics_path(english, "en"))))[changed["uid"]]["sequence"]) == 1


def test_a_typo_fixed_leaves_the_sequence_and_a_cancellation_says_so(client, dialogue):
    page = DialoguePage.objects.get(pk=dialogue.pk)
    first, second = page.sessions.order_by("starts_at")
    first.title = "1. Découvrir l'IA"
    second.status = SessionStatus.CANCELLED
    second.status_note = "La salle est fermée pour travaux."
    page.sessions = [first, second]
    page.save_revision().publish()

    found = events(read_calendar(client.get(ics_path(dialogue))))
    assert len(found) == 2  # the cancelled session stays, so calendars remove it
    kept, cancelled = found[f"{first.translation_key}@{HOST}"], found[f"{second.translation_key}@{HOST}"]
    assert int(kept["sequence"]) == 0 and str(kept["status"]) == "CONFIRMED"
    assert int(cancelled["sequence"]) == 1 and str(cancelled["status"]) == "CANCELLED"
    assert "La salle est fermée pour travaux." in str(cancelled["description"])


def test_the_online_address_of_a_session_with_registration_on_the_hub_stays_private(client, site_pages):
    secret, open_link = "https://visio.example.org/secret-inscrits", "https://visio.example.org/ouvert"
    page = DialoguePageFactory(
        sessions=[
            session(
                format=SessionFormat.ONLINE,
                online_url=secret,
                registration=RegistrationMode.HUB,
                capacity=20,
            ),
            session(format=SessionFormat.ONLINE, online_url=open_link, starts_at=at(2027, 2, 1, 12)),
        ]
    )
    raw = client.get(ics_path(page)).content.decode()
    assert "secret-inscrits" not in raw.replace("\r\n ", "")
    assert open_link in raw.replace("\r\n ", "")


def test_drafts_restricted_and_unknown_dialogues_have_no_calendar(client, site_pages):
    draft = DialoguePageFactory(live=False)
    private = DialoguePageFactory()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert client.get(ics_path(draft)).status_code == 404
    assert client.get(ics_path(private)).status_code == 404
    assert client.get("/fr/calendar/DI-2027-9999.ics").status_code == 404


@pytest.fixture
def searchable(site_pages):
    pages = {
        "workshop": DialoguePageFactory(
            title="Atelier fictif de quartier", sessions=[session(starts_at=at(2027, 5, 12, 18, 30))]
        ),
        "forum": DialoguePageFactory(
            title="Forum fictif régional",
            kind=DialogueKind.FORUM,
            sessions=[session(starts_at=at(2027, 6, 2, 9), status=SessionStatus.CANCELLED)],
        ),
        "draft": DialoguePageFactory(title="Brouillon fictif secret", live=False),
    }
    rebuild_index(get_backend())
    return pages


def test_a_dialogue_search_is_a_calendar_named_after_the_search(client, searchable):
    calendar = read_calendar(client.get(search_calendar_path(), {"type": "dialogue"}))
    found = events(calendar)
    expected = {
        f"{s.translation_key}@{HOST}"
        for name in ("workshop", "forum")
        for s in searchable[name].sessions.all()
    }
    assert set(found) == expected
    assert "Dialogues citoyens" in str(calendar["name"])
    statuses = {str(event["summary"]): str(event["status"]) for event in found.values()}
    assert statuses == {"Atelier fictif de quartier": "CONFIRMED", "Forum fictif régional": "CANCELLED"}

    forums = read_calendar(client.get(search_calendar_path("en"), {"type": "dialogue", "kind": "forum"}))
    assert [str(event["summary"]) for event in forums.walk("VEVENT")] == ["Forum fictif régional"]
    assert "Forum" in str(forums["name"])


def test_a_bad_search_parameter_is_refused_by_name(client, searchable):
    response = client.get(search_calendar_path(), {"type": "dialogue", "month": "2027-13"})
    assert response.status_code == 400
    assert "month" in response.json()["errors"]


def test_a_search_calendar_asks_the_same_number_of_queries_for_one_dialogue_or_five(
    client, site_pages, django_assert_max_num_queries
):
    def queries(count):
        DialoguePage.objects.all().delete()
        for number in range(count):
            DialoguePageFactory(
                title=f"Atelier fictif {number}",
                sessions=[
                    session(starts_at=at(2027, 3, 1 + number, 18)),
                    session(starts_at=at(2027, 4, 1, 18)),
                ],
            )
        rebuild_index(get_backend())
        with django_assert_max_num_queries(200) as captured:
            calendar = read_calendar(client.get(search_calendar_path(), {"type": "dialogue"}))
        assert len(calendar.walk("VEVENT")) == 2 * count
        return len(captured)

    assert queries(5) == queries(1)


def test_a_search_for_dialogues_offers_itself_as_a_calendar_and_a_search_for_case_files_does_not(
    client, searchable
):
    def calendar_links(params):
        page = BeautifulSoup(client.get("/fr/recherche/", params).content.decode(), "html.parser")
        return [link["href"] for link in page.select('a[type="text/calendar"]')]

    [link] = calendar_links({"type": "dialogue", "kind": "forum"})
    forums = read_calendar(client.get(link))
    assert [str(event["summary"]) for event in forums.walk("VEVENT")] == ["Forum fictif régional"]
    assert len(calendar_links({})) == 1  # every type, dialogues among them
    assert calendar_links({"type": "casefile"}) == []
