"""A dialogue's JSON-LD is a schema.org ``Event``: dates with their offsets, one ``subEvent`` per
session, status, attendance mode, place with its address and accessibility, organizers; the
online address of a session with registration on the hub stays out. Every type and property it
uses exists in schema.org, with that type in the property's domain (the terms of the release in
``schema_org_terms.json``, read without network)."""

import datetime
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from dialogues.models import RegistrationMode, SessionFormat, SessionStatus
from tests.factories import DialoguePageFactory, OrganizationFactory, VenueFactory, session

pytestmark = pytest.mark.django_db

QUEBEC = ZoneInfo("America/Toronto")
SCHEMA = "https://schema.org/"
TERMS = json.loads((Path(__file__).parent / "schema_org_terms.json").read_text())
SECRET = "https://visio.example.org/reservee-aux-inscrits"


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    scripts = BeautifulSoup(response.content, "html.parser").find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string), response.content.decode()


def check_terms(node, path="$"):
    """Every ``@type`` is a schema.org type, every property one whose domain includes that type
    (or a type it descends from), every enumeration value a member of the property's range."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            check_terms(item, f"{path}[{index}]")
        return
    if not isinstance(node, dict):
        return
    kind = node["@type"]
    assert kind in TERMS["types"], f"{path}: unknown type {kind}"
    lineage = {kind, *TERMS["types"][kind]}
    for name, value in node.items():
        if name.startswith("@"):
            continue
        assert name in TERMS["properties"], f"{path}.{name}: unknown property"
        assert lineage & set(TERMS["properties"][name]), f"{path}.{name} is not a property of {kind}"
        if name in TERMS["ranges"]:
            member = value.removeprefix(SCHEMA)
            assert TERMS["members"].get(member) in TERMS["ranges"][name], f"{path}.{name}: {value}"
        check_terms(value, f"{path}.{name}")


def test_a_dialogue_with_several_sessions_is_an_event_with_sub_events(client, site_pages):
    venue = VenueFactory(name="Bibliothèque fictive du Parc", hearing_loop=True, phone="514 555-0100")
    organizer = OrganizationFactory(
        name="Organisme fictif de quartier", website="https://quartier.example.org/"
    )
    page = DialoguePageFactory(
        title="Forum fictif",
        organizers=[organizer],
        sessions=[
            session(
                starts_at=datetime.datetime(2027, 1, 14, 18, 30, tzinfo=QUEBEC), venue=venue, capacity=30
            ),
            session(
                starts_at=datetime.datetime(2027, 7, 8, 18, 30, tzinfo=QUEBEC),
                format=SessionFormat.ONLINE,
                online_url=SECRET,
                registration=RegistrationMode.HUB,
                capacity=50,
                status=SessionStatus.CANCELLED,
                title="2. En ligne",
            ),
        ],
    )
    data, html = json_ld(client, page)

    check_terms(data)
    assert data["@type"] == "Event"
    assert data["name"] == "Forum fictif"
    # 18:30 in Québec: UTC−5 in January, UTC−4 in July; the second session ends at 20:30.
    assert data["startDate"] == "2027-01-14T18:30:00-05:00"
    assert data["endDate"] == "2027-07-08T20:30:00-04:00"
    assert data["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"
    assert data["organizer"] == [
        {
            "@type": "Organization",
            "name": "Organisme fictif de quartier",
            "url": "https://quartier.example.org/",
        }
    ]
    assert "author" not in data and "datePublished" not in data
    first, second = data["subEvent"]
    assert first["eventStatus"] == SCHEMA + "EventScheduled"
    assert first["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert first["maximumAttendeeCapacity"] == 30
    assert first["location"]["name"] == "Bibliothèque fictive du Parc"
    assert first["location"]["address"]["addressLocality"] == "Montréal"
    assert first["location"]["telephone"] == "514 555-0100"
    assert {feature["name"] for feature in first["location"]["amenityFeature"]} == {
        "stepFreeEntrance",
        "hearingLoop",
    }
    assert second["name"] == "2. En ligne"
    assert second["eventStatus"] == SCHEMA + "EventCancelled"
    assert second["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert second["location"] == {"@type": "VirtualLocation"}
    assert "reservee-aux-inscrits" not in html


def test_a_single_session_gives_its_facts_to_the_event_itself(client, site_pages):
    page = DialoguePageFactory(
        sessions=[
            session(
                starts_at=datetime.datetime(2027, 3, 14, 13, 0, tzinfo=QUEBEC),
                format=SessionFormat.HYBRID,
                online_url="https://visio.example.org/ouvert",
                status=SessionStatus.MOVED_ONLINE,
            )
        ]
    )
    data, _html = json_ld(client, page)

    check_terms(data)
    assert "subEvent" not in data
    # The day clocks go forward: 13:00 is already daylight time.
    assert data["startDate"] == "2027-03-14T13:00:00-04:00"
    assert data["eventStatus"] == SCHEMA + "EventMovedOnline"
    assert data["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://visio.example.org/ouvert"}


def test_the_terms_file_names_its_release():
    assert TERMS["release"] and "schemaorg" in TERMS["source"]
