"""The agreements' StreamField commitments become records (``advocacy`` 0007, then 0008 drops the
field), tested forward on a copy of a populated database (``own_database``): agreements made with
today's models, the database taken back to 0006, the blocks written as they were then (in the
page and in its revisions, where Wagtail kept a StreamField as JSON text), and migrated again.

The expectations are the blocks themselves: every block of every version, in order, numbered
1, 2, ... with its text, owner and due date; an English version's blocks share the French ones'
numbers and keys by position."""

import datetime
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Revision

from advocacy.models import CollaborationAgreementPage
from followup.models import Commitment
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    site_skeleton,
    translate_page,
)

BEFORE = [("advocacy", "0006_collaborationagreementpage_systems")]


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    ContentType.objects.clear_cache()


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def historical_state():
    return MigrationExecutor(connection).loader.project_state(BEFORE)


def historical_agreement():
    return historical_state().apps.get_model("advocacy", "CollaborationAgreementPage")


def blocks(*commitments):
    """Blocks as the StreamField held them: ``(text, owner, due date or None)``."""
    return [
        {
            "type": "commitment",
            "value": {"commitment": text, "owner": owner.pk, "due_date": due},
            "id": f"00000000-0000-4000-8000-{index:012d}",
        }
        for index, (text, owner, due) in enumerate(commitments)
    ]


def write_blocks(page, live=None, revisions=None):
    """At 0006: ``live`` in the page's own field; each of its revisions holds ``revisions`` (a
    function of the revision's rank, oldest first) or ``live``, as JSON text."""
    historical_agreement().objects.filter(pk=page.pk).update(commitments=live or [])
    for rank, revision in enumerate(Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk")):
        held = revisions(rank) if revisions else live
        revision.content["commitments"] = json.dumps(held or [])
        revision.save(update_fields=["content"])


@pytest.fixture
def populated(own_database):
    site_skeleton()
    city, group = OrganizationFactory(name="Ville fictive"), OrganizationFactory(name="Collectif fictif")
    pages = {
        "published": CollaborationAgreementPageFactory(title="Entente publiée"),
        "with draft": CollaborationAgreementPageFactory(title="Entente avec brouillon"),
        "empty": CollaborationAgreementPageFactory(title="Entente sans engagement"),
        "never published": CollaborationAgreementPageFactory(title="Entente en brouillon", live=False),
    }
    pages["english"] = translate_page(pages["published"], title="Published agreement")
    pages["with draft"].save_revision()  # a newer draft, after the published revision
    content = {
        "published": blocks(
            ("Publier le code.", city, "2025-06-01"),
            ("Former le personnel.", group, None),
            ("Tenir une séance publique.", city, "2026-01-31"),
        ),
        "english": blocks(
            ("Publish the code.", city, "2025-06-01"),
            ("Train the staff.", group, None),
            ("Hold a public meeting.", city, "2026-01-31"),
        ),
        "with draft": blocks(("Réduire les délais.", city, "2025-12-31")),
        "never published": blocks(("Engagement jamais publié.", group, None)),
    }
    draft = blocks(
        ("Réduire les délais de moitié.", city, "2025-12-31"), ("Ajouter un recours.", group, None)
    )
    migrate(BEFORE)
    for name, page in pages.items():
        if name == "with draft":
            write_blocks(
                page, content[name], revisions=lambda rank: content["with draft"] if rank == 0 else draft
            )
        else:
            write_blocks(page, content.get(name))
    migrate(latest())
    return (
        {name: CollaborationAgreementPage.objects.get(pk=page.pk) for name, page in pages.items()},
        city,
        group,
    )


def rows(page):
    return [
        (row.number, row.text, row.owner_id, row.due_date, row.sort_order, row.locale.language_code)
        for row in page.commitments.order_by("sort_order")
    ]


def every_block_of_every_version_is_a_numbered_record(pages, city, group):
    june, january = datetime.date(2025, 6, 1), datetime.date(2026, 1, 31)
    assert rows(pages["published"]) == [
        (1, "Publier le code.", city.pk, june, 0, "fr"),
        (2, "Former le personnel.", group.pk, None, 1, "fr"),
        (3, "Tenir une séance publique.", city.pk, january, 2, "fr"),
    ]
    assert rows(pages["english"]) == [
        (1, "Publish the code.", city.pk, june, 0, "en"),
        (2, "Train the staff.", group.pk, None, 1, "en"),
        (3, "Hold a public meeting.", city.pk, january, 2, "en"),
    ]
    assert rows(pages["never published"]) == [(1, "Engagement jamais publié.", group.pk, None, 0, "fr")]
    assert rows(pages["empty"]) == []
    assert all(row.owner_role == "" for row in Commitment.objects.all())


def translations_share_each_commitments_key_by_position(pages):
    french = [row.translation_key for row in pages["published"].commitments.order_by("sort_order")]
    english = [row.translation_key for row in pages["english"].commitments.order_by("sort_order")]
    assert french == english and len(set(french)) == 3
    others = {
        row.translation_key
        for row in Commitment.objects.exclude(page__in=[pages["published"], pages["english"]])
    }
    assert not others & set(french)


def a_draft_keeps_its_own_commitments_until_published(pages, city, group):
    page = pages["with draft"]
    assert rows(page) == [(1, "Réduire les délais.", city.pk, datetime.date(2025, 12, 31), 0, "fr")]
    (row,) = page.commitments.all()
    held = page.latest_revision.content["commitments"]
    assert [(data["pk"], data["number"], data["text"], data["translation_key"]) for data in held] == [
        (row.pk, 1, "Réduire les délais de moitié.", str(row.translation_key)),
        (None, 2, "Ajouter un recours.", held[1]["translation_key"]),
    ]
    live = page.live_revision.content["commitments"]
    assert [(data["pk"], data["text"]) for data in live] == [(row.pk, "Réduire les délais.")]
    page.latest_revision.publish()
    page = CollaborationAgreementPage.objects.get(pk=page.pk)
    assert [(r.pk == row.pk, r.number, r.text) for r in page.commitments.order_by("sort_order")] == [
        (True, 1, "Réduire les délais de moitié."),
        (False, 2, "Ajouter un recours."),
    ]


def old_citations_still_lead_to_each_commitment(pages, client):
    page = pages["published"]
    response = client.get(page.url)
    assert response.status_code == 200
    for number in (1, 2, 3):
        assert f'id="commitment-{number}"'.encode() in response.content
    response = client.get(f"/cite/{page.public_id}-C2/")
    assert response.status_code == 301
    assert response["Location"] == f"{page.url}engagements/2/"
    assert client.get(response["Location"]).status_code == 200
    assert client.get(f"/cite/{pages['never published'].public_id}-C1/").status_code == 404


def test_forward_on_a_populated_database(populated, client):
    """Migrating once is slow: one test checks everything the forward migration did."""
    pages, city, group = populated
    every_block_of_every_version_is_a_numbered_record(pages, city, group)
    translations_share_each_commitments_key_by_position(pages)
    old_citations_still_lead_to_each_commitment(pages, client)
    a_draft_keeps_its_own_commitments_until_published(pages, city, group)


def test_going_back_writes_the_records_into_blocks(populated):
    pages, city, group = populated
    migrate(BEFORE)
    agreement = historical_agreement().objects.get(pk=pages["published"].pk)
    values = [block.value for block in agreement.commitments]
    assert [(v["commitment"], v["owner"].pk, v["due_date"]) for v in values] == [
        ("Publier le code.", city.pk, datetime.date(2025, 6, 1)),
        ("Former le personnel.", group.pk, None),
        ("Tenir une séance publique.", city.pk, datetime.date(2026, 1, 31)),
    ]
    draft = Revision.objects.get(pk=pages["with draft"].latest_revision_id)
    assert [block["value"]["commitment"] for block in json.loads(draft.content["commitments"])] == [
        "Réduire les délais de moitié.",
        "Ajouter un recours.",
    ]
    assert not Commitment.objects.exists()
    migrate(latest())


def test_a_block_naming_no_organization_stops_the_migration_naming_its_agreement(own_database):
    site_skeleton()
    page = CollaborationAgreementPageFactory(title="Entente orpheline")
    gone = OrganizationFactory(name="Organisme supprimé")
    migrate(BEFORE)
    write_blocks(page, blocks(("Engagement sans responsable.", gone, None)))
    # Deleted as the database was then: today's models know tables and columns not there yet.
    historical_state().apps.get_model("hub", "Organization").objects.filter(pk=gone.pk).delete()
    with pytest.raises(RuntimeError, match=page.public_id):
        migrate(latest())
    assert historical_agreement().objects.get(pk=page.pk).commitments.raw_data[0]["value"]["commitment"] == (
        "Engagement sans responsable."
    )
