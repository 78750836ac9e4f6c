"""Admin → Commitments progress → "Commitments as CSV": the item's editors download its files and
import them back through a plain form (no JavaScript), in both languages; an editor of another
item gets 403 or 404 and cannot reach this item by naming it in a file; a report's editor leaves
a draft for review, an agreement's partner publishes; published updates stay as they were.

Expected rows and messages are written out from the world built here."""

import datetime

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from advocacy.models import AgreementParty
from followup.models import CommitmentStatus, CommitmentUpdate
from hub.models import Organization
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    ReportPageFactory,
    commitment,
    progress_update,
    role_user,
)

pytestmark = pytest.mark.django_db
PAGE = reverse("commitments_csv")
COMMITMENTS_HEADER = "item,locale,number,text,owner,owner_role,due_date,recommendation\r\n"
UPDATES_HEADER = (
    "id,commitment,date,status,progress,note,language,evidence_url,evidence_title,corrects,published\r\n"
)


@pytest.fixture
def world(site_pages, clock):
    clock.set(2026, 4, 1, 14)
    city = OrganizationFactory(name="Ville A fictive", key="ville-a", kind=Organization.Kind.MUNICIPALITY)
    other = OrganizationFactory(name="Ville B fictive", key="ville-b", kind=Organization.Kind.MUNICIPALITY)

    def agreement(title, party, text):
        return CollaborationAgreementPageFactory(
            title=title,
            parties=[{"organization": party, "role": AgreementParty.Role.MUNICIPALITY}],
            commitments=[commitment(text, owner=party)],
        )

    tri = agreement("Entente sur le tri", city, "Publier le code.")
    foreign = agreement("Entente de B", other, "Engagement de B.")
    partner = speaks(role_user(MUNICIPAL_PARTNERS, "partenaire-a", organization=city))
    published = progress_update(
        tri.commitments.get(), "Code inventorié.", happened_on=datetime.date(2026, 3, 1), created_by=partner
    )
    return {"tri": tri, "foreign": foreign, "partner": partner, "published": published, "city": city}


def speaks(user, language="en"):
    """``user``, whose admin language is ``language`` (the site's default is French)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def upload(client, commitments=None, updates=None):
    files = {}
    if commitments is not None:
        files["commitments"] = SimpleUploadedFile("c.csv", commitments.encode(), "text/csv")
    if updates is not None:
        files["updates"] = SimpleUploadedFile("u.csv", updates.encode(), "text/csv")
    return client.post(PAGE, files)


def text_of(response, xpath):
    document = lxml.html.fromstring(response.content.decode())
    return [" ".join(node.text_content().split()) for node in document.xpath(xpath)]


def test_the_partner_downloads_the_files_of_their_own_agreement_only(client, world):
    client.force_login(world["partner"])
    tri, foreign = world["tri"].public_id, world["foreign"].public_id
    page = client.get(PAGE)
    assert page.status_code == 200
    assert text_of(page, "//table[@id='commitment-items']/tbody/tr/th") == [f"{tri} · Entente sur le tri"]
    response = client.get(reverse("commitments_csv_export", args=["commitments", tri]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode() == COMMITMENTS_HEADER + f"{tri},fr,1,Publier le code.,ville-a,,,\r\n"
    updates = client.get(reverse("commitments_csv_export", args=["updates", tri])).content.decode()
    assert updates == UPDATES_HEADER + (
        f"{world['published'].pk},{tri}-C1,2026-03-01,in-progress,,Code inventorié.,fr,,,,true\r\n"
    )
    for kind in ("commitments", "updates"):
        assert client.get(reverse("commitments_csv_export", args=[kind, foreign])).status_code == 404
    assert client.get(reverse("commitments_csv_export", args=["other", tri])).status_code == 404


def test_an_account_that_edits_no_such_item_is_refused(client, world):
    editor = role_user(COMMUNITY_EDITORS, "redacteur")  # edits reports, and there are none
    client.force_login(editor)
    for response in (client.get(PAGE), upload(client, COMMITMENTS_HEADER)):
        # Wagtail's "no permission": back to the dashboard, with a message.
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    tri = world["tri"].public_id
    assert client.get(reverse("commitments_csv_export", args=["commitments", tri])).status_code == 404


def test_an_editor_of_another_item_cannot_reach_this_one_by_naming_it(client, world):
    other_partner = speaks(
        role_user(
            MUNICIPAL_PARTNERS, "partenaire-b", organization=world["foreign"].parties.get().organization
        )
    )
    client.force_login(other_partner)
    tri = world["tri"].public_id
    published = world["published"].pk
    response = upload(
        client,
        COMMITMENTS_HEADER + f"{tri},fr,1,Autre texte.,ville-a,,,\n",
        UPDATES_HEADER + f",{tri}-C1,2026-03-02,done,,Fait.,fr,,,{published},true\n",
    )
    assert response.status_code == 400
    assert text_of(response, "//section[@role='alert']//li") == [
        f"line 2, column 1 (item): unknown item “{tri}”: give the id of an item with commitments that you may edit",
        f"line 2, column 2 (commitment): unknown commitment “{tri}-C1”: give the id of a commitment you may update, e.g. AC-2026-0003-C2",
        f"line 2, column 10 (corrects): unknown update “{published}”",
    ]
    assert world["tri"].commitments.get().text == "Publier le code."
    assert CommitmentUpdate.objects.count() == 1


def test_the_partner_imports_a_new_commitment_and_update_published_at_once(client, world):
    client.force_login(world["partner"])
    tri = world["tri"]
    published = world["published"]
    response = upload(
        client,
        COMMITMENTS_HEADER + f"{tri.public_id},fr,1,Publier le code.,ville-a,,,\r\n"
        f"{tri.public_id},fr,,Former le personnel.,ville-a,RH,2026-12-31,\n",
        UPDATES_HEADER
        + f"{published.pk},{tri.public_id}-C1,2026-03-01,in-progress,,Code inventorié.,fr,,,,true\r\n"
        f",{tri.public_id}-C1,2026-03-20,done,100,Code publié.,fr,https://example.org/code,Dépôt,,true\n",
    )
    assert response.status_code == 200
    assert text_of(response, "//section[@role='status']//li") == [
        "Commitments created: 1, updated: 0, unchanged: 1.",
        "Progress updates created: 1, updated: 0, unchanged: 1.",
    ]
    tri.refresh_from_db()
    assert not tri.has_unpublished_changes
    assert [(c.number, c.text) for c in tri.commitments.order_by("number")] == [
        (1, "Publier le code."),
        (2, "Former le personnel."),
    ]
    new = CommitmentUpdate.objects.exclude(pk=published.pk).get()
    assert (new.status, new.progress, new.created_by, new.is_published) == (
        CommitmentStatus.DONE,
        100,
        world["partner"],
        True,
    )
    assert tri.commitments.get(number=1).status == CommitmentStatus.DONE


def test_a_published_update_changed_in_the_file_is_refused_with_its_line(client, world):
    client.force_login(world["partner"])
    tri, published = world["tri"].public_id, world["published"]
    response = upload(
        client,
        updates=UPDATES_HEADER + f"{published.pk},{tri}-C1,2026-03-01,done,,Code inventorié.,fr,,,,true\n",
    )
    assert response.status_code == 400
    assert text_of(response, "//section[@role='alert']//li") == [
        f"line 2, column 4 (status): update {published.pk} is published: it is final and cannot change; "
        f"add a new update that corrects it (corrects: {published.pk})"
    ]
    published.refresh_from_db()
    assert published.status == CommitmentStatus.IN_PROGRESS


def test_a_report_editor_leaves_a_draft_for_review(client, site_pages, clock):
    clock.set(2026, 4, 1, 14)
    city = OrganizationFactory(key="ville-c")
    report = ReportPageFactory(commitments=[commitment("Publier la liste.", owner=city)])
    editor = speaks(role_user(COMMUNITY_EDITORS, "redacteur"))
    client.force_login(editor)
    response = upload(
        client, COMMITMENTS_HEADER + f"{report.public_id},fr,1,Publier la liste complète.,ville-c,,,\r\n"
    )
    assert response.status_code == 200
    assert (
        f"{report.public_id} (fr): saved as a draft; submit it for review to publish its commitments."
        in text_of(response, "//section[@role='status']//li")
    )
    report.refresh_from_db()
    assert report.has_unpublished_changes
    assert report.commitments.get().text == "Publier la liste."  # the live version is unchanged
    draft = report.get_latest_revision_as_object()
    assert [c.text for c in draft.commitments.all()] == ["Publier la liste complète."]
    assert report.get_latest_revision().user == editor


def test_the_page_works_without_javascript_in_both_languages(client, world):
    client.force_login(world["partner"])
    for language, heading, button in (
        ("en", "Commitments as CSV", "Import"),
        ("fr", "Engagements en CSV", "Importer"),
    ):
        speaks(world["partner"], language)
        page = client.get(PAGE)
        document = lxml.html.fromstring(page.content.decode())
        assert document.xpath("//h1")[0].text_content().strip() == heading
        (form,) = document.xpath("//form[@enctype='multipart/form-data']")
        assert form.get("method") == "post" and not form.get("action")
        assert [" ".join(b.text_content().split()) for b in form.xpath(".//button[@type='submit']")] == [
            button
        ]
        assert {i.get("name") for i in form.xpath(".//input[@type='file']")} == {"commitments", "updates"}
        assert len(document.xpath("//table[@id='commitment-items']/thead//th[@scope='col']")) == 2
    empty = client.post(PAGE, {})
    assert empty.status_code == 400
    assert (
        "Choisissez un fichier d’engagements, un fichier de mises à jour ou les deux."
        in empty.content.decode()
    )


def test_the_commitments_progress_listing_links_to_the_page(client, world):
    client.force_login(world["partner"])
    document = lxml.html.fromstring(client.get(reverse("commitment_updates:index")).content.decode())
    assert document.xpath(f"//a[@href='{PAGE}']")


def test_a_draft_is_changed_and_published_by_its_author_only(client, world):
    tri = world["tri"]
    colleague = speaks(role_user(MUNICIPAL_PARTNERS, "partenaire-a2", organization=world["city"]))
    (row,) = tri.commitments.all()
    draft = progress_update(
        row,
        "Brouillon.",
        published=False,
        created_by=world["partner"],
        happened_on=datetime.date(2026, 3, 15),
    )
    changed = (
        UPDATES_HEADER + f"{draft.pk},{tri.public_id}-C1,2026-03-15,done,100,Code publié.,fr,,,,true\r\n"
    )
    client.force_login(colleague)
    response = upload(client, updates=changed)
    assert text_of(response, "//section[@role='alert']//li") == [
        f"line 2, column 1 (id): update {draft.pk} is a draft by someone else: only its author changes it"
    ]
    client.force_login(world["partner"])
    assert upload(client, updates=changed).status_code == 200
    draft.refresh_from_db()
    assert (draft.status, draft.progress, draft.note, draft.is_published) == (
        CommitmentStatus.DONE,
        100,
        "Code publié.",
        True,
    )
