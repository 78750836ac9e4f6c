"""A report translated with wagtail-localize, as an editor does it: its texts (themes, quotes,
recommendations, responses' reasons, commitments) are translated; its numbers, dates, responses,
the testimony a quote comes from and its linked dialogues are kept; each recommendation keeps its
number and translation key."""

import datetime

from django.test import TestCase

from followup.models import RecommendationResponse, ReportPage
from tests.factories import (
    CaseFilePageFactory,
    DialoguePageFactory,
    OrganizationFactory,
    ReportPageFactory,
    TestimonyFactory,
    commitment,
    recommendation,
    show_testimony,
    site_skeleton,
    theme,
)
from tests.hub.test_translation import publish_marked_translation, start_translation


class ReportTranslationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site_skeleton()
        cls.ministry = OrganizationFactory(name="Ministère fictif")
        casefile = CaseFilePageFactory()
        cls.testimony = TestimonyFactory(casefiles=[casefile])
        show_testimony(casefile, cls.testimony)
        cls.dialogue = DialoguePageFactory()
        cls.report = ReportPageFactory(
            title="Bilan fictif",
            slug="bilan-fictif",
            dialogues=[cls.dialogue],
            addressed_to=cls.ministry,
            participants=30,
            next_review_date=datetime.date(2031, 1, 15),
            themes=[theme("Être écouté", "On veut une personne.", [("Je veux parler.", cls.testimony)])],
            recommendations=[
                recommendation(
                    "Offrir un rendez-vous.",
                    response=RecommendationResponse.PARTLY_ACCEPTED,
                    response_date=datetime.date(2026, 2, 3),
                    response_reasons="Dans trois régions seulement.",
                ),
                recommendation("Publier les critères."),
            ],
            commitments=[commitment("Ouvrir une ligne.", owner=cls.ministry, recommendation=1)],
        )

    def test_texts_are_translated_and_numbers_dates_and_links_kept(self):
        publish_marked_translation(self, start_translation(self.report), slug="fictional-report")
        english = ReportPage.objects.get(
            translation_key=self.report.translation_key, locale__language_code="en"
        )
        self.assertEqual(english.public_id, self.report.public_id)
        self.assertEqual((english.participants, english.next_review_date), (30, datetime.date(2031, 1, 15)))
        self.assertEqual(list(english.dialogues.all()), [self.dialogue])
        self.assertEqual(english.addressed_to_id, self.ministry.pk)
        (block,) = english.themes
        self.assertEqual(block.value["title"], "EN Être écouté")
        (quote,) = block.value["quotes"]
        self.assertEqual(quote["quote"], "EN Je veux parler.")
        self.assertEqual(quote["testimony"].pk, self.testimony.pk)
        source = {r.number: r for r in self.report.recommendations.all()}
        kept = list(english.recommendations.order_by("sort_order"))
        self.assertEqual(
            [(r.number, r.text, r.response, r.response_date, r.response_reasons) for r in kept],
            [
                (
                    1,
                    "EN Offrir un rendez-vous.",
                    "partly-accepted",
                    datetime.date(2026, 2, 3),
                    "EN Dans trois régions seulement.",
                ),
                (2, "EN Publier les critères.", "", None, ""),
            ],
        )
        self.assertEqual(
            [r.translation_key for r in kept], [source[1].translation_key, source[2].translation_key]
        )
        (followed,) = english.commitments.all()
        self.assertEqual(
            (followed.text, followed.recommendation, followed.number), ("EN Ouvrir une ligne.", 1, 1)
        )
        response = self.client.get(english.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Official response of Ministère fictif")
