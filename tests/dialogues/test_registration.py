"""Registering for a session on the hub: the form and what it says about places, the person's
confirmation page and e-mail (with the online link and an .ics), the waiting list, cancelling
through the secret link, and the sessions that take no registration."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from dialogues.models import DialoguePage, Registration, RegistrationMode, SessionFormat, SessionStatus
from tests.dialogues.test_calendars import ics_path
from tests.dialogues.test_schedule_changes import admin_form, form_errors
from tests.factories import (
    DialoguePageFactory,
    PageViewRestrictionFactory,
    role_user,
    session,
    translate_page,
)

pytestmark = pytest.mark.django_db

QUEBEC = ZoneInfo("America/Toronto")
ONLINE_URL = "https://visio.example.org/salle-fictive-4821"
STARTS = datetime.datetime.combine(
    datetime.date.today() + datetime.timedelta(days=20), datetime.time(18, 30), tzinfo=QUEBEC
)


def hub_session(**fields):
    fields.setdefault("registration", RegistrationMode.HUB)
    fields.setdefault("capacity", 2)
    fields.setdefault("format", SessionFormat.HYBRID)
    fields.setdefault("online_url", ONLINE_URL)
    return session(starts_at=STARTS, **fields)


@pytest.fixture
def dialogue(site_pages):
    return DialoguePageFactory(title="Atelier fictif Algorithmes", sessions=[hub_session()])


def form_url(page, scheduled=None):
    scheduled = scheduled or page.schedule()[0]
    word = {"fr": "inscription", "en": "register"}[page.locale.language_code]
    return f"{page.url}{word}/{scheduled.key}/"


def answers(**fields):
    data = {
        "name": "Camille Fictive",
        "email": "camille@example.org",
        "phone": "",
        "accommodations": ["lsq", "quiet-space"],
        "accommodations_details": "Une chaise près de la porte.",
        "consent_to_contact": "on",
    }
    data.update(fields)
    return {name: value for name, value in data.items() if value is not None}


def register(client, page, committed, **fields):
    """POST the form as a person would; returns the answer (followed) and the new registration."""
    before = set(Registration.objects.values_list("pk", flat=True))
    response = committed(client.post, form_url(page), answers(**fields), follow=True)
    new = Registration.objects.exclude(pk__in=before).first()
    return response, new


def links_in(message):
    """The confirmation and cancellation addresses an e-mail gives, by their words."""
    urls = re.findall(r"https?://\S+", message.body)
    return [url for url in urls if "annuler" not in url and "cancel" not in url], [
        url for url in urls if url.endswith(("annuler/", "cancel/"))
    ]


def test_the_form_says_how_many_places_are_left(client, dialogue):
    response = client.get(form_url(dialogue))
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 places restantes" in html
    assert 'name="consent_to_contact"' in html
    assert "no-store" in response["Cache-Control"]


def test_registering_confirms_the_place_with_a_page_and_an_email_holding_the_calendar(
    client, dialogue, committed
):
    response, registration = register(client, dialogue, committed)

    assert registration.status == "confirmed"
    assert registration.accommodations == ["lsq", "quiet-space"]
    assert response.redirect_chain[0][1] == 302
    page = response.content.decode()
    assert "Votre place est confirmée" in page
    assert ONLINE_URL in page  # the registered person gets the online link
    assert response["Referrer-Policy"] == "same-origin"  # no other site learns the address
    assert "noindex" in response["X-Robots-Tag"]

    [message] = mail.outbox
    assert message.to == ["camille@example.org"]
    assert "Atelier fictif Algorithmes" in message.subject
    assert "Camille Fictive" in message.body
    assert ONLINE_URL in message.body
    assert "Interprétation en LSQ (langue des signes québécoise)" in message.body
    assert "Une chaise près de la porte." in message.body
    [(name, content, mimetype)] = message.attachments
    assert (name, mimetype) == ("session.ics", "text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    # The same event as the dialogue's calendar: a calendar that later subscribes updates it.
    published = Calendar.from_ical(client.get(ics_path(dialogue)).content).walk("VEVENT")[0]
    assert str(event["UID"]) == str(published["UID"])
    assert str(event["UID"]).startswith(str(dialogue.schedule()[0].key))
    assert event.decoded("DTSTART") == STARTS
    assert str(event["CONFERENCE"]) == ONLINE_URL

    status_urls, cancel_urls = links_in(message)
    assert response.redirect_chain[0][0] in status_urls[-1]
    assert cancel_urls and registration.token in cancel_urls[0]


def test_the_emails_event_is_the_calendars_whatever_host_each_request_named(site_pages, committed):
    """A person imports the e-mail's event, then subscribes to the dialogue's calendar through
    another of the hub's names: the calendar updates that event instead of adding a second."""
    page = DialoguePageFactory(sessions=[hub_session()])
    committed(Client(HTTP_HOST="localhost").post, form_url(page), answers())
    [message] = mail.outbox
    [(_name, content, _mimetype)] = message.attachments
    emailed = Calendar.from_ical(content).walk("VEVENT")[0]
    subscribed = Calendar.from_ical(Client(HTTP_HOST="127.0.0.1").get(ics_path(page)).content)
    assert str(emailed["UID"]) == str(subscribed.walk("VEVENT")[0]["UID"])


def test_when_places_run_out_people_go_on_the_waiting_list_without_the_online_link(
    client, dialogue, committed
):
    for number in range(2):
        register(client, dialogue, committed, email=f"personne{number}@example.org")
    assert "complète" in client.get(form_url(dialogue)).content.decode()
    mail.outbox.clear()

    response, waiting = register(client, dialogue, committed, email="attente@example.org")

    assert waiting.status == "waiting"
    html = response.content.decode()
    assert "liste d’attente" in html or "liste d'attente" in html
    assert ONLINE_URL not in html
    [message] = mail.outbox
    assert "attente" in message.subject
    assert ONLINE_URL not in message.body
    assert message.attachments == []


def test_cancelling_asks_first_then_gives_the_place_to_the_first_person_waiting(client, dialogue, committed):
    _response, first = register(client, dialogue, committed, email="premiere@example.org")
    register(client, dialogue, committed, email="deuxieme@example.org")
    _response, waiting = register(client, dialogue, committed, email="attente1@example.org")
    _response, later = register(client, dialogue, committed, email="attente2@example.org")
    _status_urls, [cancel_url] = links_in(mail.outbox[0])
    mail.outbox.clear()

    asked = client.get(cancel_url)
    assert asked.status_code == 200
    assert '<form method="post"' in asked.content.decode()
    first.refresh_from_db()
    assert first.status == "confirmed"  # a GET changes nothing

    done = committed(client.post, cancel_url)
    assert done.status_code == 200
    assert "annulée" in done.content.decode()
    first.refresh_from_db()
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert (first.status, waiting.status, later.status) == ("cancelled", "confirmed", "waiting")
    [message] = mail.outbox
    assert message.to == ["attente1@example.org"]
    assert ONLINE_URL in message.body
    assert message.attachments[0][0] == "session.ics"

    committed(client.post, cancel_url)  # twice: nothing more happens
    later.refresh_from_db()
    assert later.status == "waiting"
    assert len(mail.outbox) == 1


def fill_and_wait(client, page, committed):
    """Two places taken, then two people waiting; the e-mails so far are cleared."""
    for number in range(2):
        register(client, page, committed, email=f"personne{number}@example.org")
    waiting = [register(client, page, committed, email=f"attente{n}@example.org")[1] for n in range(2)]
    mail.outbox.clear()
    return waiting


def test_more_places_published_go_to_the_people_waiting_longest(client, dialogue, committed, settings):
    first, second = fill_and_wait(client, dialogue, committed)
    page = DialoguePage.objects.get(pk=dialogue.pk)
    [stored] = page.sessions.all()
    stored.capacity = 3
    page.sessions = [stored]
    page.save_revision()  # a draft gives nobody a place
    first.refresh_from_db()
    assert first.status == "waiting" and mail.outbox == []

    committed(page.save_revision().publish)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waiting")
    [message] = mail.outbox
    assert message.to == ["attente0@example.org"]
    assert ONLINE_URL in message.body
    # No request at hand: the links are on the hub's own address.
    status_urls, cancel_urls = links_in(message)
    assert cancel_urls[0].startswith(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/")


def test_more_places_published_from_the_admin_go_to_the_people_waiting(client, dialogue, committed):
    first, second = fill_and_wait(client, dialogue, committed)
    editor = Client()
    editor.force_login(role_user(None, "administratrice"))
    url = reverse("wagtailadmin_pages:edit", args=[dialogue.pk])
    form = admin_form(DialoguePage.objects.get(pk=dialogue.pk), capacity=4)

    response = committed(editor.post, url, form)

    assert response.status_code == 302, form_errors(response)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "confirmed")
    assert sorted(message.to[0] for message in mail.outbox) == [
        "attente0@example.org",
        "attente1@example.org",
    ]


def test_errors_name_their_field_and_register_nobody(client, dialogue):
    response = client.post(form_url(dialogue), answers(name=" ", email="", phone="", consent_to_contact=None))
    html = response.content.decode()
    assert response.status_code == 400
    assert Registration.objects.count() == 0
    assert '<a href="#id_name">' in html
    assert '<a href="#id_email">' in html
    assert '<a href="#id_consent_to_contact">' in html
    assert "Donnez une adresse courriel ou un numéro de téléphone" in html
    assert 'aria-invalid="true"' in html

    bad_phone = client.post(form_url(dialogue), answers(email="", phone="appelez-moi"))
    assert bad_phone.status_code == 400
    assert '<a href="#id_phone">' in bad_phone.content.decode()

    other = client.post(form_url(dialogue), answers(accommodations=["other"], accommodations_details=""))
    assert '<a href="#id_accommodations_details">' in other.content.decode()

    unknown = client.post(form_url(dialogue), answers(accommodations=["piscine"]))
    assert unknown.status_code == 400
    assert '<a href="#id_accommodations_0">' in unknown.content.decode()


def test_hearing_of_the_report_is_asked_apart_optional_and_needs_an_email(
    client, dialogue, committed, settings
):
    """Registering requires the consent to be contacted about the session; being told of the
    dialogue's report is a choice of its own, which keeps the address longer, and says so."""
    settings.DIALOGUE_CONTACT_RETENTION_DAYS = 200
    html = client.get(form_url(dialogue)).content.decode()
    assert 'name="wants_report"' in html and "au plus 200 jours après la séance" in html

    _response, without = register(client, dialogue, committed)
    assert without.consent_to_contact and not without.wants_report
    assert "200 jours" not in mail.outbox[-1].body

    refused = client.post(form_url(dialogue), answers(email="", phone="514 555-0199", wants_report="on"))
    assert refused.status_code == 400
    assert '<a href="#id_wants_report">' in refused.content.decode()

    _response, asked = register(client, dialogue, committed, email="dominique@example.org", wants_report="on")
    assert asked.wants_report
    assert "au plus 200 jours après la séance" in mail.outbox[-1].body


def test_a_person_with_only_a_phone_gets_the_page_and_no_email(client, dialogue, committed):
    response, registration = register(client, dialogue, committed, email="", phone="514 555-0199")
    assert registration.status == "confirmed"
    assert "Votre place est confirmée" in response.content.decode()
    assert mail.outbox == []


def test_english_readers_register_in_english_and_the_email_follows(client, dialogue, committed):
    english = translate_page(dialogue, title="Fictional workshop on algorithms")
    assert client.get(form_url(english).replace("register/", "inscription/")).status_code == 404

    response, registration = register(client, english, committed)

    assert registration.language == "en"
    assert registration.dialogue_id == dialogue.pk  # the original version, whose organizers see it
    assert "Your place is confirmed" in response.content.decode()
    assert mail.outbox[0].subject == "Your place is confirmed: Fictional workshop on algorithms"
    assert "LSQ interpretation (Québec Sign Language)" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"status": SessionStatus.CANCELLED}, "fermées"),
        ({"status": SessionStatus.HELD}, "fermées"),
    ],
)
def test_a_cancelled_or_held_session_takes_no_registration(client, site_pages, fields, words, committed):
    page = DialoguePageFactory(sessions=[hub_session(**fields)])
    html = client.get(form_url(page)).content.decode()
    assert words in html
    assert 'name="consent_to_contact"' not in html
    committed(client.post, form_url(page), answers())
    assert Registration.objects.count() == 0


def test_a_session_that_started_takes_no_registration(client, site_pages):
    started = timezone.localtime() - datetime.timedelta(minutes=5)
    page = DialoguePageFactory(sessions=[session(starts_at=started, registration="hub", capacity=5)])
    client.post(form_url(page), answers())
    assert Registration.objects.count() == 0


def test_sessions_without_hub_registration_drafts_and_private_dialogues_have_no_form(client, site_pages):
    elsewhere = DialoguePageFactory(
        sessions=[session(registration=RegistrationMode.EXTERNAL, registration_url="https://example.org/")]
    )
    draft = DialoguePageFactory(live=False, sessions=[hub_session()])
    private = DialoguePageFactory(sessions=[hub_session()])
    PageViewRestrictionFactory(page=private)
    assert client.get(form_url(elsewhere)).status_code == 404
    assert client.get(form_url(draft)).status_code == 404
    # Wagtail asks for the page's password instead; even a visitor who knows it gets no form.
    assert 'name="consent_to_contact"' not in client.get(form_url(private)).content.decode()
    assert client.post(form_url(private), answers()).status_code != 302
    assert Registration.objects.count() == 0


def test_a_wrong_secret_or_another_dialogue_shows_nothing(client, dialogue, committed):
    _response, registration = register(client, dialogue, committed)
    other = DialoguePageFactory(sessions=[hub_session()])
    good = f"{dialogue.url}inscription/{registration.reference}/{registration.token}/"
    assert client.get(good).status_code == 200
    wrong = good.replace(registration.token, "0" * len(registration.token))
    assert client.get(wrong).status_code == 404
    assert client.post(wrong + "annuler/").status_code == 404
    assert client.get(good.replace(dialogue.url, other.url)).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_the_dialogue_page_links_to_the_form_with_the_places_left(client, dialogue, committed):
    register(client, dialogue, committed)
    html = client.get(dialogue.url).content.decode()
    assert f'href="{form_url(dialogue)}"' in html
    assert "1 place restante" in html


def test_registrations_are_rate_limited_per_address(client, dialogue, settings, committed):
    settings.RATELIMITS = {**settings.RATELIMITS, "dialogue_registration": "2/h"}
    for number in range(2):
        committed(client.post, form_url(dialogue), answers(email=f"p{number}@example.org"))
    refused = client.post(form_url(dialogue), answers())
    assert refused.status_code == 429
    assert client.get(form_url(dialogue)).status_code == 200  # reading the form is not counted
    assert Registration.objects.count() == 2


def test_an_untranslated_dialogue_is_still_served_in_the_other_languages_index(client, dialogue, site_pages):
    """A routable dialogue keeps the index's fallback route for a reader of the other language."""
    index = site_pages["en"]["dialogues.DialogueIndexPage"]
    response = client.get(index.item_url(dialogue))
    assert response.status_code == 200
    assert "Atelier fictif Algorithmes" in response.content.decode()
