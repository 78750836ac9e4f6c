"""A dialogue's page as a reader sees it: what is at stake, each session in words with its
``<time>``, a cancelled session said first, the venue's accessibility in words, the online link
kept for registered people when they register here, the linked items as the reader finds them,
what happened afterwards; and its queries do not grow with its sessions.

Expected words are the French and English interface strings written out here, and expected
times are worked out from the calendar, not read from the code."""

import datetime

import pytest
from bs4 import BeautifulSoup

from dialogues.models import DialoguePage, RegistrationMode, SessionFormat, SessionStatus
from tests.factories import (
    QUEBEC,
    CaseFilePageFactory,
    DialoguePageFactory,
    OrganizationFactory,
    VenueFactory,
    session,
    translate_page,
)

pytestmark = pytest.mark.django_db

# Thursday 10 July 2031, summer time in Québec (UTC−4).
THURSDAY = datetime.datetime(2031, 7, 10, 18, 30, tzinfo=QUEBEC)
SECRET_LINK = "https://reunion.example.org/salle-secrete-123"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def sessions_of(page_soup):
    return page_soup.select("ol.sessions > li")


def test_the_page_says_what_is_at_stake_and_who_receives_the_results(client, site_pages):
    body = OrganizationFactory(name="Ville fictive de Laval")
    page = DialoguePageFactory(
        question="Faut-il un robot au comptoir des permis ?",
        cannot_change="Le budget est déjà voté.",
        decided_by="Le conseil municipal, en mars.",
        receiving_body=body,
    )
    shown = text(soup(client.get(page.url)).select_one("main"))
    for words in (
        "La question posée Faut-il un robot au comptoir des permis ?",
        "Ce qui ne peut pas changer Le budget est déjà voté.",
        "Qui décide, et quand Le conseil municipal, en mars.",
        "Qui reçoit les résultats Ville fictive de Laval",
        "Type de dialogue Atelier pour comprendre l'IA",
    ):
        assert words in shown


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", "jeudi 10 juillet 2031, 18:30 à 20:30"),
        ("en", "Thursday July 10, 2031, 6:30 p.m. to 8:30 p.m."),
    ],
)
def test_each_session_says_its_day_and_hours_in_words_with_a_machine_readable_time(
    client, site_pages, language, words
):
    page = DialoguePageFactory(sessions=[session(starts_at=THURSDAY)])
    if language == "en":
        page = translate_page(page, title="Fictional workshop")
    (box,) = sessions_of(soup(client.get(page.url)))
    assert text(box.select_one("h3")) == words
    times = [time["datetime"] for time in box.select("h3 time")]
    assert times == ["2031-07-10T18:30:00-04:00", "2031-07-10T20:30:00-04:00"]


def test_a_cancelled_session_says_so_first_with_its_note(client, site_pages):
    page = DialoguePageFactory(
        sessions=[
            session(starts_at=THURSDAY),
            session(
                starts_at=THURSDAY + datetime.timedelta(days=7),
                status=SessionStatus.CANCELLED,
                status_note="La bibliothèque est fermée pour travaux.",
            ),
        ]
    )
    kept, cancelled = sessions_of(soup(client.get(page.url)))
    assert text(cancelled.select_one("h3")).startswith("Annulé : jeudi 17 juillet 2031")
    assert "État : Annulée. La bibliothèque est fermée pour travaux." in text(cancelled)
    assert "Annulé" not in text(kept)


def test_the_venue_is_described_in_words_with_a_link_to_its_page(client, site_pages):
    venue = VenueFactory(
        key="biblio-du-parc",
        name="Bibliothèque du Parc fictive",
        transit="Métro Parc, sortie nord.",
        elevator=True,
        hearing_loop=True,
        keroul_rating="partial",
    )
    page = DialoguePageFactory(sessions=[session(starts_at=THURSDAY, venue=venue)])
    (box,) = sessions_of(soup(client.get(page.url)))
    facts = text(box)
    assert "Pour s'y rendre : Métro Parc, sortie nord." in facts
    features = box.select_one("ul.features")
    assert [text(item) for item in features.select("li")] == [
        "entrée sans marche",
        "ascenseur",
        "boucle magnétique",
    ]
    assert "Partiellement accessible (Kéroul)" in facts
    assert (
        box.find("a", string="Bibliothèque du Parc fictive")["href"] == "/fr/dialogues/lieux/biblio-du-parc/"
    )


@pytest.mark.parametrize(
    ("registration", "link_shown"),
    [(RegistrationMode.HUB, False), (RegistrationMode.EXTERNAL, True), (RegistrationMode.NONE, True)],
)
def test_the_online_link_is_kept_for_registered_people_when_they_register_here(
    client, site_pages, registration, link_shown
):
    page = DialoguePageFactory(
        sessions=[
            session(
                format=SessionFormat.ONLINE,
                online_url=SECRET_LINK,
                registration=registration,
                registration_url="https://inscription.example.org/",
                capacity=20,
            )
        ]
    )
    index = page.get_parent().specific
    (poster_url,) = [shown.key for shown in page.schedule()]
    for address in (page.url, index.url, index.poster_url(poster_url)):
        assert (SECRET_LINK in client.get(address).content.decode()) is (link_shown and address == page.url)


def test_words_missing_from_the_translation_are_marked_in_their_language(client, site_pages):
    original = DialoguePageFactory(sessions=[session(starts_at=THURSDAY)])
    english = translate_page(original, title="Fictional workshop")
    # A session added to the French version after the translation: no English words yet.
    original = DialoguePage.objects.get(pk=original.pk)
    original.sessions.add(
        session(
            starts_at=THURSDAY + datetime.timedelta(days=7),
            status=SessionStatus.POSTPONED,
            status_note="Reporté à l'automne.",
            locale=original.locale,
        )
    )
    original.save_revision().publish()
    first, added = sessions_of(soup(client.get(english.url)))
    assert added.find(string="Reporté à l'automne.").parent["lang"] == "fr"
    assert first.find(attrs={"lang": "fr"}) is None


def test_linked_items_are_the_public_ones_as_the_reader_finds_them(client, site_pages):
    public = CaseFilePageFactory(title="Dossier public fictif")
    english_title = "Fictional public case file"
    translate_page(public, title=english_title)
    draft = CaseFilePageFactory(title="Dossier brouillon fictif", live=False)
    page = DialoguePageFactory()
    page.casefiles = [public, draft]
    page.save_revision().publish()
    english = translate_page(DialoguePage.objects.get(pk=page.pk), title="Fictional workshop")
    french_links = text(soup(client.get(page.url)).select_one(".related-items"))
    english_links = text(soup(client.get(english.url)).select_one(".related-items"))
    assert "Dossier public fictif" in french_links
    assert english_title in english_links
    assert "brouillon" not in french_links + english_links


def test_afterwards_the_page_says_what_happened(client, site_pages):
    page = DialoguePageFactory(
        sessions=[session(starts_at=datetime.datetime(2025, 3, 6, 18, 30, tzinfo=QUEBEC), status="held")],
        attendance=27,
        account="On a parlé du tri des demandes. Le rapport suivra.",
        materials=[
            {
                "type": "link",
                "value": {"kind": "slides", "title": "Présentation", "url": "https://x.example.org/p"},
            }
        ],
    )
    afterwards = text(soup(client.get(page.url)).select_one(".dialogue-afterwards"))
    assert "27 personnes étaient présentes." in afterwards
    assert "On a parlé du tri des demandes." in afterwards
    assert "Présentation (Diapositives)" in afterwards


def test_the_page_asks_the_same_number_of_queries_whatever_its_sessions(
    client, site_pages, django_assert_max_num_queries
):
    def count(sessions):
        page = DialoguePageFactory(
            sessions=[session(starts_at=THURSDAY + datetime.timedelta(days=7 * n)) for n in range(sessions)]
        )
        client.get(page.url)  # the site's paths and labels, kept after a first visit
        with django_assert_max_num_queries(200) as queries:
            assert client.get(page.url).status_code == 200
        return len(queries)

    assert count(6) == count(1)


@pytest.mark.parametrize(
    ("mode", "fields", "said"),
    [
        (RegistrationMode.NONE, {}, "Des questions ? Appelez le : 514 555-0177"),
        (
            RegistrationMode.EXTERNAL,
            {"registration_url": "https://inscription.example.org/"},
            "S’inscrire par téléphone : 514 555-0177",
        ),
    ],
)
def test_a_sessions_phone_is_for_questions_when_nobody_needs_to_register(
    client, site_pages, mode, fields, said
):
    page = DialoguePageFactory(
        sessions=[session(starts_at=THURSDAY, registration=mode, registration_phone="514 555-0177", **fields)]
    )
    [box] = sessions_of(soup(client.get(page.url)))
    shown = text(box.select_one(".session-registration"))
    assert said in shown
    if mode == RegistrationMode.NONE:
        assert "inscrire par téléphone" not in shown
