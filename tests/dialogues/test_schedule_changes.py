"""A session's SEQUENCE and LAST-MODIFIED: raised when a publication changes its time, end,
venue, format or status, by whatever road the version is published (the admin, a scheduled
publication, ``revision.publish()``), and left alone by a typo fixed in its words."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from dialogues.models import DialoguePage, SessionStatus
from hub.models import Region, Service
from tests.factories import DialoguePageFactory, VenueFactory, role_user, session, terms

pytestmark = pytest.mark.django_db


def draft(page, **session_fields):
    """The page's latest version with its one session changed, saved as a new revision."""
    page = DialoguePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    stored = page.sessions.all()[0]
    for name, value in session_fields.items():
        setattr(stored, name, value)
    page.sessions = [stored]
    return page.save_revision()


def numbers(page):
    stored = DialoguePage.objects.get(pk=page.pk).sessions.get()
    return stored.sequence, stored.changed_at


def test_a_new_session_starts_at_zero_and_is_dated(site_pages):
    before = timezone.now()
    page = DialoguePageFactory()
    sequence, changed_at = numbers(page)
    assert sequence == 0
    assert changed_at >= before


@pytest.mark.parametrize(
    "change",
    [
        lambda s: {
            "starts_at": s.starts_at + datetime.timedelta(hours=1),
            "ends_at": s.ends_at + datetime.timedelta(hours=1),
        },
        lambda s: {"ends_at": s.ends_at + datetime.timedelta(minutes=30)},
        lambda s: {"status": SessionStatus.CANCELLED},
        lambda s: {"format": "hybrid", "online_url": "https://visio.example.org/fictif"},
        lambda s: {"venue": VenueFactory()},
    ],
    ids=["time", "end", "status", "format", "venue"],
)
def test_a_published_change_to_what_a_calendar_holds_raises_the_sequence(site_pages, change):
    page = DialoguePageFactory()
    _sequence, first_changed = numbers(page)
    stored = page.sessions.get()

    draft(page, **change(stored)).publish()

    sequence, changed_at = numbers(page)
    assert sequence == 1
    assert changed_at > first_changed


def test_a_typo_fixed_in_the_words_changes_nothing_for_calendars(site_pages):
    page = DialoguePageFactory(sessions=[session(title="Atelir 1")])
    before = numbers(page)

    draft(page, title="Atelier 1", status_note="Une note corrigée.", what_to_bring="Un crayon").publish()

    assert numbers(page) == before
    assert page.sessions.get().title == "Atelier 1"


def test_a_draft_changes_nothing_until_it_is_published(site_pages):
    page = DialoguePageFactory()
    stored = page.sessions.get()
    revision = draft(page, starts_at=stored.starts_at + datetime.timedelta(days=7))
    assert numbers(page)[0] == 0
    revision.publish()
    assert numbers(page)[0] == 1


def test_each_change_counts_even_from_a_revision_written_before_the_last_one(site_pages):
    """A revision carries the numbers of the day it was written: they are not trusted."""
    page = DialoguePageFactory()
    stored = page.sessions.get()
    draft(page, status=SessionStatus.POSTPONED).publish()
    later = draft(
        page, status=SessionStatus.RESCHEDULED, starts_at=stored.starts_at + datetime.timedelta(days=14)
    )
    assert later.content["sessions"][0]["sequence"] in (0, 1)  # whatever it carries
    later.publish()
    assert numbers(page)[0] == 2


def test_a_scheduled_publication_raises_the_sequence(site_pages):
    page = DialoguePageFactory()
    stored = page.sessions.get()
    revision = draft(
        page,
        starts_at=stored.starts_at + datetime.timedelta(days=1),
        ends_at=stored.ends_at + datetime.timedelta(days=1),
    )
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    call_command("publish_scheduled")

    assert numbers(page)[0] == 1


def admin_form(page, **session_fields):
    """The dialogue's edit form as an administrator submits it to publish."""
    stored = page.sessions.get()
    local = timezone.localtime
    row = {
        "id": stored.pk,
        "title": stored.title,
        "starts_at": local(stored.starts_at).strftime("%Y-%m-%d %H:%M"),
        "ends_at": local(stored.ends_at).strftime("%Y-%m-%d %H:%M"),
        "format": stored.format,
        "status": stored.status,
        "status_note": stored.status_note,
        "venue": stored.venue_id or "",
        "online_url": stored.online_url,
        "what_to_bring": stored.what_to_bring,
        "registration": stored.registration,
        "registration_url": "",
        "registration_phone": "",
        "capacity": "",
    }
    row.update(session_fields)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "plain_summary": page.plain_summary,
            "kind": page.kind,
            "question": page.question,
            "can_change": page.can_change,
            "cannot_change": "",
            "decided_by": "",
            "account": "",
            "attendance": "",
            "receiving_body": "",
            "sessions": inline_formset([row], initial=1, min=1),
            "materials": streamfield([]),
            "comments": inline_formset([]),
            "change_note": "",
            "action-publish": "action-publish",
        }
    )
    # The languages are checkboxes: one value per ticked box.
    data["sessions-0-languages"] = list(page.sessions.get().languages)
    data["organizers"] = [organization.pk for organization in page.organizers.all()]
    data["services"] = [term.pk for term in terms(Service, page.service_keys, "fr")]
    data["regions"] = [term.pk for term in terms(Region, page.region_keys, "fr")]
    return data


def test_publishing_from_the_admin_raises_the_sequence_of_the_changed_session_only(site_pages):
    page = DialoguePageFactory()
    client = Client()
    client.force_login(role_user(None, "administratrice"))
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.post(url, admin_form(page, status_note="Même heure, note corrigée."))
    assert response.status_code == 302, form_errors(response)
    assert numbers(page)[0] == 0

    later = timezone.localtime(page.sessions.get().starts_at) + datetime.timedelta(hours=2)
    response = client.post(
        url,
        admin_form(
            page,
            starts_at=later.strftime("%Y-%m-%d %H:%M"),
            ends_at=(later + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        ),
    )
    assert response.status_code == 302, form_errors(response)
    assert numbers(page)[0] == 1
    assert DialoguePage.objects.get(pk=page.pk).live


def form_errors(response):
    form = response.context["form"]
    return form.errors, {name: formset.errors for name, formset in form.formsets.items()}
