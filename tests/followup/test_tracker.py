"""The commitment tracker's page: its rows in the reader's language, its sorts, pages, headlines
and the 400 answers that name a bad parameter, and overdue across time.

Expectations are written out from the fixture's own values."""

import datetime

import lxml.html
import pytest
import time_machine

from followup.models import Commitment, CommitmentStatus
from hub.models import Organization
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    commitment,
    locale,
    progress_update,
    translate_page,
)

pytestmark = pytest.mark.django_db

FROZEN = datetime.datetime(2026, 7, 1, 12, 0)


def html(response):
    assert response.status_code == 200, response.content.decode()[:2000]
    return lxml.html.fromstring(response.content.decode())


def text_of(element):
    return " ".join(element.text_content().split())


def row_ids(document):
    """The public ids of the rows, in order."""
    return [
        text_of(heading).split()[-1]
        for heading in document.xpath('//ol[contains(@class, "tracker-list")]/li//h3')
    ]


@pytest.fixture
def world(site_pages):
    city = OrganizationFactory(name="Ville fictive de Laval", kind=Organization.Kind.MUNICIPALITY)
    english_city = city.copy_for_translation(locale("en"))
    english_city.name = "Fictional City of Laval"
    english_city.save()
    group = OrganizationFactory(name="Organisme fictif", kind=Organization.Kind.NON_PROFIT)
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12), tick=False):
        sorting = CollaborationAgreementPageFactory(
            title="Entente sur le tri",
            regions=["montreal"],
            commitments=[
                commitment("Publier le code.", owner=city, due_date=datetime.date(2026, 6, 30)),
                commitment("Former le personnel.", owner=group, due_date=datetime.date(2027, 1, 15)),
                commitment("Tenir une séance publique.", owner=city),
            ],
        )
        english = translate_page(sorting, title="Sorting agreement", slug="sorting-agreement")
        Commitment.objects.filter(page=english, number=1).update(text="Publish the code.")
        lone = CollaborationAgreementPageFactory(
            title="Entente sur les appels",
            regions=["capitale-nationale"],
            commitments=[commitment("Répondre aux appels.", owner=group, due_date=datetime.date(2026, 5, 1))],
        )
    first, second, third = sorting.commitments.order_by("number")
    with time_machine.travel(datetime.datetime(2026, 4, 2, 12), tick=False):
        progress_update(
            first, status=CommitmentStatus.IN_PROGRESS, progress=40, happened_on=datetime.date(2026, 4, 1)
        )
    with time_machine.travel(datetime.datetime(2026, 5, 2, 12), tick=False):
        progress_update(
            second, status=CommitmentStatus.DONE, progress=100, happened_on=datetime.date(2026, 5, 1)
        )
    return {"city": city, "group": group, "sorting": sorting, "english": english, "lone": lone}


def test_every_public_commitment_is_a_row_due_date_first(client, world):
    sorting, lone = world["sorting"], world["lone"]
    with time_machine.travel(FROZEN, tick=False):
        document = html(client.get("/fr/engagements/"))
    assert row_ids(document) == [
        f"{lone.public_id}-C1",
        f"{sorting.public_id}-C1",
        f"{sorting.public_id}-C2",
        f"{sorting.public_id}-C3",
    ]
