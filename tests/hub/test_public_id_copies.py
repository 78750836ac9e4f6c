"""A copy is a new item: it gets a public id of its own, in the page and in every revision it
carries, whatever copies it (the admin's copy view, the admin API's copy action, ``page.copy()``
in a script). A translation is the same item in another language: it keeps the id.

The revisions matter because the editor, the export of drafts and a publication all read the
latest revision: a copy whose revisions still held the source's id could not be edited (HTTP 500)
and was exported, then published, under the source's id."""

import csv
import io
import json

import pytest
from django.urls import reverse

from impacts.interchange import export_csv
from impacts.models import CaseFilePage
from tests.factories import AdvocacyBriefPageFactory, CaseFilePageFactory, locale, role_user, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(site_pages):
    """A published case file with a later draft: two revisions for a copy to carry."""
    page = CaseFilePageFactory(title="Dossier source", slug="dossier-source")
    draft = CaseFilePage.objects.get(pk=page.pk)
    draft.title = "Dossier source, brouillon"
    draft.save_revision()
    return CaseFilePage.objects.get(pk=page.pk)


@pytest.fixture
def reviewer_client(client, site_pages):
    client.force_login(role_user("Reviewers", "reviseur"))
    return client


def assert_new_id_everywhere(copy, source):
    copy = CaseFilePage.objects.get(pk=copy.pk)
    assert copy.public_id and copy.public_id != source.public_id
    revisions = copy.revisions.all()
    assert revisions.exists()
    assert {revision.content["public_id"] for revision in revisions} == {copy.public_id}
    assert copy.get_latest_revision_as_object().public_id == copy.public_id
    # The source is untouched.
    assert CaseFilePage.objects.get(pk=source.pk).public_id == source.public_id


def the_copy(source):
    return CaseFilePage.objects.exclude(pk=source.pk).get(slug="dossier-copie")


def test_a_copy_made_in_a_script_has_its_own_id_in_every_revision(source):
    copy = source.copy(update_attrs={"title": "Dossier copié", "slug": "dossier-copie"})

    assert_new_id_everywhere(copy, source)


def test_the_admin_copy_view_gives_a_new_id_and_the_copy_can_be_edited(source, reviewer_client):
    response = reviewer_client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {
            "new_title": "Dossier copié",
            "new_slug": "dossier-copie",
            "new_parent_page": source.get_parent().pk,
        },
    )
    assert response.status_code == 302

    copy = the_copy(source)
    assert_new_id_everywhere(copy, source)
    assert reviewer_client.get(reverse("wagtailadmin_pages:edit", args=[copy.pk])).status_code == 200


def test_the_admin_api_copy_action_gives_a_new_id(source, reviewer_client):
    response = reviewer_client.post(
        f"/admin/api/main/pages/{source.pk}/action/copy/",
        json.dumps(
            {"slug": "dossier-copie", "destination_page_id": source.get_parent().pk, "keep_live": False}
        ),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content

    copy = the_copy(source)
    assert_new_id_everywhere(copy, source)
    assert reviewer_client.get(reverse("wagtailadmin_pages:edit", args=[copy.pk])).status_code == 200


def test_a_published_copy_keeps_its_own_id(source):
    copy = source.copy(update_attrs={"title": "Dossier copié", "slug": "dossier-copie"})
    CaseFilePage.objects.get(pk=copy.pk).get_latest_revision().publish()

    live = CaseFilePage.objects.get(pk=copy.pk)
    assert live.live and live.public_id == CaseFilePage.objects.get(pk=copy.pk).public_id
    assert live.public_id != source.public_id


def test_the_export_after_a_copy_has_one_row_per_id_and_language(source):
    source.copy(update_attrs={"title": "Dossier copié", "slug": "dossier-copie"})

    rows = list(csv.DictReader(io.StringIO(export_csv())))
    keys = [(row["id"], row["locale"]) for row in rows]
    assert len(rows) == 2
    assert len(set(keys)) == len(keys), keys


def test_a_translation_keeps_the_id_of_its_source(source):
    english = source.copy_for_translation(locale("en"))

    assert english.public_id == source.public_id
    assert {revision.content["public_id"] for revision in english.revisions.all()} <= {source.public_id}
    brief = AdvocacyBriefPageFactory()
    published = translate_page(brief, "en", slug="brief-en")
    assert type(published).objects.get(pk=published.pk).public_id == brief.public_id
