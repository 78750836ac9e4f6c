"""Admin → Commitments progress, beyond who may do what (tests/hub/test_permission_matrix_commitment_updates.py):
the list's filters narrow it exactly, its choices and the form's offer only what the account may
update (one choice per commitment, whatever its languages), and publishing from the admin is
dated, logged with its author and shown at once on the commitment's page.

Expectations are written out from the updates made here."""

import datetime

import lxml.html
import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from advocacy.models import AgreementParty
from followup.models import CommitmentStatus, CommitmentUpdate
from hub.models import Organization
from hub.roles import MUNICIPAL_PARTNERS
from tests.factories import (
    CollaborationAgreementPageFactory,
    OrganizationFactory,
    commitment,
    progress_update,
    role_user,
    translate_page,
)

pytestmark = pytest.mark.django_db
INDEX = reverse("commitment_updates:index")


@pytest.fixture
def world(site_pages, clock):
    clock.set(2026, 4, 1, 14)
    city = OrganizationFactory(name="Ville A fictive", kind=Organization.Kind.MUNICIPALITY)
    other = OrganizationFactory(name="Ville B fictive", kind=Organization.Kind.MUNICIPALITY)

    def agreement(title, party, *texts):
        page = CollaborationAgreementPageFactory(
            title=title,
            parties=[{"organization": party, "role": AgreementParty.Role.MUNICIPALITY}],
            commitments=[commitment(text, owner=party) for text in texts],
        )
        return page, list(page.commitments.order_by("number"))

    tri, (publish, train) = agreement("Entente sur le tri", city, "Publier le code.", "Former le personnel.")
    translate_page(tri, title="Sorting agreement", slug="sorting-agreement")
    other_agreement, (foreign,) = agreement("Entente de B", other, "Engagement de B.")
    partner = role_user(MUNICIPAL_PARTNERS, "partenaire-a", organization=city)
    updates = {
        "published": progress_update(publish, "Code inventorié.", happened_on=datetime.date(2026, 3, 1)),
        "done": progress_update(train, "Personnel formé.", status=CommitmentStatus.DONE, created_by=partner),
        "draft": progress_update(train, "Brouillon.", published=False, created_by=partner),
        "foreign": progress_update(foreign, "Note de B."),
    }
    return {"tri": tri, "train": train, "other": other_agreement, "partner": partner, **updates}


def listed(client, **params):
    document = lxml.html.fromstring(client.get(INDEX, params).content.decode())
    return sorted(" ".join(cell.text_content().split()) for cell in document.xpath("//tbody/tr/td[5]"))


def test_the_filters_narrow_the_list_exactly(client, world):
    client.force_login(world["partner"])
    assert listed(client) == ["Brouillon.", "Code inventorié.", "Personnel formé."]  # never B's
    assert listed(client, state="draft") == ["Brouillon."]
    assert listed(client, state="published") == ["Code inventorié.", "Personnel formé."]
    assert listed(client, status=CommitmentStatus.DONE) == ["Personnel formé."]
    assert listed(client, item_key=str(world["tri"].translation_key)) == [
        "Brouillon.",
        "Code inventorié.",
        "Personnel formé.",
    ]
    # Another organization's item is no choice: the filter is refused, the list stays the account's.
    assert listed(client, item_key=str(world["other"].translation_key)) == listed(client)


def test_choices_offer_only_what_the_account_may_update_once_each(client, world):
    client.force_login(world["partner"])
    filters = client.get(INDEX).context["filters"].form.fields["item_key"].choices
    assert [label for key, label in filters if key] == [f"{world['tri'].public_id} · Entente sur le tri"]
    form = client.get(reverse("commitment_updates:add")).context["form"]
    offered = [label for key, label in form.fields["commitment"].choices if key]
    assert offered == [
        f"{world['tri'].public_id}-C1 · Publier le code.",
        f"{world['tri'].public_id}-C2 · Former le personnel.",
    ]


def test_publishing_from_the_admin_is_dated_logged_and_public_at_once(client, world, clock):
    client.force_login(world["partner"])
    draft = world["draft"]
    clock.set(2026, 4, 2, 15)
    response = client.post(reverse("commitment_updates:publish", args=[draft.pk]))
    assert response.status_code == 302
    draft = CommitmentUpdate.objects.get(pk=draft.pk)
    assert draft.published_at.replace(microsecond=0) == datetime.datetime(2026, 4, 2, 15, tzinfo=datetime.UTC)
    entry = ModelLogEntry.objects.get(object_id=str(draft.pk), action="wagtail.publish")
    assert entry.user == world["partner"]
    page = client.get(world["train"].url).content.decode()
    assert "Brouillon." in page


def links_of(client, url):
    document = lxml.html.fromstring(client.get(url).content.decode())
    return {link.get("href").split("?")[0] for link in document.xpath("//main//a[@href]")}


def test_a_published_update_is_offered_no_edit_or_delete_anywhere(client, world):
    """Its author and an administrator alike: the list, its page and its history offer to correct
    it, never to edit, publish or delete it; the author's draft offers all three."""
    admin = role_user(None, "administratrice")
    done, draft = world["done"], world["draft"]

    def actions(pk):
        return {
            name: reverse(f"commitment_updates:{name}", args=[pk]) for name in ("edit", "delete", "publish")
        }

    for user in (world["partner"], admin):
        client.force_login(user)
        for url in (
            INDEX,
            reverse("commitment_updates:inspect", args=[done.pk]),
            reverse("commitment_updates:history", args=[done.pk]),
        ):
            assert not set(actions(done.pk).values()) & links_of(client, url), (user.username, url)
        assert reverse("commitment_updates:add") in links_of(client, INDEX)  # "Correct" opens a new one
    client.force_login(world["partner"])
    assert set(actions(draft.pk).values()) <= links_of(client, INDEX)
