"""A learning resource's page as a reader sees it, in French and in English: what it is and for
whom, its licence linked to the Creative Commons summary in the reader's language, what it
teaches, its topics with glossary terms linked to their definitions, the public items it is
linked to (never a draft or a private one), the player when it has a recording; and a
dialogue's page listing the resources it used.

Expected words are the French and English interface strings written out here."""

import pytest
from bs4 import BeautifulSoup

from learning.models import ResourceFormat
from tests.factories import (
    CaseFilePageFactory,
    DialoguePageFactory,
    GlossaryTermFactory,
    LearningResourcePageFactory,
    OrganizationFactory,
    PageViewRestrictionFactory,
    translate_page,
    translate_term,
)
from tests.learning.media_world import complete_video

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def publish_with(page, **fields):
    """Publish a new version of ``page`` with ``fields`` changed (many-to-many fields included)."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def facts(page_soup):
    """``{term: description}`` of the key facts list."""
    return {
        text(row.select_one("dt")): " ".join(row.select_one("dd").get_text().split())
        for row in page_soup.select_one("section[aria-labelledby=facts-heading] dl").select("div")
    }


def test_the_header_says_what_it_is_and_for_whom_in_french(client, site_pages):
    page = LearningResourcePageFactory(
        format=ResourceFormat.EASY_READ_GUIDE,
        duration_minutes=45,
        audiences=["citizens", "facilitators"],
        languages=["fr", "es"],
        authors="Équipe fictive de la Vigie",
    )
    page = publish_with(page, organizations=[OrganizationFactory(name="Bibliothèque fictive des Saules")])

    shown = soup(client.get(page.url))
    assert text(shown.select_one(".item-kind")) == f"Ressource d'apprentissage {page.public_id}"
    assert facts(shown) == {
        "Format": "Guide facile à lire",
        "Niveau": "Premiers pas",
        "Durée": "45 minutes",
        "Pour qui": "Citoyennes et citoyens, Personnes animatrices en bibliothèque et en groupe communautaire",
        "Langues": "Français, Español",
        "Licence": "CC BY 4.0",
        "Auteurs et autrices": "Équipe fictive de la Vigie",
        "Organismes": "Bibliothèque fictive des Saules",
    }
    licence = shown.select_one("a[rel=license]")
    assert licence["href"] == "https://creativecommons.org/licenses/by/4.0/deed.fr"
    assert [span["lang"] for span in shown.select("dd span[lang]")] == ["fr", "es"]


def test_what_you_will_learn_is_a_list_of_its_points(client, site_pages):
    page = LearningResourcePageFactory(learning_outcomes="Ce qu'est un algorithme.\n\nQui décide.\n")
    shown = soup(client.get(page.url))
    assert [text(item) for item in shown.select("ul.learning-outcomes li")] == [
        "Ce qu'est un algorithme.",
        "Qui décide.",
    ]
    assert text(shown.select_one("#outcomes-heading")) == "Ce que vous allez apprendre"


def test_an_english_reader_gets_english_labels_and_the_english_deed(client, site_pages):
    page = LearningResourcePageFactory(licence="CC-BY-NC-SA-4.0", audiences=["public-servants"])
    english = translate_page(page, title="Fictional sheet", learning_outcomes="What an algorithm is.")

    shown = soup(client.get(english.url))
    assert facts(shown)["Format"] == "Activity cards"
    assert facts(shown)["For whom"] == "Public servants"
    assert shown.select_one("a[rel=license]")["href"] == (
        "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.en"
    )
    assert text(shown.select_one("#outcomes-heading")) == "What you will learn"


def test_glossary_terms_link_to_their_definition_in_the_readers_language(client, site_pages):
    term = GlossaryTermFactory(term="algorithme", slug="algorithme")
    translate_term(term, term="algorithm")
    page = publish_with(LearningResourcePageFactory(), glossary_terms=[term])
    english = translate_page(page, title="Fictional sheet")

    (french_link,) = soup(client.get(page.url)).select("a[href$='#algorithme']")
    (english_link,) = soup(client.get(english.url)).select("a[href$='#algorithme']")
    assert (text(french_link), french_link["href"]) == ("algorithme", "/fr/glossaire/#algorithme")
    assert (text(english_link), english_link["href"]) == ("algorithm", "/en/glossary/#algorithme")


def test_only_public_linked_items_are_shown(client, site_pages):
    public = CaseFilePageFactory(title="Dossier fictif public")
    draft = CaseFilePageFactory(title="Dossier fictif brouillon", live=False)
    private = CaseFilePageFactory(title="Dossier fictif privé")
    PageViewRestrictionFactory(page=private)
    page = publish_with(LearningResourcePageFactory(), casefiles=[public, draft, private])

    shown = soup(client.get(page.url))
    related = shown.select_one("section.related-items")
    assert [text(link) for link in related.select("a")] == ["Dossier fictif public"]
    assert "brouillon" not in str(shown) and "privé" not in str(shown)


def test_a_video_shows_the_player_with_its_tracks_and_no_autoplay(client, site_pages):
    video = complete_video(transcript_fr="Bonjour. Voici une capsule fictive.")
    page = LearningResourcePageFactory(format=ResourceFormat.VIDEO, recording=video)

    shown = soup(client.get(page.url))
    player = shown.select_one("section.learning-recording video")
    assert player is not None and player.has_attr("controls") and not player.has_attr("autoplay")
    assert text(shown.select_one("#recording-heading")) == "Regarder"
    assert "Voici une capsule fictive." in text(shown.select_one("section.learning-recording"))


def test_a_resource_without_recording_has_no_player(client, site_pages):
    shown = soup(client.get(LearningResourcePageFactory().url))
    assert shown.select_one("video, audio") is None


def test_the_dialogue_lists_the_public_resources_it_used_in_the_readers_language(client, site_pages):
    dialogue = DialoguePageFactory()
    used = publish_with(LearningResourcePageFactory(title="Fiche fictive utilisée"), dialogues=[dialogue])
    english_used = translate_page(used, title="Fictional sheet used")
    withdrawn = publish_with(LearningResourcePageFactory(title="Fiche fictive retirée"), dialogues=[dialogue])
    withdrawn.unpublish()
    english_dialogue = translate_page(dialogue, title="Fictional dialogue")

    french = soup(client.get(dialogue.url)).select_one("section.dialogue-resources")
    english = soup(client.get(english_dialogue.url)).select_one("section.dialogue-resources")
    assert text(french.select_one("h2")) == "Ressources utilisées"
    assert [(text(a), a["href"]) for a in french.select("a")] == [("Fiche fictive utilisée", used.url)]
    assert text(english.select_one("h2")) == "Resources used"
    assert [(text(a), a["href"]) for a in english.select("a")] == [("Fictional sheet used", english_used.url)]


def test_a_dialogue_without_resources_has_no_such_section(client, site_pages):
    assert soup(client.get(DialoguePageFactory().url)).select_one("section.dialogue-resources") is None
