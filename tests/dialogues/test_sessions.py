"""A dialogue and its sessions: times entered and shown in Québec time across daylight-saving
changes, the facts every reader sees from the version the dialogue was written in, and the
rules a session must satisfy whatever the road."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from dialogues.models import DialoguePage, RegistrationMode, SessionFormat, SessionStatus
from tests.factories import DialoguePageFactory, VenueFactory, locale, session, translate_page

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
QUEBEC = ZoneInfo("America/Toronto")


def test_a_dialogue_is_an_item_with_its_own_public_id(client, site_pages):
    page = DialoguePageFactory(title="Atelier fictif : l'IA à la bibliothèque")
    assert page.public_id.startswith(f"DI-{timezone.now().year}-")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Atelier fictif : l'IA à la bibliothèque" in response.content.decode()


@pytest.mark.parametrize(
    ("local", "utc"),
    [
        # Summer (EDT, UTC−4) and winter (EST, UTC−5): the same 18:30 is a different UTC time.
        (datetime.datetime(2027, 7, 8, 18, 30), datetime.datetime(2027, 7, 8, 22, 30, tzinfo=UTC)),
        (datetime.datetime(2027, 1, 14, 18, 30), datetime.datetime(2027, 1, 14, 23, 30, tzinfo=UTC)),
        # The Sunday clocks go back (2027-11-07) and the one they go forward (2027-03-14).
        (datetime.datetime(2027, 11, 7, 13, 0), datetime.datetime(2027, 11, 7, 18, 0, tzinfo=UTC)),
        (datetime.datetime(2027, 3, 14, 13, 0), datetime.datetime(2027, 3, 14, 17, 0, tzinfo=UTC)),
    ],
)
def test_a_session_entered_in_quebec_time_is_stored_and_shown_in_it(site_pages, local, utc):
    page = DialoguePageFactory(sessions=[session(starts_at=local.replace(tzinfo=QUEBEC))])
    stored = page.sessions.get()
    assert stored.starts_at == utc
    shown = page.schedule()[0]
    assert shown.starts_at.replace(tzinfo=None) == local
    assert shown.starts_at.utcoffset() == local.replace(tzinfo=QUEBEC).utcoffset()


def test_a_session_across_the_autumn_change_lasts_its_real_length(site_pages):
    # 00:30 to 03:30 on the night clocks go back: the wall clock says 3 hours, 4 hours pass.
    starts = datetime.datetime(2027, 11, 7, 0, 30, tzinfo=QUEBEC)
    ends = datetime.datetime(2027, 11, 7, 3, 30, tzinfo=QUEBEC)
    page = DialoguePageFactory(sessions=[session(starts_at=starts, hours=0)])
    stored = page.sessions.get()
    stored.ends_at = ends
    stored.save()
    assert stored.ends_at - stored.starts_at == datetime.timedelta(hours=4)


def test_sessions_are_listed_in_time_order(site_pages):
    later = datetime.datetime(2027, 5, 20, 18, 0, tzinfo=QUEBEC)
    sooner = datetime.datetime(2027, 5, 6, 18, 0, tzinfo=QUEBEC)
    page = DialoguePageFactory(
        sessions=[session(starts_at=later, title="2"), session(starts_at=sooner, title="1")]
    )
    assert [shown.words.title for shown in page.schedule()] == ["1", "2"]


def test_a_cancellation_reaches_the_translation_at_once_with_its_own_words(site_pages):
    original = DialoguePageFactory(sessions=[session(status_note="", what_to_bring="Vos questions.")])
    english = translate_page(original, title="Fictional workshop")
    english_session = english.sessions.get()
    english_session.what_to_bring = "Your questions."
    english_session.save()

    cancelled = DialoguePage.objects.get(pk=original.pk)
    french_session = cancelled.sessions.get()
    french_session.status = SessionStatus.CANCELLED
    french_session.status_note = "Annulé : la salle est fermée."
    french_session.save()

    shown = DialoguePage.objects.get(pk=english.pk).schedule()[0]
    assert shown.facts.status == SessionStatus.CANCELLED
    assert shown.key == french_session.translation_key == english_session.translation_key
    assert shown.words.what_to_bring == "Your questions."
    assert english.sessions.get().status == SessionStatus.SCHEDULED, "the copy itself waits for a sync"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"hours": -1}, "ends_at"),
        ({"format": SessionFormat.HYBRID, "venue": None}, "venue"),
        ({"registration": RegistrationMode.EXTERNAL}, "registration_url"),
        ({"registration": RegistrationMode.HUB}, "capacity"),
        ({"languages": ["fr", "xx"]}, "languages"),
    ],
)
def test_a_session_that_breaks_a_rule_is_refused_naming_the_field(site_pages, fields, field):
    hours = fields.pop("hours", 2)
    without_venue = "venue" in fields
    fields["venue"] = VenueFactory()
    built = session(hours=hours, **fields)
    if without_venue:
        built.venue = None
    with pytest.raises(ValidationError) as refused:
        built.full_clean(exclude=["dialogue", "locale", "translation_key"])
    assert field in refused.value.message_dict


def test_an_editor_ticks_a_sessions_languages(client, site_pages, superuser):
    """The inline session form offers the languages as checkboxes, not a JSON text box."""
    client.force_login(superuser)
    index = site_pages["fr"]["dialogues.DialogueIndexPage"]
    response = client.get(f"/admin/pages/add/dialogues/dialoguepage/{index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for code in ("fr", "en"):
        assert f'type="checkbox" name="sessions-__prefix__-languages" value="{code}"' in html


def test_a_list_of_dialogues_reads_every_schedule_at_once_as_each_page_would(
    site_pages, django_assert_max_num_queries
):
    """Lists (the register's timeline, the search rebuild and calendar, open data) read the
    schedules at once; each is the page's own: the original's facts, the version's words, the
    venue in the version's language."""
    venue = VenueFactory(name="Bibliothèque fictive du Parc")
    english_venue = venue.copy_for_translation(locale("en"))
    english_venue.name = "Fictional Park Library"
    english_venue.save()
    original = DialoguePageFactory(
        sessions=[
            session(starts_at=datetime.datetime(2027, 5, 20, 18, 0, tzinfo=QUEBEC), venue=venue),
            session(starts_at=datetime.datetime(2027, 5, 6, 18, 0, tzinfo=QUEBEC), what_to_bring="Rien."),
        ]
    )
    english = translate_page(original, title="Fictional workshop")
    others = [DialoguePageFactory(sessions=[session(venue=VenueFactory())]) for _ in range(3)]
    pks = [original.pk, english.pk, *(page.pk for page in others)]

    def shown(schedule):
        return [(s.facts.pk, s.words.pk, s.venue.name if s.venue else None) for s in schedule]

    expected = {pk: shown(DialoguePage.objects.get(pk=pk).schedule()) for pk in pks}
    assert expected[original.pk][1][2] == "Bibliothèque fictive du Parc"
    assert expected[english.pk][1][2] == "Fictional Park Library"
    assert expected[english.pk][0][1] != expected[original.pk][0][1], "the translation's own words"
    for language in ("fr", "en"):  # whatever the reader's language
        with translation.override(language):
            pages = list(DialoguePage.objects.filter(pk__in=pks))
            with django_assert_max_num_queries(7):  # the same for 5 dialogues as for 1
                DialoguePage.prepare_listed(pages)
            listed = {page.pk: shown(page.shown_schedule) for page in pages}
        assert listed == expected
