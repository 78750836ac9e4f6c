"""The demo's consultation reports, as a visitor of a freshly loaded demo meets them: at least
four, on the demo's dialogues and one on a consultation held elsewhere that led to an agreement;
recommendations with every response; commitments (the agreements' included) at least 25, in
every status through progress updates, some overdue; every page says it is fictional; a quote
taken from a demo testimony that is shown publicly, linking to it.

The expectations are the issue's and the brief's (counts, states), not the data module's."""

from followup.models import (
    AWAITING,
    Commitment,
    CommitmentStatus,
    RecommendationResponse,
    ReportPage,
)
from tests.demo.helpers import assert_fictional_summaries


class DemoReportChecks:
    """Mixed into ``LoadedDemoTests`` (``test_load_demo.py``), which loads the demo once."""

    @classmethod
    def set_up_reports(cls):
        cls.reports = list(ReportPage.objects.filter(locale__language_code="fr").order_by("public_id"))

    def test_four_reports_or_more_on_dialogues_and_one_on_an_outside_consultation_and_agreement(self):
        self.assertGreaterEqual(len(self.reports), 4)
        self.assertTrue(all(page.live for page in self.reports))
        on_dialogues = [page for page in self.reports if page.dialogues.exists()]
        self.assertGreaterEqual(len(on_dialogues), 4)
        outside = [page for page in self.reports if page.outside_consultation and page.agreements.exists()]
        self.assertTrue(outside)
        for page in self.reports:
            page.full_clean()

    def test_recommendations_have_every_response(self):
        responses = {
            recommendation.response_key
            for page in self.reports
            for recommendation in page.recommendations.all()
        }
        self.assertEqual(responses, {*RecommendationResponse.values, AWAITING})

    def test_commitments_in_every_status_with_histories_some_overdue(self):
        commitments = Commitment.with_standings(
            list(Commitment.objects.filter(page__locale__language_code="fr"))
        )
        self.assertGreaterEqual(len(commitments), 25)
        on_reports = [c for c in commitments if c.page_id in {page.pk for page in self.reports}]
        self.assertEqual({c.status for c in on_reports}, set(CommitmentStatus.values))
        self.assertTrue(any(c.is_overdue for c in on_reports))
        self.assertTrue(any(len(c.standing.history) >= 2 for c in on_reports))
        self.assertTrue(any(c.recommendation for c in on_reports))

    def test_every_report_says_it_is_fictional_in_plain_short_sentences(self):
        for page in ReportPage.objects.all():
            with self.subTest(report=page.public_id, language=page.locale.language_code):
                assert_fictional_summaries(self, page)
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertRegex(response.content.decode().lower(), r"fictif|fictional")

    def test_a_quote_links_to_a_demo_testimony_shown_publicly(self):
        quotes = [quote for page in self.reports for theme in page.shown_themes for quote in theme.quotes]
        self.assertTrue(any("#testimony-" in quote.testimony_url for quote in quotes))
