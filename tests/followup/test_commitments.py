"""Commitments as records: "overdue" computed from the calendar and the status, numbers given once
per item and never again, whatever road the commitment comes by."""

import datetime

import pytest
import time_machine
from django.db import IntegrityError, transaction

from advocacy.models import CollaborationAgreementPage
from followup.models import Commitment, CommitmentStatus, is_overdue
from tests.factories import CollaborationAgreementPageFactory, OrganizationFactory, commitment, translate_page

pytestmark = pytest.mark.django_db

DUE = datetime.date(2026, 6, 30)


@pytest.mark.parametrize(
    ("due_date", "status", "today", "expected"),
    [
        (None, CommitmentStatus.PLANNED, datetime.date(2030, 1, 1), False),  # no date: never late
        (DUE, CommitmentStatus.PLANNED, datetime.date(2026, 6, 29), False),
        (DUE, CommitmentStatus.PLANNED, DUE, False),  # due today is not late yet
        (DUE, CommitmentStatus.PLANNED, datetime.date(2026, 7, 1), True),
        (DUE, CommitmentStatus.IN_PROGRESS, datetime.date(2026, 7, 1), True),
        (DUE, CommitmentStatus.PARTLY_DONE, datetime.date(2026, 7, 1), True),
        (DUE, CommitmentStatus.POSTPONED, datetime.date(2026, 7, 1), True),
        (DUE, CommitmentStatus.DONE, datetime.date(2026, 7, 1), False),
        (DUE, CommitmentStatus.ABANDONED, datetime.date(2027, 7, 1), False),
    ],
)
def test_overdue_is_a_passed_due_date_of_a_commitment_still_awaited(due_date, status, today, expected):
    assert is_overdue(due_date, status, today) is expected


def test_a_commitment_is_planned_until_it_has_updates_and_overdue_by_the_local_calendar(site_pages):
    agreement = CollaborationAgreementPageFactory(commitments=[commitment(due_date=DUE)])
    row = agreement.commitments.get()
    assert row.status == CommitmentStatus.PLANNED
    # 23:30 in Québec on the due date is already 1 July in UTC: still not late.
    with time_machine.travel(datetime.datetime(2026, 7, 1, 3, 30, tzinfo=datetime.UTC), tick=False):
        assert not Commitment.objects.get(pk=row.pk).is_overdue
    with time_machine.travel(datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.UTC), tick=False):
        assert Commitment.objects.get(pk=row.pk).is_overdue


@pytest.fixture
def agreement(site_pages):
    return CollaborationAgreementPageFactory(commitments=[commitment("Un."), commitment("Deux.")])


def numbers(page):
    return [row.number for row in page.commitments.order_by("sort_order")]


def test_a_commitment_created_on_its_own_takes_the_next_number(agreement):
    owner = OrganizationFactory()
    created = Commitment.objects.create(page=agreement, text="Trois.", owner=owner, sort_order=2)
    assert created.number == 3
    assert created.locale_id == agreement.locale_id


def test_a_published_number_is_never_given_again_after_its_commitment_is_deleted(agreement):
    page = CollaborationAgreementPage.objects.get(pk=agreement.pk)
    page.commitments = [page.commitments.get(number=1)]  # the second is deleted
    page.save_revision().publish()
    page = CollaborationAgreementPage.objects.get(pk=agreement.pk)
    assert numbers(page) == [1]
    page.commitments.add(commitment("Nouveau.", sort_order=1))
    page.save_revision().publish()
    assert numbers(CollaborationAgreementPage.objects.get(pk=agreement.pk)) == [1, 3]


def test_a_number_held_only_by_a_draft_is_not_given_again(agreement):
    page = CollaborationAgreementPage.objects.get(pk=agreement.pk)
    page.commitments.add(commitment("Brouillon abandonné.", sort_order=2))
    assert [data["number"] for data in page.save_revision().content["commitments"]] == [1, 2, 3]
    page = CollaborationAgreementPage.objects.get(pk=agreement.pk)  # the draft is dropped
    page.commitments.add(commitment("Publié.", sort_order=2))
    page.save_revision().publish()
    assert numbers(CollaborationAgreementPage.objects.get(pk=agreement.pk)) == [1, 2, 4]


def test_numbers_are_counted_over_every_language_version_of_the_item(agreement):
    english = translate_page(agreement, title="English version")
    assert numbers(english) == [1, 2]
    english = CollaborationAgreementPage.objects.get(pk=english.pk)
    english.commitments.add(commitment("Only in English.", sort_order=2))
    english.save_revision().publish()
    assert numbers(CollaborationAgreementPage.objects.get(pk=english.pk)) == [1, 2, 3]
    page = CollaborationAgreementPage.objects.get(pk=agreement.pk)
    page.commitments.add(commitment("Seulement en français.", sort_order=2))
    page.save_revision().publish()
    assert numbers(CollaborationAgreementPage.objects.get(pk=agreement.pk)) == [1, 2, 4]


def test_two_commitments_of_one_page_never_share_a_number(agreement):
    row = agreement.commitments.get(number=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=row.pk).update(number=1)


def test_a_copy_is_a_new_item_whose_commitments_keep_their_numbers_under_new_keys(agreement):
    copy = agreement.copy(update_attrs={"slug": "copie", "title": "Copie"})
    copy = CollaborationAgreementPage.objects.get(pk=copy.pk)
    assert copy.public_id != agreement.public_id
    assert numbers(copy) == [1, 2]
    originals = {row.translation_key for row in agreement.commitments.all()}
    assert not originals & {row.translation_key for row in copy.commitments.all()}
