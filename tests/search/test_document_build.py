"""A rebuild builds its documents in bulk (relations loaded as lists, unread fields deferred, rich
text read without Wagtail's parser): the documents must be, byte for byte, those each page gives
when built alone with Wagtail's own searchable content."""

import datetime
import json
from unittest import mock

import pytest
from wagtail.blocks import RichTextBlock, StreamBlock, StructBlock, TextBlock
from wagtail.rich_text import get_text_for_indexing

from hub.item_urls import PageUrls
from hub.items import item_types
from hub.stream_text import rich_text_for_indexing, searchable_content
from impacts.testimonies import withdraw_testimony
from search.documents import documents_for_versions, iter_all_documents
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DeclaredRecordFactory,
    DialoguePageFactory,
    LearningMediaFactory,
    LearningResourcePageFactory,
    ReportPageFactory,
    SystemPageFactory,
    TestimonyFactory,
    ToolkitPageFactory,
    commitment,
    evidence,
    paragraph,
    recommendation,
    session,
    show_testimony,
    theme,
    translate_page,
)

RICH_TEXT = [
    "<p>Un paragraphe.</p><p>Un autre.</p>",
    "<h2>Titre</h2><ul><li>un</li><li>deux</li></ul><ol><li>trois</li></ol>",
    '<p>Voir <a href="https://example.org/?a=1&amp;b=2">le registre</a> et <b>R&amp;D</b>.</p>',
    "<p>ligne<br/>suivante<br />fin<br>collée</p>",
    "<p>&nbsp;espace&#160;insécable, &eacute;t&#233; &#xE9;t&#xe9;, 5 &lt; 6 &gt; 4</p>",
    "<P>Majuscules</P><H3>Titre</H3>",
    "<p>AT&T sans point-virgule &amp</p>",
    "<p>un <!-- commentaire --> texte</p>",
    '<p><a title="a > b" href="x">attribut</a></p>',
    "<p>un < deux</p>",
    "<p>script</p><script>var a = '<b>x</b>';</script>",
    '<p><embed embedtype="image" id="1" format="left"/> image</p>',
    '<p><a linktype="document" id="3">document</a></p>',
    "  <p>  blancs  </p>  ",
    "texte sans balise",
    "",
]


@pytest.mark.parametrize("source", RICH_TEXT)
def test_rich_text_reads_as_wagtail_reads_it(source):
    assert rich_text_for_indexing(source) == get_text_for_indexing(source)


def test_rich_text_keeps_a_space_between_blocks_and_resolves_references():
    assert rich_text_for_indexing("<p>un</p><p>deux&nbsp;&amp;&#233;</p>") == "un deux\xa0&é"


class ShoutingBlock(TextBlock):
    """A block with searchable content of its own, which must be kept."""

    def get_searchable_content(self, value):
        return [value.upper()]


def test_stream_text_is_what_wagtail_gives_for_nested_blocks():
    block = StreamBlock(
        [
            ("paragraph", RichTextBlock()),
            ("quote", StructBlock([("text", RichTextBlock()), ("who", ShoutingBlock())])),
            ("hidden", RichTextBlock(search_index=False)),
        ]
    )
    value = block.to_python(
        [
            {"type": "paragraph", "value": "<p>un</p><p>deux</p>"},
            {"type": "quote", "value": {"text": "<p>AT&T</p>", "who": "personne"}},
            {"type": "hidden", "value": "<p>caché</p>"},
        ]
    )

    assert searchable_content(block, value) == block.get_searchable_content(value)
    assert searchable_content(block, value) == ["un deux", "AT&T;", "PERSONNE"]


@pytest.fixture
def varied_items(site_pages):
    """Items of every type, published: translated case files with rich bodies, shown and withdrawn
    testimonies, a brief with recommendations and authors, an agreement with parties and
    commitments (and a draft of one more), a register entry, a dialogue, a report, a learning
    resource and a toolkit."""
    shown = CaseFilePageFactory(
        services=["sante"],
        body=[paragraph(text) for text in RICH_TEXT if text]
        + [evidence("https://journal.example.org/a", "Article &amp; <b>gras</b>")],
    )
    testimonies = [TestimonyFactory(casefiles=[shown]) for _ in range(3)]
    for testimony in testimonies:
        shown = show_testimony(shown, testimony)
    withdraw_testimony(testimonies[1], "Demande de la personne")
    translate_page(shown, "en", title="Fictional case", slug="fictional-case")
    other = CaseFilePageFactory(agency=None)
    show_testimony(other, TestimonyFactory(casefiles=[other]))
    CaseFilePageFactory(body=[])
    brief = AdvocacyBriefPageFactory(authors=[{}, {"person_name": ""}])
    translate_page(brief, "en", title="Fictional brief", slug="fictional-brief")
    agreement = CollaborationAgreementPageFactory(
        commitments=[
            commitment("Engagement cherchable.", owner_role="Unité cherchable"),
            commitment("Autre."),
        ]
    )
    agreement.commitments.add(commitment("Engagement en brouillon.", sort_order=2))
    agreement.save_revision()
    system = SystemPageFactory(
        risks_mitigations=[("risk", {"risk": "Biais communautaire", "mitigation": ""})]
    )
    DeclaredRecordFactory(
        system=system,
        purpose="Objectif déclaré",
        start_month="2023-04",
        impact_assessments=[("assessment", {"kind": "aia-3", "date": None, "url": "", "note": ""})],
    )
    translate_page(system, "en", title="Fictional system", slug="fictional-system")
    DeclaredRecordFactory(system=SystemPageFactory(), live=False, purpose="Brouillon déclaré")
    # A dialogue translated, with two sessions: its facets hold a value per session.
    dialogue = DialoguePageFactory(sessions=[session(), session(format="online", title="En ligne")])
    translate_page(dialogue, "en", title="Fictional dialogue", slug="fictional-dialogue")
    # A report on that dialogue, quoting a shown and a withdrawn testimony, with a recommendation
    # answered and one awaiting its response, and a commitment following from the first.
    ReportPageFactory(
        dialogues=[dialogue],
        themes=[theme(quotes=[("Citation montrée.", testimonies[0]), ("Citation retirée.", testimonies[1])])],
        recommendations=[
            recommendation(response="accepted", response_date=datetime.date(2026, 3, 1)),
            recommendation("Former le personnel."),
        ],
        commitments=[commitment("Publier le registre.", recommendation=1)],
    )
    # A learning resource whose audio's transcript is searched, translated, in a toolkit with a draft.
    resource = LearningResourcePageFactory(
        body=[paragraph("Texte de la ressource.")],
        recording=LearningMediaFactory(
            transcript_fr="Transcription cherchable.", transcript_en="Searchable."
        ),
        audiences=["citizens", "researchers"],
        large_print=True,
    )
    translate_page(resource, "en", title="Fictional resource", slug="fictional-resource")
    ToolkitPageFactory(
        members=[resource, LearningResourcePageFactory(live=False, title="Ressource en brouillon")]
    )
    return {"shown": testimonies[0].text, "withdrawn": testimonies[1].text}


def one_by_one():
    """Each item's documents built alone, from pages read plainly (no bulk loading), with the
    StreamField text Wagtail's own blocks give."""
    urls = PageUrls.load()
    wagtail_text = "hub.models.item_pages.searchable_content"
    documents = []
    with mock.patch(wagtail_text, lambda block, value: block.get_searchable_content(value)):
        for item_type in item_types():
            model = item_type.model
            for key in set(model.objects.public().values_list("translation_key", flat=True)):
                versions = [
                    model.objects.get(pk=pk)
                    for pk in model.objects.public().filter(translation_key=key).values_list("pk", flat=True)
                ]
                documents += documents_for_versions(versions, urls)
    return documents


def as_bytes(documents):
    return sorted(json.dumps(document, sort_keys=True, default=str) for document in documents)


@pytest.mark.django_db
def test_documents_built_in_bulk_equal_those_built_one_by_one(varied_items):
    expected = one_by_one()
    built = list(iter_all_documents(chunk_size=2))  # chunks split between items and types

    assert as_bytes(built) == as_bytes(expected)
    assert {document["type"] for document in built} == {item_type.key for item_type in item_types()}
    bodies = " ".join(document["body"] for document in built)
    assert varied_items["shown"] in bodies and "R&D" in bodies and "suivante fin" in bodies
    assert varied_items["withdrawn"] not in bodies
    # A report's quote shows while its testimony does, and goes with it.
    assert "Citation montrée." in bodies and "Citation retirée." not in bodies
    assert "Objectif déclaré" in bodies and "Biais communautaire" in bodies
    assert "Brouillon déclaré" not in bodies  # a declaration never published
    assert "Engagement cherchable." in bodies and "Unité cherchable" in bodies
    assert "Engagement en brouillon." not in bodies
    dialogues = [document for document in built if document["type"] == "dialogue"]
    assert {
        document["type_facets"]["attendance_mode"] == ["in-person", "online"] for document in dialogues
    } == {True}
    assert "Transcription cherchable." in bodies and "Texte de la ressource." in bodies
    assert "Ressource en brouillon" not in bodies
    resources = [document for document in built if document["type"] == "learning_resource"]
    assert {document["type_facets"]["audience"] == ["citizens", "researchers"] for document in resources} == {
        True
    }
    assert {
        document["type_facets"]["learning_access"] == ["large_print", "transcript"] for document in resources
    } == {True}
    systems = [document for document in built if document["type"] == "system"]
    assert {document["impact_level"] for document in systems} == {3, None}
    assert {document["date"] for document in systems} >= {"2023-04-01"}
