"""One announcement per committed transaction, whatever changed: what the outlets (search, open
data, sitemaps) subscribe to instead of listening to page and model signals themselves."""

import pytest
from django.db import transaction

from hub.changes import items_changed
from impacts.models import CaseFilePage
from tests.factories import (
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    GlossaryTermFactory,
    PageViewRestrictionFactory,
    TestimonyFactory,
    show_testimony,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def announced():
    """The changes announced while the test runs, in order."""
    received = []

    def receiver(sender, change, **kwargs):
        received.append(change)

    items_changed.connect(receiver, dispatch_uid="test-changes")
    yield received
    items_changed.disconnect(dispatch_uid="test-changes")


def test_one_transaction_is_announced_once_with_everything_it_changed(site_pages, announced, committed):
    def publish_two():
        return CaseFilePageFactory(), CollaborationAgreementPageFactory()

    casefile, agreement = committed(transaction.atomic(publish_two))

    assert len(announced) == 1
    assert {casefile.public_id, agreement.public_id} <= announced[0].public_ids
    assert announced[0].pages


def test_nothing_is_announced_before_the_commit_nor_after_a_rollback(
    site_pages, announced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        CaseFilePageFactory()
    assert announced == []
    assert callbacks  # waiting for a commit that a rollback would discard

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                CaseFilePageFactory(title="Annulé")
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert announced == []


def test_unpublishing_and_deleting_an_item_announce_its_id(site_pages, announced, committed):
    page = committed(CaseFilePageFactory)
    public_id = page.public_id
    announced.clear()

    committed(CaseFilePage.objects.get(pk=page.pk).unpublish)
    committed(CaseFilePage.objects.get(pk=page.pk).delete)

    assert [public_id in change.public_ids for change in announced] == [True, True]


def test_an_index_page_announces_every_item_it_lists(site_pages, announced, committed):
    pages = [committed(CaseFilePageFactory) for _number in range(2)]
    announced.clear()

    index = site_pages["en"]["impacts.CaseFileIndexPage"]
    committed(index.save_revision().publish)

    assert {page.public_id for page in pages} <= announced[-1].public_ids


def test_a_privacy_change_announces_the_items_beneath(site_pages, announced, committed):
    page = committed(CaseFilePageFactory)
    other = committed(CollaborationAgreementPageFactory)
    announced.clear()

    committed(PageViewRestrictionFactory, page=page)

    assert page.public_id in announced[-1].public_ids
    assert other.public_id not in announced[-1].public_ids


def test_a_renamed_term_announces_its_items_and_its_label(site_pages, announced, committed):
    page = committed(CaseFilePageFactory)
    other = committed(CollaborationAgreementPageFactory, services=["justice"])
    service = page.services.first()
    announced.clear()

    service.name = "Nom renommé"
    committed(service.save)

    assert announced[-1].vocabulary
    assert page.public_id in announced[-1].public_ids
    assert other.public_id not in announced[-1].public_ids


def test_a_testimony_edit_announces_the_case_files_showing_it(site_pages, announced, committed):
    page = committed(CaseFilePageFactory)
    testimony = committed(TestimonyFactory, casefiles=[page])
    committed(show_testimony, page, testimony)
    announced.clear()

    testimony.plain_text = "Mots changés."
    committed(testimony.save)

    assert announced[-1].public_ids == {page.public_id}


def test_a_glossary_term_is_announced(site_pages, announced, committed):
    committed(GlossaryTermFactory)

    assert announced[-1].glossary
    assert not announced[-1].public_ids
