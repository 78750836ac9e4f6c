"""Registrations are deleted ``DIALOGUE_REGISTRATION_RETENTION_DAYS`` after their session ends,
by the same daily ``apply_retention`` that withdraws testimonies; of a person who agreed to be told
what came of the dialogue, only the address, language and dialogue stay, until
``DIALOGUE_CONTACT_RETENTION_DAYS``."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from dialogues.models import Registration, RegistrationMode
from tests.factories import DialoguePageFactory, session

pytestmark = pytest.mark.django_db

QUEBEC = ZoneInfo("America/Toronto")


def registered(page, name, index=0, **fields):
    scheduled = page.schedule()[index]
    fields.setdefault("status", "confirmed")
    fields.setdefault("email", f"{name}@example.org")
    fields.setdefault("language", "fr")
    return Registration.objects.create(session_key=scheduled.key, dialogue=page, name=name, **fields)


def ended(days_ago, hours=2):
    """A session that ended ``days_ago`` days ago (Québec time)."""
    ends = timezone.now() - datetime.timedelta(days=days_ago)
    return session(starts_at=ends.astimezone(QUEBEC) - datetime.timedelta(hours=hours), hours=hours)


def run_retention():
    output = io.StringIO()
    call_command("apply_retention", stdout=output)
    return output.getvalue()


def test_registrations_are_deleted_the_set_number_of_days_after_their_session(site_pages, settings):
    settings.DIALOGUE_REGISTRATION_RETENTION_DAYS = 30
    page = DialoguePageFactory(
        sessions=[
            ended(days_ago=31),  # past its retention
            ended(days_ago=29),  # not yet
            session(registration=RegistrationMode.HUB, capacity=5),  # to come
        ]
    )
    old = registered(page, "ancienne", 0)
    cancelled = registered(page, "annulee", 0, status="cancelled")
    recent = registered(page, "recente", 1)
    registered(page, "avenir", 2)
    # Registered well before the sessions: the registration's own date does not decide.
    Registration.objects.filter(pk__in=[old.pk, cancelled.pk, recent.pk]).update(
        created_at=timezone.now() - datetime.timedelta(days=60)
    )

    output = run_retention()

    assert "Deleted 2 dialogue registrations" in output
    assert "testimon" in output.lower()  # the testimonies' retention ran too
    assert set(Registration.objects.values_list("name", flat=True)) == {"recente", "avenir"}
    assert "No dialogue registration past its retention." in run_retention()


def test_the_number_of_days_is_a_setting(site_pages, settings):
    page = DialoguePageFactory(sessions=[ended(days_ago=8)])
    registration = registered(page, "semaine")
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=9)
    )
    settings.DIALOGUE_REGISTRATION_RETENTION_DAYS = 10
    run_retention()
    assert Registration.objects.filter(pk=registration.pk).exists()
    settings.DIALOGUE_REGISTRATION_RETENTION_DAYS = 7
    run_retention()
    assert not Registration.objects.filter(pk=registration.pk).exists()


def test_a_session_moved_later_keeps_its_registrations(site_pages, settings):
    """The end that counts is the session's latest: a session postponed to next month keeps its
    registrations even though it was first planned long ago."""
    settings.DIALOGUE_REGISTRATION_RETENTION_DAYS = 30
    page = DialoguePageFactory(sessions=[ended(days_ago=40)])
    registration = registered(page, "reportee")
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=60)
    )
    moved = page.sessions.get()
    moved.starts_at = timezone.now() + datetime.timedelta(days=30)
    moved.ends_at = moved.starts_at + datetime.timedelta(hours=2)
    moved.save()
    run_retention()
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_registrations_of_a_removed_session_go_the_same_number_of_days_after_they_were_made(
    site_pages, settings
):
    settings.DIALOGUE_REGISTRATION_RETENTION_DAYS = 30
    page = DialoguePageFactory(sessions=[session(registration=RegistrationMode.HUB, capacity=5)])
    kept = registered(page, "gardee")
    gone = registered(page, "partie")
    page.sessions.all().delete()
    Registration.objects.filter(pk=gone.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    run_retention()
    assert list(Registration.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_person_who_agreed_to_be_told_keeps_only_their_address_until_the_contact_retention(
    site_pages, settings
):
    settings.DIALOGUE_REGISTRATION_RETENTION_DAYS = 30
    settings.DIALOGUE_CONTACT_RETENTION_DAYS = 100
    page = DialoguePageFactory(sessions=[ended(days_ago=101), ended(days_ago=31)])
    details = {
        "phone": "514-555-0100",
        "accommodations": ["lsq"],
        "accommodations_details": "Près de l'interprète.",
    }
    agreed = registered(page, "daccord", 1, wants_report=True, language="en", **details)
    waiting = registered(page, "attente", 1, wants_report=True, status="waiting")
    not_agreed = registered(page, "pasdaccord", 1, **details)
    withdrew = registered(page, "annulee", 1, wants_report=True, status="cancelled")
    no_address = registered(page, "sansadresse", 1, wants_report=True, email="", phone="514-555-0101")
    long_ago = registered(page, "autrefois", 0, wants_report=True)
    Registration.objects.update(created_at=timezone.now() - datetime.timedelta(days=200))

    output = run_retention()

    assert "Deleted 4 dialogue registrations" in output
    assert "Reduced 2 dialogue registrations" in output
    kept = {row.pk: row for row in Registration.objects.all()}
    assert set(kept) == {agreed.pk, waiting.pk}
    for row in kept.values():
        assert (row.name, row.phone, row.accommodations, row.accommodations_details) == ("", "", [], "")
        assert row.wants_report and row.dialogue_id == page.pk
    assert (kept[agreed.pk].email, kept[agreed.pk].language) == ("daccord@example.org", "en")
    gone = {not_agreed.pk, withdrew.pk, no_address.pk, long_ago.pk}
    assert not Registration.objects.filter(pk__in=gone).exists()
    # The next day, nothing more to do; past the contact retention, the address goes too.
    assert "No dialogue registration past its retention." in run_retention()
    settings.DIALOGUE_CONTACT_RETENTION_DAYS = 30
    assert "Deleted 2 dialogue registrations" in run_retention()
    assert not Registration.objects.exists()
