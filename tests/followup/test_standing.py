"""Where a commitment stands, derived from its published progress updates: the latest by date,
then by publication, that no published correction replaced; "planned" while there is none;
drafts never count. Overdue follows the calendar and the status. A list of commitments reads
all of it in a constant number of queries.

Expectations are written out from the updates each test makes; days are frozen with the clock."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advocacy.models import CollaborationAgreementPage
from followup.models import Commitment, CommitmentStatus
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    commitment,
    progress_update,
    translate_page,
)

pytestmark = pytest.mark.django_db

DUE = datetime.date(2026, 6, 30)


@pytest.fixture
def agreement(site_pages):
    return CollaborationAgreementPageFactory(commitments=[commitment("Publier le code.", due_date=DUE)])


def fresh(agreement):
    return CollaborationAgreementPage.objects.get(pk=agreement.pk).commitments.get()


def standing_of(row):
    row = Commitment.objects.get(pk=row.pk)
    return row.status, row.progress, row.last_update


def test_planned_without_a_published_update(agreement, clock):
    row = fresh(agreement)
    assert standing_of(row) == (CommitmentStatus.PLANNED, None, None)
    progress_update(row, status=CommitmentStatus.DONE, progress=100, published=False)
    assert standing_of(row) == (CommitmentStatus.PLANNED, None, None)


def test_the_latest_by_date_then_by_publication(agreement, clock):
    row = fresh(agreement)
    clock.set(2026, 3, 10, 15)
    progress_update(
        row, status=CommitmentStatus.IN_PROGRESS, progress=30, happened_on=datetime.date(2026, 3, 1)
    )
    # Published later but about an earlier day: not the latest.
    clock.set(2026, 3, 11, 15)
    progress_update(row, status=CommitmentStatus.POSTPONED, happened_on=datetime.date(2026, 2, 1))
    assert standing_of(row) == (CommitmentStatus.IN_PROGRESS, 30, datetime.date(2026, 3, 1))
    # The same day, published later: the latest.
    clock.set(2026, 3, 12, 15)
    progress_update(
        row, status=CommitmentStatus.PARTLY_DONE, progress=60, happened_on=datetime.date(2026, 3, 1)
    )
    assert standing_of(row) == (CommitmentStatus.PARTLY_DONE, 60, datetime.date(2026, 3, 1))


def test_a_correction_replaces_the_update_it_corrects_even_with_another_date(agreement, clock):
    row = fresh(agreement)
    clock.set(2026, 3, 10, 15)
    earlier = progress_update(row, status=CommitmentStatus.IN_PROGRESS, happened_on=datetime.date(2026, 2, 1))
    wrong = progress_update(
        row, status=CommitmentStatus.DONE, progress=100, happened_on=datetime.date(2026, 3, 1)
    )
    assert standing_of(row) == (CommitmentStatus.DONE, 100, datetime.date(2026, 3, 1))
    correction = progress_update(
        row,
        "Pas encore terminé : le code est publié en partie.",
        status=CommitmentStatus.PARTLY_DONE,
        progress=70,
        happened_on=datetime.date(2026, 2, 20),
        corrects=wrong,
        published=False,
    )
    assert standing_of(row) == (CommitmentStatus.DONE, 100, datetime.date(2026, 3, 1))  # a draft
    correction.publish()
    assert standing_of(row) == (CommitmentStatus.PARTLY_DONE, 70, datetime.date(2026, 2, 20))
    # Both stay in the history, newest first, each knowing the other.
    history = Commitment.objects.get(pk=row.pk).standing.history
    assert [update.pk for update in history] == [wrong.pk, correction.pk, earlier.pk]
    assert history[0].corrected_by == history[1]
    assert history[1].corrects == history[0]


def test_updates_outlive_the_commitments_edits_and_follow_it_into_translations(agreement, clock):
    row = fresh(agreement)
    progress_update(
        row, status=CommitmentStatus.IN_PROGRESS, progress=40, happened_on=datetime.date(2025, 12, 1)
    )
    page = CollaborationAgreementPage.objects.get(pk=agreement.pk)
    edited = page.commitments.get()
    edited.text = "Publier tout le code source."
    page.commitments = [edited]
    page.save_revision().publish()
    english = translate_page(page, title="Agreement", slug="agreement")
    for version in (agreement, english):
        (shown,) = CollaborationAgreementPage.objects.get(pk=version.pk).shown_commitments()
        assert (shown.status, shown.progress, shown.last_update) == (
            CommitmentStatus.IN_PROGRESS,
            40,
            datetime.date(2025, 12, 1),
        ), version.locale.language_code


def test_overdue_across_time_then_done(agreement, clock):
    """Due on 30 June: not overdue that day; overdue the next; no longer once done; overdue
    again when a later update says it is only partly done."""
    row = fresh(agreement)
    clock.set(2026, 6, 30, 20)  # 16:00 in Québec
    assert not Commitment.objects.get(pk=row.pk).is_overdue
    clock.set(2026, 7, 1, 3, 30)  # still 30 June in Québec
    assert not Commitment.objects.get(pk=row.pk).is_overdue
    clock.set(2026, 7, 1, 15)
    assert Commitment.objects.get(pk=row.pk).is_overdue
    progress_update(row, status=CommitmentStatus.DONE, progress=100, happened_on=datetime.date(2026, 7, 1))
    assert not Commitment.objects.get(pk=row.pk).is_overdue
    clock.set(2027, 1, 1, 15)
    assert not Commitment.objects.get(pk=row.pk).is_overdue
    progress_update(row, status=CommitmentStatus.PARTLY_DONE, happened_on=datetime.date(2027, 1, 1))
    assert Commitment.objects.get(pk=row.pk).is_overdue
    progress_update(row, status=CommitmentStatus.ABANDONED, happened_on=datetime.date(2027, 1, 1))
    assert not Commitment.objects.get(pk=row.pk).is_overdue


def queries_to(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    assert "Engagement 1." in response.content.decode(), path  # it does read the commitments
    return len(captured)


def test_a_list_reads_every_commitments_standing_in_constant_queries(site_pages, client, clock):
    """An agreement with 2 commitments and one with 20, each with a history (a correction
    included) and a draft: the page, the commitment's page and the items API record cost the same
    number of queries."""
    owner = OrganizationFactory()
    costs = {}
    for count in (2, 20):
        page = CollaborationAgreementPageFactory(
            slug=f"entente-{count}",
            commitments=[commitment(f"Engagement {n}.", owner=owner, due_date=DUE) for n in range(count)],
        )
        for row in page.commitments.all():
            first = progress_update(row, happened_on=datetime.date(2025, 11, 1))
            progress_update(
                row, status=CommitmentStatus.DONE, corrects=first, happened_on=datetime.date(2025, 11, 1)
            )
            progress_update(row, "Brouillon.", published=False)
        page = CollaborationAgreementPage.objects.get(pk=page.pk)
        client.get(page.url)  # caches filled once
        costs[count] = [
            queries_to(client, path)
            for path in (page.url, f"{page.url}engagements/2/", f"/api/v1/items/{page.public_id}/")
        ]
    assert costs[2] == costs[20]
