"""A learning resource's JSON-LD is a schema.org ``LearningResource``: what it is, for whom, how
long, what it teaches, its licence, and accessibility properties computed from what it really
has in the page's language. A toolkit is one too, with its public resources as parts. Every type
and property exists in schema.org with that type in its domain, and every accessibility value
is a term of the W3C vocabulary schema.org names (both lists in
``tests/dialogues/schema_org_terms.json``, read without network)."""

import pytest

from learning.models import AudioDescription, LearningMedia, ResourceFormat
from tests.dialogues.test_json_ld import TERMS, check_terms, json_ld
from tests.factories import (
    GlossaryTermFactory,
    LearningResourcePageFactory,
    ToolkitPageFactory,
    translate_page,
)
from tests.learning.media_world import complete_video

pytestmark = pytest.mark.django_db

VALUES = TERMS["accessibility_values"]


def check_accessibility_values(data):
    for name in ("accessMode", "accessibilityFeature", "accessibilityHazard"):
        assert set(data[name]) <= set(VALUES[name]), name
    for sufficient in data["accessModeSufficient"]:
        assert sufficient["@type"] == "ItemList"
        assert set(sufficient["itemListElement"]) <= set(VALUES["accessModeSufficient"])


def publish_with(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_a_text_resource_says_what_it_teaches_and_that_text_is_enough(client, site_pages):
    term = GlossaryTermFactory(term="algorithme", slug="algorithme")
    page = LearningResourcePageFactory(
        format=ResourceFormat.EASY_READ_GUIDE,
        duration_minutes=90,
        audiences=["citizens", "facilitators"],
        licence="CC-BY-SA-4.0",
        learning_outcomes="Ce qu'est un algorithme.\nQui décide.",
        large_print=True,
    )
    page = publish_with(page, glossary_terms=[term])
    data, _html = json_ld(client, page)

    check_terms(data)
    check_accessibility_values(data)
    assert data["@type"] == "LearningResource"
    assert data["identifier"] == page.public_id
    assert data["inLanguage"] == "fr"
    assert data["learningResourceType"] == "Guide facile à lire"
    assert data["educationalLevel"] == "Premiers pas"
    assert [audience["educationalRole"] for audience in data["audience"]] == ["citizens", "facilitators"]
    assert data["timeRequired"] == "PT1H30M"
    assert data["teaches"] == ["Ce qu'est un algorithme.", "Qui décide."]
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert data["isAccessibleForFree"] is True
    assert {"@type": "DefinedTerm", "name": "algorithme", "termCode": "algorithme"} in data["about"]
    assert data["accessMode"] == ["textual"]
    assert [each["itemListElement"] for each in data["accessModeSufficient"]] == [["textual"]]
    assert set(data["accessibilityFeature"]) == {"structuralNavigation", "largePrint"}
    assert data["accessibilityHazard"] == ["none"]
    assert data["accessibilitySummary"] == (
        "Cette ressource est organisée par titres et a une version en gros caractères."
    )
    assert "FALC" not in data["accessibilitySummary"]


def test_a_captioned_video_with_a_transcript_lists_what_it_has_in_the_pages_language(client, site_pages):
    video = complete_video(transcript_fr="Bonjour.", audio_description=AudioDescription.NOT_NEEDED)
    page = LearningResourcePageFactory(format=ResourceFormat.VIDEO, recording=video)
    english = translate_page(page, title="Fictional capsule")
    # The recording loses its English captions and transcript after the English version went
    # live (an edit in the media library): the English page's data must stop claiming them.
    LearningMedia.objects.filter(pk=video.pk).update(captions_en="", transcript_en="")

    french_data, _html = json_ld(client, page)
    english_data, _html = json_ld(client, english)

    for data in (french_data, english_data):
        check_terms(data)
        check_accessibility_values(data)
        assert data["accessMode"] == ["textual", "visual", "auditory"]
    assert set(french_data["accessibilityFeature"]) == {"structuralNavigation", "captions", "transcript"}
    # Text alone is enough in French (the transcript, nothing to describe); captions make sound visible.
    assert [each["itemListElement"] for each in french_data["accessModeSufficient"]] == [
        ["textual", "visual", "auditory"],
        ["textual"],
        ["textual", "visual"],
    ]
    assert "des sous-titres, une transcription" in french_data["accessibilitySummary"]
    # The English page has neither English captions nor an English transcript: it says so.
    assert set(english_data["accessibilityFeature"]) == {"structuralNavigation"}
    assert [each["itemListElement"] for each in english_data["accessModeSufficient"]] == [
        ["textual", "visual", "auditory"]
    ]
    assert english_data["accessibilitySummary"] == "This resource is organized with headings."


def test_a_video_with_a_described_version_and_sign_language(client, site_pages):
    described = complete_video()
    signed = complete_video()
    video = complete_video(
        audio_description=AudioDescription.DESCRIBED_VERSION,
        described_version=described,
        sign_language_version=signed,
        sign_language="lsq",
        transcript_fr="Bonjour.",
    )
    page = LearningResourcePageFactory(format=ResourceFormat.VIDEO, recording=video)
    data, _html = json_ld(client, page)

    check_terms(data)
    check_accessibility_values(data)
    assert {"audioDescription", "signLanguage", "transcript"} <= set(data["accessibilityFeature"])
    # A transcript does not describe what is shown when a described version is needed.
    assert ["textual"] not in [each["itemListElement"] for each in data["accessModeSufficient"]]


def test_the_easy_to_read_mark_is_said_in_the_summary_with_its_test(client, site_pages):
    page = LearningResourcePageFactory()
    page = publish_with(
        page,
        easy_to_read=True,
        easy_to_read_tested_with="six adultes fictifs",
        easy_to_read_tested_on="2026-03-12",
    )
    data, _html = json_ld(client, page)
    assert data["accessibilitySummary"].endswith(
        "Facile à lire et à comprendre (FALC) : testée avec six adultes fictifs le 12 mars 2026."
    )


def test_a_toolkit_is_a_learning_resource_whose_parts_are_its_public_resources(client, site_pages):
    first = LearningResourcePageFactory(title="Guide fictif")
    withdrawn = LearningResourcePageFactory(title="Affiche fictive retirée")
    second = LearningResourcePageFactory(title="Cartes fictives")
    toolkit = ToolkitPageFactory(members=[first, withdrawn, second], duration_minutes=90)
    withdrawn.unpublish()

    data, html = json_ld(client, toolkit)

    check_terms(data)
    assert data["@type"] == "LearningResource"
    assert data["learningResourceType"] == "Trousse"
    assert data["timeRequired"] == "PT1H30M"
    assert [part["identifier"] for part in data["hasPart"]] == [first.public_id, second.public_id]
    assert all(part["@type"] == "LearningResource" for part in data["hasPart"])
    assert "retirée" not in html
