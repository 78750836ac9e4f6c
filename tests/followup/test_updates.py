"""Progress updates as records: final once published on every road of the model layer (the admin's
roads are in tests/hub/test_permission_matrix_commitment_updates.py), drafts free to change, and
what an update may say.

Each refusal is checked beside the same operation on a draft, which works: the refusal comes from
publication, not from a broken call."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from wagtail.models import ModelLogEntry

from followup.models import CommitmentStatus, CommitmentUpdate, PublishedUpdateError
from hub.changes import announce
from tests.factories import CollaborationAgreementPageFactory, commitment, progress_update
from tests.hub.test_changes import announced  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def row(site_pages):
    agreement = CollaborationAgreementPageFactory(commitments=[commitment("Publier le code.")])
    return agreement.commitments.get()


@pytest.fixture
def updates(row, clock):
    clock.set(2026, 3, 2, 15)
    published = progress_update(row, "Code en cours de nettoyage.", happened_on=datetime.date(2026, 3, 1))
    draft = progress_update(row, "Brouillon.", published=False, happened_on=datetime.date(2026, 3, 2))
    return published, draft


def stored(update):
    return CommitmentUpdate.objects.get(pk=update.pk)


def test_publishing_dates_logs_and_keeps_the_update(updates, superuser, clock):
    published, draft = updates
    moment = published.published_at.replace(microsecond=0)
    assert moment == datetime.datetime(2026, 3, 2, 15, tzinfo=datetime.UTC)
    clock.set(2026, 3, 3, 9)
    draft.publish(user=superuser)
    assert stored(draft).published_at.date() == datetime.date(2026, 3, 3)
    entry = ModelLogEntry.objects.filter(object_id=str(draft.pk), action="wagtail.publish").get()
    assert entry.user == superuser
    with pytest.raises(PublishedUpdateError):
        stored(draft).publish()


def test_a_published_update_is_never_saved_again(updates):
    published, draft = updates
    draft.note = "Brouillon corrigé."
    draft.save()
    assert stored(draft).note == "Brouillon corrigé."

    for change in ({"note": "Réécrit."}, {"status": CommitmentStatus.DONE}, {"published_at": None}):
        candidate = stored(published)
        for name, value in change.items():
            setattr(candidate, name, value)
        with pytest.raises(PublishedUpdateError):
            candidate.save()
    # Even a copy in memory that still believes it is a draft.
    stale = stored(published)
    stale.published_at = None
    with pytest.raises(PublishedUpdateError):
        stale.save(update_fields=["note"])
    assert stored(published).note == "Code en cours de nettoyage."


def test_a_published_update_is_never_deleted(updates):
    published, draft = updates
    with pytest.raises(PublishedUpdateError):
        stored(published).delete()
    stale = stored(published)
    stale.published_at = None
    with pytest.raises(PublishedUpdateError):
        stale.delete()
    draft.delete()
    assert list(CommitmentUpdate.objects.all()) == [published]


def test_querysets_refuse_to_change_or_delete_published_updates(updates):
    published, draft = updates
    everything = CommitmentUpdate.objects.all()
    with pytest.raises(PublishedUpdateError):
        everything.update(note="Effacé.")
    with pytest.raises(PublishedUpdateError):
        CommitmentUpdate.objects.filter(pk=published.pk).update(progress=10)
    with pytest.raises(PublishedUpdateError), transaction.atomic():  # bulk_update's own joins the test's
        CommitmentUpdate.objects.bulk_update([stored(published)], ["note"])
    with pytest.raises(PublishedUpdateError):
        everything.delete()
    with pytest.raises(PublishedUpdateError):
        CommitmentUpdate.objects.filter(pk=published.pk).delete()
    assert stored(published).note == "Code en cours de nettoyage."

    # Drafts: changed and deleted in bulk, but never published that way (unlogged, unannounced).
    assert CommitmentUpdate.objects.drafts().update(progress=20) == 1
    with pytest.raises(PublishedUpdateError):
        CommitmentUpdate.objects.drafts().update(published_at=published.published_at)
    assert CommitmentUpdate.objects.drafts().delete()[0] == 1
    assert list(CommitmentUpdate.objects.all()) == [published]


def test_the_corrected_update_and_the_author_cannot_be_deleted_under_it(updates, superuser):
    published, _draft = updates
    correction = progress_update(
        published.commitment, "Correction.", published=False, corrects=published, created_by=superuser
    )
    with pytest.raises(PublishedUpdateError):
        published.delete()
    correction.publish()
    with pytest.raises(ProtectedError):
        superuser.delete()
    assert stored(correction).created_by == superuser


def test_happened_on_is_today_in_quebec_by_default(row, clock):
    # 23:30 on 30 June in Québec is 1 July in UTC.
    clock.set(2026, 7, 1, 3, 30)
    assert CommitmentUpdate(commitment_key=row.translation_key).happened_on == datetime.date(2026, 6, 30)


def valid(row, **fields):
    values = {
        "commitment_key": row.translation_key,
        "item_key": row.page.translation_key,
        "happened_on": datetime.date(2026, 3, 1),
        "status": CommitmentStatus.IN_PROGRESS,
        "note": "Avancement.",
        "language": "fr",
        **fields,
    }
    return CommitmentUpdate(**values)


def errors_of(update):
    try:
        update.full_clean()
    except ValidationError as error:
        return set(error.message_dict)
    return set()


def test_what_an_update_may_say(row, updates, clock):
    published, draft = updates
    clock.set(2026, 3, 2, 15)
    assert errors_of(valid(row)) == set()
    assert errors_of(valid(row, progress=0)) == set()
    assert errors_of(valid(row, progress=100, evidence_url="https://example.org/rapport.pdf")) == set()
    for fields, field in (
        ({"progress": 101}, "progress"),
        ({"note": ""}, "note"),
        ({"note": "   "}, "note"),
        ({"status": "fini"}, "status"),
        ({"language": "de"}, "language"),
        ({"happened_on": datetime.date(2026, 3, 3)}, "happened_on"),  # tomorrow in Québec
        ({"evidence_url": "javascript:alert(1)"}, "evidence_url"),
        ({"evidence_url": "ftp://example.org/rapport.pdf"}, "evidence_url"),
        ({"evidence_url": "data:text/html,x"}, "evidence_url"),
        ({"evidence_title": "Rapport"}, "evidence_title"),  # a title without its link
        ({"corrects": draft}, "corrects"),  # a draft is edited, not corrected
        ({"commitment_key": published.item_key}, NON_FIELD_ERRORS),  # no such commitment
        ({"item_key": published.commitment_key}, NON_FIELD_ERRORS),  # not its item
    ):
        assert errors_of(valid(row, **fields)) == {field}, fields


def test_a_correction_speaks_of_the_same_commitment(site_pages, updates):
    published, _draft = updates
    other = CollaborationAgreementPageFactory(commitments=[commitment("Autre.")]).commitments.get()
    assert errors_of(valid(other, corrects=published)) == {"corrects"}
    assert errors_of(valid(published.commitment, corrects=published)) == set()


def test_the_database_refuses_what_the_model_would(row):
    for fields in ({"progress": 150}, {"note": ""}, {"progress": -1}):
        with pytest.raises(IntegrityError), transaction.atomic():
            valid(row, **fields).save()


def test_publishing_announces_the_item_and_a_draft_does_not(row, committed, announced):  # noqa: F811
    committed(announce)  # what the fixtures (or earlier tests) left pending goes out first
    announced.clear()
    draft = committed(progress_update, row, published=False)
    assert announced == []
    committed(draft.publish)
    assert [change.public_ids for change in announced] == [{row.item.public_id}]
