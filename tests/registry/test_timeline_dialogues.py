"""Dialogues about an AI system on its register page: each public dialogue that names the system
joins the entry's timeline by itself (the register does not know dialogues), as a "Dialogue", once,
in the reader's language where it is translated and in French, marked so, where it is not; drafts
and private dialogues never show. A dialogue is dated by its sessions (the day of its next
session, else of its last, in Québec time), and the page's queries do not grow with the number
of dialogues."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from dialogues.models import DialoguePage
from hub.models import ItemPage
from tests.factories import (
    DialoguePageFactory,
    PageViewRestrictionFactory,
    SystemPageFactory,
    session,
    translate_page,
)
from tests.registry.test_pages_links import queries_for, soup, timeline

pytestmark = pytest.mark.django_db

QUEBEC = ZoneInfo("America/Toronto")
# Dialogues are dated by their sessions once their type says so (the outlets' ``sort_date``).
dated_by_sessions = pytest.mark.skipif(
    DialoguePage.sort_date is ItemPage.sort_date,
    reason="the dialogue's own date (its sessions) comes with the outlets' sort_date",
)


def at(days, hour=18, minute=30):
    """``days`` from today at a Québec wall-clock time, late in the evening so that the UTC day
    differs from the local one: a date taken in the wrong time zone shows."""
    day = datetime.date.today() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=QUEBEC)


def about(system, title, starts_at, **fields):
    page = DialoguePageFactory(title=title, sessions=[session(starts_at=starts_at)], **fields)
    page = DialoguePage.objects.get(pk=page.pk)
    page.systems = [system]
    page.save_revision().publish()
    return DialoguePage.objects.get(pk=page.pk)


@pytest.fixture
def dialogues(site_pages):
    system = SystemPageFactory(title="Trieur fictif")
    held = about(system, "Atelier tenu", at(-30, 21, 15))
    coming = about(system, "Forum à venir", at(20, 20, 0), kind="forum")
    english = translate_page(coming, title="Upcoming forum")
    draft = DialoguePageFactory(title="Atelier brouillon", live=False)
    draft.systems = [system]
    draft.save_revision()
    private = about(system, "Atelier privé", at(5))
    PageViewRestrictionFactory(page=private)
    return {"system": system, "held": held, "coming": coming, "english": english}


def untranslated_url(page, language):
    index = page.index_for(language)
    return index.item_url(page)


def test_public_dialogues_join_the_timeline_once_in_the_readers_language(client, dialogues):
    held, coming = dialogues["held"], dialogues["coming"]
    french = {
        (kind, title, href) for _date, kind, title, href in timeline(client.get(dialogues["system"].url))
    }
    assert french == {("Dialogue", "Atelier tenu", held.url), ("Dialogue", "Forum à venir", coming.url)}

    english_entry = dialogues["system"].url_in("en")
    page = soup(client.get(english_entry))
    rows = {(kind, title, href) for _date, kind, title, href in timeline(client.get(english_entry))}
    assert rows == {
        ("Dialogue", "Atelier tenu", untranslated_url(held, "en")),
        ("Dialogue", "Upcoming forum", dialogues["english"].url),
    }
    untranslated = page.find("a", string="Atelier tenu")
    assert untranslated["lang"] == "fr"


@dated_by_sessions
def test_a_dialogue_is_dated_by_its_next_session_else_its_last(client, dialogues):
    held, coming = dialogues["held"], dialogues["coming"]
    rows = timeline(client.get(dialogues["system"].url))
    # 21:15 and 20:00 in Québec are the next day in UTC: the dates are Québec's.
    assert [(date, title) for date, _kind, title, _href in rows] == [
        (at(-30).date().isoformat(), "Atelier tenu"),
        (at(20).date().isoformat(), "Forum à venir"),
    ]
    assert held.sessions.get().starts_at.astimezone(datetime.UTC).date() != at(-30).date()
    assert coming.sessions.get().starts_at.astimezone(datetime.UTC).date() != at(20).date()


def test_the_pages_queries_do_not_grow_with_the_dialogues(client, site_pages):
    few, many = SystemPageFactory(), SystemPageFactory()
    about(few, "Atelier seul", at(10))
    for number in range(4):
        about(many, f"Atelier {number}", at(10 + number))
    for page in (few, many):  # the site's paths, the menus and the footer are kept after a first page
        queries_for(client, page.url)
    assert len(timeline(client.get(many.url))) == 4
    assert queries_for(client, few.url) == queries_for(client, many.url)
