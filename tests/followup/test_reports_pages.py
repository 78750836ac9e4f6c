"""A consultation report's page as a reader sees it: its sections in the order the issue sets,
each under its heading; the public body's responses marked as its own words; the commitments
that follow from each recommendation and the table of all of them; the sessions of its
dialogues; and its queries do not grow with its recommendations, commitments or dialogues.

Expected words are the French and English interface strings written out here."""

import datetime

import pytest
from bs4 import BeautifulSoup

from followup.models import RecommendationResponse
from hub.models import Organization
from tests.factories import (
    OrganizationFactory,
    ReportPageFactory,
    commitment,
    recommendation,
    theme,
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
