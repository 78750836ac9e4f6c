"""The leak test for registrations: the registrants of a published dialogue (their names,
e-mails, phones, accommodations, the secret of their links) and the online link of a session with
registration on the hub never reach a public surface: the dialogue's pages and its registration
form in both languages, the dialogues' index, the home page, the search (HTML, JSON, feeds), the
items API and Wagtail's API v2, ``/cite/`` in every format, the sitemaps and every open-data
file. The dialogues' calendar feeds (part A of issue 16) are not on this branch yet: add them here
when they land.

As in tests/hub/test_leaks.py, each secret is a string found nowhere else, and the published
control dialogue must show on the same surfaces, so a surface that answers nothing cannot pass."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from dialogues.models import Registration, RegistrationMode, SessionFormat
from tests.factories import DialoguePageFactory, session, translate_page
from tests.hub.test_leaks import Surface, fetch, problems_on
from tests.hub.test_leaks_register import CITATION_FORMATS, FEED, search_surfaces

pytestmark = pytest.mark.django_db

QUEBEC = ZoneInfo("America/Toronto")
CONTROL = "Controdia"
ONLINE_URL = "https://visio.example.org/Lienprivedia"
SECRETS = {
    "registrant's name": "Nomsecretdia",
    "registrant's e-mail": "courrielsecretdia@example.org",
    "registrant's phone": "438 555-0177",
    "registrant's accommodations in their words": "Besoinsecretdia",
    "online link of a hub-registration session": ONLINE_URL,
}


@pytest.fixture
def dialogue(site_pages, committed, settings, tmp_path):
    settings.OPEN_DATA_ROOT = str(tmp_path)

    def build():
        starts = datetime.datetime.combine(
            datetime.date.today() + datetime.timedelta(days=15), datetime.time(18, 30), tzinfo=QUEBEC
        )
        page = DialoguePageFactory(
            title=f"Atelier {CONTROL}",
            summary=f"Résumé {CONTROL}.",
            sessions=[
                session(
                    starts_at=starts,
                    format=SessionFormat.HYBRID,
                    online_url=ONLINE_URL,
                    registration=RegistrationMode.HUB,
                    capacity=10,
                )
            ],
        )
        english = translate_page(page, title=f"Workshop {CONTROL}", summary=f"Summary {CONTROL}.")
        registration = Registration.objects.create(
            session_key=page.schedule()[0].key,
            dialogue=page,
            name=SECRETS["registrant's name"],
            email=SECRETS["registrant's e-mail"],
            phone=SECRETS["registrant's phone"],
            accommodations=["lsq"],
            accommodations_details=SECRETS["registrant's accommodations in their words"],
            consent_to_contact=True,
            language="fr",
            status="confirmed",
        )
        return page, english, registration

    page, english, registration = committed(build)
    committed(call_command, "build_open_data")
    return page, english, registration, tmp_path


def dialogue_surfaces(page, english, site_pages):
    surfaces = []
    for language, version in (("fr", page), ("en", english)):
        index = site_pages[language]["dialogues.DialogueIndexPage"]
        surfaces.append(Surface(f"dialogues index {language}", fetch(index.url), [CONTROL]))
        surfaces.append(Surface(f"home {language}", fetch(f"/{language}/"), [CONTROL]))
        surfaces.append(Surface(f"dialogue page {language}", fetch(version.url), [CONTROL]))
        word = {"fr": "inscription", "en": "register"}[language]
        form = fetch(f"{version.url}{word}/{version.schedule()[0].key}/")
        surfaces.append(Surface(f"registration form {language}", form, [CONTROL, "consent_to_contact"]))
    return surfaces


def outlet_surfaces(page):
    surfaces = []
    for language in ("fr", "en"):
        params = {"locale": language, "page_size": 100, "type": "dialogue"}
        surfaces.append(
            Surface(f"JSON search {language}", fetch("/api/v1/search/", params), [page.public_id])
        )
        surfaces.append(Surface(f"feed {language}", fetch(FEED[language]), [CONTROL]))
    surfaces.append(
        Surface("API v2 pages", fetch("/api/v2/pages/", {"fields": "*", "limit": 100}), [CONTROL])
    )
    surfaces.append(
        Surface("API v2 dialogue", fetch(f"/api/v2/pages/{page.pk}/", {"fields": "*"}), [CONTROL])
    )
    surfaces.append(Surface("items API", fetch(f"/api/v1/items/{page.public_id}/"), [CONTROL]))
    surfaces.append(Surface("sitemap", fetch("/sitemap.xml")))
    surfaces.append(Surface("dialogues sitemap", fetch("/sitemap-dialogues.xml"), [page.slug]))
    for citation in CITATION_FORMATS:
        response = fetch(f"/cite/{page.public_id}/", {"format": citation, "lang": "fr"})
        surfaces.append(Surface(f"/cite/ {citation}", response, [CONTROL]))
    return surfaces


def test_no_registrant_and_no_online_link_reaches_any_public_surface(dialogue, site_pages):
    page, english, registration, root = dialogue
    secrets = {**SECRETS, "secret of the person's links": registration.token}
    surfaces = dialogue_surfaces(page, english, site_pages) + outlet_surfaces(page)
    surfaces += open_data_surfaces_of(root)
    for word in ("Nomsecretdia", "Besoinsecretdia", "courrielsecretdia", "Lienprivedia"):
        surfaces += search_surfaces(word)

    assert len(surfaces) > 40
    problems = problems_on(surfaces, secrets)
    assert problems == [], "\n".join(problems)


def open_data_surfaces_of(root):
    """Every open-data file."""
    files = sorted(path for path in root.rglob("*") if path.is_file())
    assert files
    return [
        Surface(f"open data {path.name}", None, content=path.read_text(encoding="utf-8", errors="replace"))
        for path in files
    ]


def test_the_secrets_exist_where_registrations_keep_them(dialogue, client):
    """The strings are really stored and shown to the person, so their absence above means
    something."""
    page, _english, registration, _root = dialogue
    stored = Registration.objects.get()
    assert (stored.name, stored.email, stored.phone) == (
        SECRETS["registrant's name"],
        SECRETS["registrant's e-mail"],
        SECRETS["registrant's phone"],
    )
    assert page.schedule()[0].facts.online_url == ONLINE_URL
    own_page = client.get(f"{page.url}inscription/{registration.reference}/{registration.token}/")
    assert ONLINE_URL in own_page.content.decode()
    assert SECRETS["registrant's e-mail"] in own_page.content.decode()
