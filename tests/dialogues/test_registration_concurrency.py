"""Many people ask for the last places of a session at the same moment: exactly as many as there
are places are confirmed, the others wait, in order; cancellations at the same moment give each
freed place to one person waiting. On SQLite and on PostgreSQL (run with ``DATABASE_URL``).

The threads post the public form on their own copy of the test database (``own_database``),
each on its own connection, committing as requests do."""

import datetime
import time
from zoneinfo import ZoneInfo

from django.test import Client

from dialogues import registering
from dialogues.models import Registration, RegistrationMode
from tests.factories import DialoguePageFactory, session, site_skeleton
from tests.hub.test_concurrent_writes import run_threads

QUEBEC = ZoneInfo("America/Toronto")
PLACES = 3
PEOPLE = 10


def hub_dialogue():
    site_skeleton()
    starts = datetime.datetime.combine(
        datetime.date.today() + datetime.timedelta(days=10), datetime.time(18, 30), tzinfo=QUEBEC
    )
    return DialoguePageFactory(
        sessions=[session(starts_at=starts, registration=RegistrationMode.HUB, capacity=PLACES)]
    )


def slow_count(monkeypatch):
    """Widen the gap between counting the places and writing the registration, where an unlocked
    sign-up would let another one in."""
    count = registering.confirmed_count

    def counted_slowly(session_key):
        result = count(session_key)
        time.sleep(0.1)
        return result

    monkeypatch.setattr(registering, "confirmed_count", counted_slowly)


def test_simultaneous_sign_ups_never_overfill_a_session(own_database, monkeypatch):
    page = hub_dialogue()
    url = f"{page.url}inscription/{page.schedule()[0].key}/"
    slow_count(monkeypatch)

    def sign_up(number):
        def post(failures):
            answer = Client().post(
                url,
                {"name": f"Personne {number}", "email": f"p{number}@example.org", "consent_to_contact": "on"},
            )
            if answer.status_code != 302:
                failures.append(f"person {number}: HTTP {answer.status_code}")

        post.__name__ = f"person {number}"
        return post

    assert run_threads([sign_up(number) for number in range(PEOPLE)]) == []

    statuses = list(Registration.objects.order_by("created_at", "pk").values_list("status", flat=True))
    assert len(statuses) == PEOPLE
    assert statuses.count("confirmed") == PLACES
    assert statuses.count("waiting") == PEOPLE - PLACES
    # First come, first served: the confirmed places went to the first registrations written.
    assert statuses == ["confirmed"] * PLACES + ["waiting"] * (PEOPLE - PLACES)


def test_simultaneous_cancellations_give_each_place_to_one_person_waiting(own_database, monkeypatch):
    page = hub_dialogue()
    scheduled = page.schedule()[0]
    people = [
        Registration.objects.create(
            session_key=scheduled.key,
            dialogue=page,
            name=f"Personne {number}",
            phone=f"514 555-01{number:02d}",
            language="fr",
            status="confirmed" if number < PLACES else "waiting",
        )
        for number in range(PEOPLE)
    ]
    slow_count(monkeypatch)

    def cancel(registration):
        def post(failures):
            url = f"{page.url}inscription/{registration.reference}/{registration.token}/annuler/"
            answer = Client().post(url)
            if answer.status_code != 200:
                failures.append(f"cancelling {registration.name}: HTTP {answer.status_code}")

        post.__name__ = f"cancel {registration.name}"
        return post

    assert run_threads([cancel(registration) for registration in people[:PLACES]]) == []

    statuses = dict(Registration.objects.values_list("name", "status"))
    assert [statuses[f"Personne {number}"] for number in range(PEOPLE)] == (
        ["cancelled"] * PLACES + ["confirmed"] * PLACES + ["waiting"] * (PEOPLE - 2 * PLACES)
    )
