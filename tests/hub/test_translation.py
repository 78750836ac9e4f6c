"""Translation with wagtail-localize, as an editor does it: extract the French source, translate
every string, publish the English page, then re-sync after the source changes.

wagtail-localize publishes a translation when the transaction commits, so ``save_target`` runs
inside ``captureOnCommitCallbacks(execute=True)``."""

import datetime

from django.test import TestCase
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from advocacy.models import AdvocacyBriefPage, CollaborationAgreementPage
from hub.models import Service
from impacts.models import CaseFilePage
from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    commitment,
    evidence,
    locale,
    paragraph,
    site_skeleton,
    terms,
)

ENGLISH = {
    "Algorithme d’attribution des places en CPE": "Childcare place allocation algorithm",
    "algorithme-cpe": "childcare-algorithm",
    "Un algorithme fictif classe les familles en attente.": "A fictional algorithm ranks waiting families.",
    "Une machine décide qui a une place.": "A machine decides who gets a spot.",
    "Les parents ne savent pas pourquoi.": "Parents do not know why.",
    "Classe les demandes.": "Ranks applications.",
    "Article fictif": "Fictional article",
    "Journal fictif": "Fictional newspaper",
}


def translate_everything(translation, dictionary):
    """Fill every msgstr of the exported PO file from ``dictionary`` and import it back; a string
    missing from the dictionary is a test bug, so it fails loudly."""
    po = translation.export_po()
    for entry in po:
        if entry.obsolete:
            continue
        entry.msgstr = dictionary[entry.msgid]
    warnings = translation.import_po(po)
    assert warnings == [], warnings


def start_translation(page):
    """What "Translate this page" does: extract the source and open a translation to English."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return Translation.objects.create(source=source, target_locale=locale("en"))


def publish_marked_translation(test_case, translation, slug=None):
    """Translate every string of ``translation`` as "EN <string>" (the slug as ``slug``) and
    publish the English page, as the editor's "Publish" does (on commit)."""
    dictionary = {entry.msgid: f"EN {entry.msgid}" for entry in translation.export_po()}
    if slug is not None:
        dictionary[translation.source.get_source_instance().slug] = slug
    translate_everything(translation, dictionary)
    with test_case.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)


class CaseFileTranslationRoundTripTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_skeleton()
        cls.source_page = CaseFilePageFactory(
            title="Algorithme d’attribution des places en CPE",
            slug="algorithme-cpe",
            summary="Un algorithme fictif classe les familles en attente.",
            plain_summary="Une machine décide qui a une place.",
            decision_role="Classe les demandes.",
            body=[
                paragraph("Les parents ne savent pas pourquoi."),
                evidence("https://journal.example.org/cpe"),
            ],
            services=["services-sociaux", "education"],
            regions=["capitale-nationale", "tout-le-quebec"],
            risks=["opacite", "absence-de-recours"],
            impact_level=3,
        )
        cls.translation = start_translation(cls.source_page)
        translate_everything(cls.translation, ENGLISH)
        with cls.captureOnCommitCallbacks(execute=True):
            cls.translation.save_target(publish=True)

    def english_page(self):
        return CaseFilePage.objects.get(
            translation_key=self.source_page.translation_key, locale__language_code="en"
        )

    def test_the_english_page_carries_the_translated_text(self):
        page = self.english_page()
        self.assertTrue(page.live)
        self.assertEqual(page.title, "Childcare place allocation algorithm")
        self.assertEqual(page.slug, "childcare-algorithm")
        self.assertEqual(page.summary, "A fictional algorithm ranks waiting families.")
        self.assertEqual(page.plain_summary, "A machine decides who gets a spot.")
        self.assertEqual(page.decision_role, "Ranks applications.")
        paragraph_block, evidence_block = list(page.body)
        self.assertEqual(paragraph_block.value.source, "<p>Parents do not know why.</p>")
        self.assertEqual(evidence_block.value["title"], "Fictional article")
        self.assertEqual(evidence_block.value["publisher"], "Fictional newspaper")

    def test_the_english_page_keeps_identity_and_synchronized_fields(self):
        page = self.english_page()
        self.assertEqual(page.public_id, self.source_page.public_id)
        self.assertEqual(page.translation_key, self.source_page.translation_key)
        self.assertEqual(page.service_keys, ["education", "services-sociaux"])
        self.assertEqual(page.region_keys, ["capitale-nationale", "tout-le-quebec"])
        self.assertEqual(page.risk_keys, ["absence-de-recours", "opacite"])
        self.assertEqual(page.impact_level, 3)
        self.assertEqual(page.agency_id, self.source_page.agency_id)
        self.assertEqual(page.evidence_sources(), ["https://journal.example.org/cpe"])

    def test_the_english_page_is_served_under_the_english_index(self):
        page = self.english_page()
        self.assertEqual(page.url, "/en/case-files/childcare-algorithm/")
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="en"')
        self.assertContains(response, "Childcare place allocation algorithm")
        self.assertContains(response, "Parents do not know why.")
        redirect = self.client.get(f"/en/case-files/{self.source_page.public_id}/")
        self.assertRedirects(redirect, page.url, fetch_redirect_response=False)

    def test_a_re_sync_after_the_source_changes_updates_the_translation(self):
        source_page = CaseFilePage.objects.get(pk=self.source_page.pk)
        source_page.summary = "Un algorithme fictif classe désormais toutes les familles."
        source_page.services = terms(Service, ["sante"])
        source_page.status = CaseFilePage.Status.SUSPENDED
        source_page.save_revision().publish()

        self.translation.source.update_from_db()
        pending = StringSegment.objects.filter(source=self.translation.source).annotate_translation(
            self.translation.target_locale
        )
        self.assertEqual(
            [segment.string.data for segment in pending if segment.translation is None],
            ["Un algorithme fictif classe désormais toutes les familles."],
        )
        translate_everything(
            self.translation,
            ENGLISH
            | {"Un algorithme fictif classe désormais toutes les familles.": "It now ranks every family."},
        )
        with self.captureOnCommitCallbacks(execute=True):
            self.translation.save_target(publish=True)

        page = self.english_page()
        self.assertEqual(page.summary, "It now ranks every family.")
        self.assertEqual(page.title, "Childcare place allocation algorithm")
        self.assertEqual(page.service_keys, ["sante"])
        self.assertEqual(page.status, CaseFilePage.Status.SUSPENDED)
        self.assertEqual(page.public_id, self.source_page.public_id)


class AdvocacyTranslationRoundTripTests(TestCase):
    """Briefs and agreements carry inline child relations and chooser blocks; they must survive
    translation too."""

    @classmethod
    def setUpTestData(cls):
        site_skeleton()
        cls.casefile = CaseFilePageFactory()
        cls.city = OrganizationFactory(name="Ville fictive")

    def round_trip(self, page):
        publish_marked_translation(self, start_translation(page), slug=f"{page.slug}-en")
        return type(page).objects.get(translation_key=page.translation_key, locale__language_code="en")

    def test_a_brief_keeps_its_authors_citations_and_recommendations(self):
        brief = AdvocacyBriefPageFactory(
            title="Mémoire sur les CPE",
            citations=[(self.casefile, "Chronologie")],
            risks=["discrimination"],
        )
        english = self.round_trip(brief)
        self.assertIsInstance(english, AdvocacyBriefPage)
        self.assertEqual(english.title, "EN Mémoire sur les CPE")
        self.assertEqual(english.public_id, brief.public_id)
        self.assertEqual(english.author_names, brief.author_names)
        self.assertEqual(
            english.cited_casefiles, [{"id": self.casefile.public_id, "pinpoint": "Chronologie"}]
        )
        self.assertEqual(english.risk_keys, ["discrimination"])
        recommendation = list(english.recommendations)[0].value
        self.assertEqual(recommendation["recommendation"], "EN Publier le registre des systèmes d'IA.")
        self.assertEqual(self.client.get(english.url).status_code, 200)

    def test_an_agreement_keeps_its_parties_and_commitment_owners(self):
        agreement = CollaborationAgreementPageFactory(
            title="Entente sur le tri",
            commitments=[commitment("Publier le code.", owner=self.city, due_date=datetime.date(2025, 6, 1))],
        )
        english = self.round_trip(agreement)
        self.assertIsInstance(english, CollaborationAgreementPage)
        self.assertEqual(english.public_id, agreement.public_id)
        self.assertEqual(english.party_list, agreement.party_list)
        self.assertEqual(english.scope, f"EN {agreement.scope}")
        (kept,) = english.commitments.all()
        self.assertEqual(kept.text, "EN Publier le code.")
        self.assertEqual(kept.owner.key, self.city.key)
        self.assertEqual((kept.number, kept.due_date), (1, datetime.date(2025, 6, 1)))
        self.assertEqual(kept.translation_key, agreement.commitments.get().translation_key)
        self.assertEqual(self.client.get(english.url).status_code, 200)
