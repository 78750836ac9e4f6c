"""A consultation report's page as a reader sees it: its sections in the order the issue sets,
each under its heading; the public body's responses marked as its own words; the commitments
that follow from each recommendation and the table of all of them; the sessions of its
dialogues; and its queries do not grow with its recommendations, commitments or dialogues.

Expected words are the French and English interface strings written out here."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from followup.models import RecommendationResponse
from hub.models import Organization
from tests.factories import (
    QUEBEC,
    DialoguePageFactory,
    OrganizationFactory,
    ReportPageFactory,
    commitment,
    progress_update,
    recommendation,
    session,
    theme,
    translate_page,
)

pytestmark = pytest.mark.django_db

SECTIONS_FR = [
    "Faits essentiels",
    "Ce sur quoi porte ce bilan",
    "Mandat",
    "Méthode",
    "Participation",
    "Ce que nous avons entendu",
    "Recommandations et réponses",
    "Engagements",
]


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


@pytest.fixture
def ministry(site_pages):
    return OrganizationFactory(name="Ministère fictif des Services", kind=Organization.Kind.PUBLIC_BODY)


@pytest.fixture
def report(ministry):
    return ReportPageFactory(
        title="Bilan de la consultation sur le tri",
        slug="bilan-tri",
        addressed_to=ministry,
        commissioned_by=ministry,
        decided_by="Le conseil d'administration, en juin.",
        could_change="Les critères de tri et l'accès à une personne.",
        participants=42,
        missing="Les personnes sans internet : les ateliers étaient le soir.",
        next_review_date=datetime.date(2031, 3, 1),
        themes=[
            theme(
                "Parler à quelqu'un",
                "Les gens veulent parler à une personne.",
                [("Je veux qu'on m'écoute.", None)],
            )
        ],
        recommendations=[
            recommendation(
                "Offrir un rendez-vous avec une personne.",
                response=RecommendationResponse.ACCEPTED,
                response_date=datetime.date(2026, 5, 4),
                response_reasons="Nous ouvrirons une ligne téléphonique.",
            ),
            recommendation("Publier les critères de tri."),
        ],
        commitments=[
            commitment(
                "Ouvrir une ligne téléphonique.",
                owner=ministry,
                due_date=datetime.date(2026, 1, 31),
                recommendation=1,
            ),
            commitment("Former le personnel.", owner=ministry),
        ],
    )


def test_the_sections_come_in_the_order_of_the_issue_each_under_its_heading(client, report):
    page = soup(client.get(report.url))
    headings = [text(heading) for heading in page.select("main article > section > h2")]
    # After the header's plain-language summary and summary.
    assert headings[2 : 2 + len(SECTIONS_FR)] == SECTIONS_FR


def test_a_response_is_the_bodys_own_dated_words_and_an_awaited_one_says_so(client, report):
    page = soup(client.get(report.url))
    first, second = page.select("ol.recommendations > li")
    assert first["id"] == "recommendation-1" and second["id"] == "recommendation-2"
    assert text(first.select_one(".official-response__label")) == (
        "Réponse officielle de Ministère fictif des Services, 4 mai 2026"
    )
    assert first.select_one(".official-response time")["datetime"] == "2026-05-04"
    assert text(first.select_one(".official-response__value")) == "Réponse : Acceptée"
    assert text(first.select_one(".recommendation__follow")).endswith(f"{report.public_id}-C1")
    assert text(second.select_one(".official-response__label")) == (
        "En attente de la réponse de Ministère fictif des Services"
    )


def test_the_commitments_table_has_a_caption_headers_and_says_overdue_in_words(client, report):
    page = soup(client.get(report.url))
    table = page.select_one("table.commitments-table")
    assert text(table.select_one("caption")) == "Engagements : où ils en sont"
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 5
    first, second = table.select("tbody tr")
    assert first["id"] == "commitment-1" and first.select_one("th")["scope"] == "row"
    # Due on 31 January 2026, planned: overdue on any day after it.
    assert "En retard" in text(first) and "(recommandation 1)" in text(first)
    assert "Aucune date fixée" in text(second) and "En retard" not in text(second)
    assert page.select_one("#recommendation-1 .recommendation__follow a")["href"] == "#commitment-1"


def test_the_method_lists_the_sessions_of_its_dialogues(client, ministry):
    day = datetime.datetime(2026, 4, 9, 18, 30, tzinfo=QUEBEC)
    dialogue = DialoguePageFactory(title="Atelier fictif du jeudi", sessions=[session(starts_at=day)])
    report = ReportPageFactory(dialogues=[dialogue])
    page = soup(client.get(report.url))
    assert text(page.select_one("#about-heading").parent.select_one("ul")).startswith(
        "Atelier fictif du jeudi"
    )
    (row,) = page.select("table.report-sessions tbody tr")
    assert row.select_one("time")["datetime"] == "2026-04-09T18:30:00-04:00"
    assert text(row).startswith("9 avril 2026 Bibliothèque fictive")
    assert text(row).endswith("En personne")


def test_the_english_page_marks_the_response_as_the_bodys(client, report):
    english = translate_page(report, title="Fictional sorting report", slug="sorting-report")
    page = soup(client.get(english.url))
    first = page.select_one("#recommendation-1")
    assert text(first.select_one(".official-response__label")) == (
        "Official response of Ministère fictif des Services, May 4, 2026"
    )
    assert text(first.select_one(".official-response__value")) == "Response: Accepted"


def test_its_queries_do_not_grow_with_recommendations_commitments_and_dialogues(
    client, ministry, django_assert_max_num_queries
):
    def report_with(count):
        dialogues = [DialoguePageFactory() for _ in range(count)]
        return ReportPageFactory(
            dialogues=dialogues,
            addressed_to=ministry,
            recommendations=[
                recommendation(
                    f"Recommandation {n}.",
                    response=RecommendationResponse.REJECTED,
                    response_date=datetime.date(2026, 1, 5),
                    responding_body=OrganizationFactory(),
                )
                for n in range(count)
            ],
            commitments=[
                commitment(f"Engagement {n}.", owner=OrganizationFactory(), recommendation=1)
                for n in range(count)
            ],
        )

    small, large = report_with(1), report_with(6)
    for page in (small, large):
        for shown in page.commitments.all():
            progress_update(shown)
    client.get(small.url)  # warm the caches a first visit fills
    with CaptureQueriesContext(connection) as one:
        assert client.get(small.url).status_code == 200
    with django_assert_max_num_queries(len(one)):
        assert client.get(large.url).status_code == 200
