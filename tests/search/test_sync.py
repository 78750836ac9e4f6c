"""The index follows the pages: publish, unpublish, delete, move, privacy and taxonomy changes;
``search_index check`` finds a tampered index and ``sync`` repairs it."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from hub.models import Service
from impacts.models import CaseFileIndexPage
from search.backends import get_backend
from search.index import check_index, rebuild_index
from search.models import IndexedItem
from tests.factories import CaseFilePageFactory, translate_page


def indexed(public_id):
    return dict(IndexedItem.objects.filter(public_id=public_id).values_list("locale", "page_id"))


@pytest.mark.django_db
def test_publishing_indexes_the_item_in_both_languages(site_pages, committed):
    page = committed(CaseFilePageFactory)

    assert indexed(page.public_id) == {"fr": page.pk, "en": page.pk}
    urls = dict(IndexedItem.objects.filter(public_id=page.public_id).values_list("locale", "url"))
    assert urls["fr"] == page.url
    assert urls["en"] == site_pages["en"]["impacts.CaseFileIndexPage"].item_url(page)


@pytest.mark.django_db
def test_a_translation_replaces_the_original_in_its_language(site_pages, committed):
    page = committed(CaseFilePageFactory)
    translation = committed(translate_page, page, "en", title="Fictional case", slug="fictional-case")

    assert indexed(page.public_id) == {"fr": page.pk, "en": translation.pk}
    english = IndexedItem.objects.get(public_id=page.public_id, locale="en")
    assert english.title == "Fictional case"
    assert english.url == translation.url


@pytest.mark.django_db
def test_drafts_are_not_indexed_and_unpublishing_removes(site_pages, committed):
    draft = committed(CaseFilePageFactory, live=False)
    page = committed(CaseFilePageFactory)
    assert indexed(draft.public_id) == {}

    committed(page.unpublish)

    assert indexed(page.public_id) == {}


@pytest.mark.django_db
def test_a_new_draft_of_a_live_page_does_not_change_its_document(site_pages, committed):
    page = committed(CaseFilePageFactory, title="Titre publié")
    page.title = "Titre en brouillon"
    committed(page.save_revision)

    assert IndexedItem.objects.get(public_id=page.public_id, locale="fr").title == "Titre publié"


@pytest.mark.django_db
def test_deleting_removes_and_deleting_a_translation_falls_back_to_the_original(site_pages, committed):
    page = committed(CaseFilePageFactory)
    translation = committed(translate_page, page, "en", slug="english")
    other = committed(CaseFilePageFactory)

    committed(translation.delete)
    assert indexed(page.public_id) == {"fr": page.pk, "en": page.pk}

    committed(other.delete)
    assert indexed(other.public_id) == {}


@pytest.mark.django_db
def test_privacy_and_moves_follow_the_tree(site_pages, committed):
    page = committed(CaseFilePageFactory)
    home = site_pages["fr"]["home"]
    private_index = CaseFileIndexPage(title="Archives privées", slug="archives")
    home.add_child(instance=private_index)
    private_index.save_revision().publish()
    committed(PageViewRestriction.objects.create, page=private_index, restriction_type="login")

    committed(page.move, private_index, pos="last-child")
    assert indexed(page.public_id) == {}

    committed(
        page.move,
        site_pages["fr"]["impacts.CaseFileIndexPage"].__class__.objects.get(
            pk=site_pages["fr"]["impacts.CaseFileIndexPage"].pk
        ),
        pos="last-child",
    )
    assert set(indexed(page.public_id)) == {"fr", "en"}

    restriction = committed(PageViewRestriction.objects.create, page=page, restriction_type="login")
    assert indexed(page.public_id) == {}
    committed(restriction.delete)
    assert set(indexed(page.public_id)) == {"fr", "en"}


@pytest.mark.django_db
def test_a_renamed_term_key_updates_the_documents(site_pages, committed):
    page = committed(CaseFilePageFactory, services=["sante"])
    for term in Service.objects.filter(key="sante"):
        term.key = "sante-publique"
        committed(term.save)

    assert IndexedItem.objects.get(public_id=page.public_id, locale="fr").services == "sante-publique"


@pytest.mark.django_db
def test_check_finds_and_sync_repairs_a_tampered_index(site_pages, committed, capsys):
    pages = [committed(CaseFilePageFactory) for _ in range(3)]
    rebuild_index(get_backend())
    assert check_index(get_backend()).problem_count == 0

    IndexedItem.objects.filter(public_id=pages[0].public_id, locale="fr").update(
        title="Altéré", fingerprint="x"
    )
    get_backend().delete_keys({(pages[1].public_id, "en")})
    extra = IndexedItem.objects.get(public_id=pages[2].public_id, locale="fr")
    IndexedItem.objects.filter(pk=extra.pk).update(public_id="CF-1999-0001")

    with pytest.raises(SystemExit) as exit_info:
        call_command("search_index", "check")
    assert exit_info.value.code == 1
    report = capsys.readouterr().out
    assert "missing: 2" in report and "extra: 1" in report and "stale: 1" in report

    call_command("search_index", "sync")
    assert check_index(get_backend()).problem_count == 0
    assert IndexedItem.objects.get(public_id=pages[0].public_id, locale="fr").title == pages[0].title
    call_command("search_index", "check")
