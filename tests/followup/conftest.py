"""An agreement with three commitments, the first with a unit and a due date, the last with no
date, that the page and citation tests read."""

import datetime

import pytest

from hub.models import Organization
from tests.factories import CollaborationAgreementPageFactory, OrganizationFactory, commitment


@pytest.fixture
def city(site_pages):
    return OrganizationFactory(name="Ville fictive de Laval", kind=Organization.Kind.MUNICIPALITY)


@pytest.fixture
def agreement(city):
    return CollaborationAgreementPageFactory(
        title="Entente sur le tri",
        slug="entente-sur-le-tri",
        commitments=[
            commitment(
                "Publier le code.",
                owner=city,
                owner_role="Direction des technologies",
                due_date=datetime.date(2026, 6, 30),
            ),
            commitment("Former le personnel.", owner=city, due_date=datetime.date(2027, 1, 15)),
            commitment("Tenir une séance publique par année.", owner=city),
        ],
    )
