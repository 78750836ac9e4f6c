"""The dialogues' index, a venue's page and a session's poster: upcoming dialogues first (soonest
first) and past ones below, a kiosk's venue and region first, a venue's upcoming public dialogues,
one poster per session that says a cancellation first; bad addresses answer 400 or 404; the
index's queries do not grow with its dialogues."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from dialogues.models import DialogueIndexPage, RegistrationMode, SessionFormat, SessionStatus
from hub.models import Region
from tests.factories import (
    QUEBEC,
    DialoguePageFactory,
    VenueFactory,
    index_page,
    session,
    translate_page,
)

pytestmark = pytest.mark.django_db


def soup(response, status=200):
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def days(count, hour=18):
    """A moment ``count`` days from today, at ``hour`` Québec time."""
    day = timezone.localdate() + datetime.timedelta(days=count)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=QUEBEC)


def groups(page_soup):
    """``[(heading, [card titles])]`` in the order the index shows them."""
    return [
        (text(section.select_one("h2")), [text(title) for title in section.select(".card__title")])
        for section in page_soup.select("section.dialogue-group")
    ]


@pytest.fixture
def index():
    return index_page("dialogues.DialogueIndexPage")


def test_upcoming_dialogues_come_first_soonest_first_and_past_ones_below(client, index):
    DialoguePageFactory(title="Dans un mois", sessions=[session(starts_at=days(30))])
    DialoguePageFactory(title="Passé récent", sessions=[session(starts_at=days(-3))])
    DialoguePageFactory(title="Demain", sessions=[session(starts_at=days(1))])
    DialoguePageFactory(title="Passé lointain", sessions=[session(starts_at=days(-90))])
    # Its first session is over, its second is still to come: an upcoming dialogue.
    DialoguePageFactory(title="En cours", sessions=[session(starts_at=days(-7)), session(starts_at=days(10))])
    DialoguePageFactory(title="Brouillon", sessions=[session(starts_at=days(2))], live=False)
    assert groups(soup(client.get(index.url))) == [
        ("Dialogues à venir", ["Demain", "En cours", "Dans un mois"]),
        ("Dialogues passés", ["Passé récent", "Passé lointain"]),
    ]


def test_each_card_gives_the_next_date_place_format_and_accessibility(client, index):
    """The next session that takes place: a cancelled one is neither shown first nor counted."""
    venue = VenueFactory(name="Fab Lab fictif du Plateau", municipality="Montréal", elevator=True)
    DialoguePageFactory(
        sessions=[
            session(starts_at=days(-2), venue=venue),
            session(starts_at=days(3), venue=venue, status=SessionStatus.CANCELLED),
            session(starts_at=days(5, hour=13), venue=venue, format=SessionFormat.HYBRID),
            session(starts_at=days(12), venue=venue),
        ]
    )
    card = soup(client.get(index.url)).select_one(".dialogue-card")
    facts = text(card.select_one(".dialogue-card__facts"))
    assert card.select_one("time")["datetime"] == days(5, hour=13).isoformat()
    assert "2 séances à venir" in facts
    assert "Où Fab Lab fictif du Plateau, Montréal" in facts
    assert "Format En personne et en ligne" in facts
    assert "Accessibilité entrée sans marche, ascenseur" in facts


def test_the_index_pages_its_dialogues_in_the_same_order(client, index, monkeypatch):
    monkeypatch.setattr(DialogueIndexPage, "items_per_page", 2)
    for number in (3, 1, 2):
        DialoguePageFactory(title=f"Atelier {number}", sessions=[session(starts_at=days(number))])
    DialoguePageFactory(title="Passé", sessions=[session(starts_at=days(-1))])
    first = groups(soup(client.get(index.url)))
    second = groups(soup(client.get(index.url + "?page=2")))
    assert first == [("Dialogues à venir", ["Atelier 1", "Atelier 2"])]
    assert second == [("Dialogues à venir", ["Atelier 3"]), ("Dialogues passés", ["Passé"])]


def test_the_english_index_lists_an_untranslated_dialogue_in_french(client, site_pages):
    french = DialoguePageFactory(title="Atelier sans traduction", sessions=[session(starts_at=days(3))])
    english_index = site_pages["en"]["dialogues.DialogueIndexPage"]
    card = soup(client.get(english_index.url)).select_one(".dialogue-card")
    link = card.select_one(".card__title a")
    assert link["lang"] == "fr"
    assert link["href"] == f"{english_index.url}{french.public_id}/"
    assert "Not yet translated: shown in French." in text(card)
    assert client.get(link["href"]).status_code == 200


def test_a_kiosk_shows_its_venue_first_then_its_region(client, index):
    montreal = Region.objects.get(key="montreal", locale__language_code="fr")
    laval = Region.objects.get(key="laval", locale__language_code="fr")
    here = VenueFactory(key="biblio-ici", name="Bibliothèque d'ici", region=montreal)
    nearby = VenueFactory(region=montreal)
    far = VenueFactory(region=laval)
    DialoguePageFactory(title="Loin", sessions=[session(starts_at=days(1), venue=far)])
    DialoguePageFactory(title="Tout près", sessions=[session(starts_at=days(2), venue=nearby)])
    DialoguePageFactory(title="Ici, plus tard", sessions=[session(starts_at=days(9), venue=here)])
    DialoguePageFactory(title="Ici, passé", sessions=[session(starts_at=days(-5), venue=here)])
    response = client.get(index.url + "?kiosk=1&venue=biblio-ici")
    shown = soup(response)
    assert shown.select_one("body.kiosk")
    assert groups(shown) == [
        ("Bientôt à Bibliothèque d'ici", ["Ici, plus tard"]),
        ("Bientôt ailleurs dans la région Montréal", ["Tout près"]),
        ("Autres dialogues à venir", ["Loin"]),
        ("Dialogues passés", ["Ici, passé"]),
    ]


def test_an_unknown_venue_is_an_error_naming_the_parameter(client, index):
    DialoguePageFactory(title="Atelier listé", sessions=[session(starts_at=days(1))])
    shown = soup(client.get(index.url + "?venue=nulle-part"), status=400)
    assert text(shown.select_one("[role=alert]")) == (
        "Cette adresse demande quelque chose que nous ne pouvons pas montrer : venue : Aucun lieu n'a cette clé : nulle-part."
    )
    assert groups(shown) == [("Dialogues à venir", ["Atelier listé"])]


def test_the_index_asks_the_same_number_of_queries_whatever_its_dialogues(
    client, index, django_assert_max_num_queries
):
    def count():
        client.get(index.url)
        with django_assert_max_num_queries(200) as queries:
            assert client.get(index.url + "?venue=biblio-compte").status_code == 200
        return len(queries)

    venue = VenueFactory(key="biblio-compte")
    DialoguePageFactory(sessions=[session(starts_at=days(1), venue=venue), session(starts_at=days(2))])
    few = count()
    for number in range(6):
        DialoguePageFactory(
            sessions=[session(starts_at=days(number + 3), venue=venue), session(starts_at=days(-number - 1))]
        )
    assert count() == few


# --- a venue's page ---


def test_a_venue_page_says_where_it_is_how_to_get_there_and_its_upcoming_public_dialogues(client, index):
    venue = VenueFactory(
        key="fab-lab-fictif",
        name="Fab Lab fictif",
        street_address="12, rue des Essais",
        transit="Autobus 55, arrêt Saint-Laurent.",
        phone="514 555-0199",
        accessible_washroom=True,
        accessibility_notes="La porte est lourde ; sonnez.",
    )
    DialoguePageFactory(title="Atelier à venir", sessions=[session(starts_at=days(4), venue=venue)])
    DialoguePageFactory(title="Atelier passé", sessions=[session(starts_at=days(-4), venue=venue)])
    DialoguePageFactory(
        title="Atelier brouillon", sessions=[session(starts_at=days(5), venue=venue)], live=False
    )
    DialoguePageFactory(title="Atelier ailleurs", sessions=[session(starts_at=days(6))])
    response = client.get("/fr/dialogues/lieux/fab-lab-fictif/")
    shown = soup(response)
    main = text(shown.select_one("main"))
    assert shown.select_one("h1").get_text() == "Fab Lab fictif"
    assert "Adresse 12, rue des Essais, Montréal H2X 1Y4" in main
    assert "Pour s'y rendre Autobus 55, arrêt Saint-Laurent." in main
    assert shown.select_one("a[href^='tel:']")["href"] == "tel:514555-0199"
    assert "Confirmé par le lieu : Entrée sans marche Toilettes accessibles" in main
    assert "La porte est lourde ; sonnez." in main
    assert [text(title) for title in shown.select(".card__title")] == ["Atelier à venir"]


def test_a_venue_page_in_english_and_its_addresses(client, site_pages):
    VenueFactory(key="biblio-en", name="Bibliothèque fictive")
    english_index = site_pages["en"]["dialogues.DialogueIndexPage"]
    assert client.get(f"{english_index.url}venues/biblio-en/").status_code == 200
    redirected = client.get(f"{english_index.url}lieux/biblio-en/")
    assert redirected.status_code == 302
    assert redirected["Location"] == f"{english_index.url}venues/biblio-en/"
    assert client.get(f"{english_index.url}venues/nulle-part/").status_code == 404


def test_the_language_links_of_a_venue_and_a_poster_lead_to_the_same_page(client, site_pages):
    VenueFactory(key="biblio-langues")
    page = DialoguePageFactory(sessions=[session()])
    (scheduled,) = page.schedule()
    for french, english in (
        ("/fr/dialogues/lieux/biblio-langues/", "/en/dialogues/venues/biblio-langues/"),
        (f"/fr/dialogues/affiche/{scheduled.key}/", f"/en/dialogues/poster/{scheduled.key}/"),
    ):
        for address in (french, english):
            shown = soup(client.get(address))
            links = {link["hreflang"]: link["href"] for link in shown.select("nav.language-switcher a")}
            assert links == {"fr": french, "en": english}
            alternates = {link["hreflang"]: link["href"] for link in shown.select("link[rel=alternate]")}
            origin = "http://testserver"
            assert alternates == {"fr": origin + french, "en": origin + english, "x-default": origin + french}


# --- a session's poster ---


def test_a_poster_gives_the_date_place_accessibility_and_how_to_register_by_phone(client, index):
    venue = VenueFactory(name="Bibliothèque fictive du Nord", elevator=True)
    page = DialoguePageFactory(
        sessions=[
            session(
                starts_at=datetime.datetime(2031, 7, 10, 18, 30, tzinfo=QUEBEC),
                venue=venue,
                registration=RegistrationMode.HUB,
                capacity=15,
                registration_phone="514 555-0100",
                format=SessionFormat.HYBRID,
                online_url="https://reunion.example.org/secret",
            )
        ]
    )
    (scheduled,) = page.schedule()
    address = f"/fr/dialogues/affiche/{scheduled.key}/"
    assert index.poster_url(scheduled.key) == address
    shown = soup(client.get(address))
    poster = text(shown.select_one(".poster"))
    assert "Quand jeudi 10 juillet 2031, 18:30 à 20:30" in poster
    assert "Où Bibliothèque fictive du Nord" in poster
    assert "Accessibilité Entrée sans marche, ascenseur" in poster
    assert "Pour s'inscrire Appelez au 514 555-0100." in poster
    assert "reunion.example.org" not in shown.decode()
    assert shown.select_one(".poster__qr svg")["aria-label"] == f"http://testserver{page.url}"


def test_a_dialogue_with_only_cancelled_sessions_left_is_upcoming_and_says_so(client, index):
    DialoguePageFactory(title="Annulé", sessions=[session(starts_at=days(2), status=SessionStatus.CANCELLED)])
    DialoguePageFactory(title="Maintenu", sessions=[session(starts_at=days(4))])
    shown = soup(client.get(index.url))
    assert groups(shown) == [("Dialogues à venir", ["Annulé", "Maintenu"])]
    assert text(shown.select_one(".dialogue-card__facts dd")).startswith("Annulé :")


def test_a_cancelled_sessions_poster_says_so_first(client, index):
    page = DialoguePageFactory(
        sessions=[session(status=SessionStatus.CANCELLED, status_note="Tempête de neige.")]
    )
    (scheduled,) = page.schedule()
    poster = soup(client.get(index.poster_url(scheduled.key))).select_one(".poster")
    first = poster.find(True)
    assert text(first) == "ANNULÉ / CANCELLED"
    assert "Tempête de neige." in text(poster)
    assert "Pour s'inscrire" not in text(poster)


def test_no_poster_for_an_unknown_session_or_a_draft_dialogue(client, index):
    draft = DialoguePageFactory(live=False)
    (scheduled,) = draft.schedule()
    assert client.get(index.poster_url(scheduled.key)).status_code == 404
    assert client.get("/fr/dialogues/affiche/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_english_poster_of_a_translated_dialogue(client, site_pages):
    page = DialoguePageFactory(
        sessions=[session(starts_at=datetime.datetime(2031, 7, 10, 18, 30, tzinfo=QUEBEC))]
    )
    english = translate_page(page, title="Fictional workshop on AI")
    (scheduled,) = english.schedule()
    english_index = site_pages["en"]["dialogues.DialogueIndexPage"]
    shown = soup(client.get(f"{english_index.url}poster/{scheduled.key}/"))
    assert shown.select_one("h1").get_text() == "Fictional workshop on AI"
    assert "When Thursday July 10, 2031, 6:30 p.m. to 8:30 p.m." in text(shown.select_one(".poster"))
