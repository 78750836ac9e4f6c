"""The XSS corpus (tests/hub/test_xss_corpus.py) in registrations: every free-text field a person
types in the public form (name, e-mail, phone, accommodations in their words), and the words of
the session shown beside it, rendered on the person's own pages, in the registrants' admin (list,
inspect, delete, CSV export) and in the e-mails: nothing may come out as live markup.

Fields are found by introspection, as in the corpus: a field added to registrations later is
covered without editing this module. The e-mails are plain text only, so no mail reader renders
what a person typed as HTML."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from dialogues import emails
from dialogues.models import Registration, RegistrationMode, SessionFormat
from hub.csv_cells import FORMULA_STARTS
from tests.factories import DialoguePageFactory, session
from tests.hub.test_xss_corpus import Corpus, Surfaces, fill

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning"),
]

QUEBEC = ZoneInfo("America/Toronto")


@pytest.fixture
def hostile(site_pages):
    corpus = Corpus()
    starts = datetime.datetime.combine(
        datetime.date.today() + datetime.timedelta(days=9), datetime.time(18, 30), tzinfo=QUEBEC
    )
    page = DialoguePageFactory(
        sessions=[
            session(
                starts_at=starts,
                format=SessionFormat.HYBRID,
                online_url="https://visio.example.org/salle",
                registration=RegistrationMode.HUB,
                capacity=5,
                title=corpus.text("Session.title", 200),
                status_note=corpus.text("Session.status_note", 300),
                what_to_bring=corpus.text("Session.what_to_bring"),
            )
        ]
    )
    registration = Registration.objects.create(
        session_key=page.schedule()[0].key,
        dialogue=page,
        language="fr",
        status="confirmed",
        accommodations=["other", "<script>alert(1337)</script>"],
        consent_to_contact=True,
        **fill(Registration, corpus),
    )
    return corpus, page, registration


def test_the_corpus_fills_every_text_a_person_types(hostile):
    corpus, _page, registration = hostile
    labels = set(corpus.labels.values())
    for model_field in fill(Registration, Corpus()):
        assert f"Registration.{model_field}" in labels
        assert "alert(1337)" in getattr(registration, model_field), model_field
    assert {"Registration.name", "Registration.phone", "Registration.accommodations_details"} <= labels


def test_the_persons_pages_and_the_form_render_the_corpus_inert(hostile):
    corpus, page, registration = hostile
    surfaces = Surfaces(corpus)
    visitor = Client()
    key = page.schedule()[0].key
    surfaces.page(visitor, "public registration form", f"{page.url}inscription/{key}/")
    own = f"{page.url}inscription/{registration.reference}/{registration.token}/"
    surfaces.page(visitor, "person's page", own)
    surfaces.page(visitor, "person's cancellation", own + "annuler/")
    surfaces.assert_inert()
    assert {"Registration.email", "Registration.accommodations_details", "Session.title"} <= (
        surfaces.labels_reached("person's page")
    )


def test_the_registrants_admin_renders_the_corpus_inert(hostile, superuser_client):
    corpus, _page, registration = hostile
    surfaces = Surfaces(corpus)
    for name, args in (("index", []), ("inspect", [registration.pk]), ("delete", [registration.pk])):
        surfaces.page(
            superuser_client, f"admin registrants {name}", reverse(f"registrants:{name}", args=args)
        )
    surfaces.assert_inert()
    expected = {f"Registration.{name}" for name in fill(Registration, Corpus())}
    assert expected <= surfaces.labels_reached("admin registrants inspect")

    export = superuser_client.get(reverse("registrants:index") + "?export=csv")
    cells = b"".join(export.streaming_content).decode()
    assert "alert(1337)" in cells
    assert not any(line.startswith(FORMULA_STARTS) for line in cells.splitlines())


def test_the_emails_are_plain_text_holding_what_was_typed(hostile, rf):
    _corpus, page, registration = hostile
    request = rf.get("/", HTTP_HOST="testserver")
    emails.send_status(registration, page, page.schedule()[0], request)
    [message] = mail.outbox
    assert message.content_subtype == "plain"
    assert not getattr(message, "alternatives", [])
    assert registration.name in message.body  # as typed: not escaped, not read as markup
    assert registration.accommodations_details in message.body
