"""``/cite/<item id>-C<n>/``: a commitment's permanent address and its reference downloads, found
through its item's page (``ItemPage.part``), never revealing what is not public.

Expectations come from the fixture (ids, titles, addresses written out); downloads are read back
with a BibTeX parser, line by line for RIS, and against the CSL specification for CSL-JSON."""

import json

import jsonschema
import pytest

from tests.citations.test_citations import csl_data_schema, parse_bibtex, parse_ris, ris_values
from tests.factories import (
    CollaborationAgreementPageFactory,
    PageViewRestrictionFactory,
    commitment,
    translate_page,
)

pytestmark = pytest.mark.django_db


def redirect_of(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 301, response.status_code
    return response["Location"]


def test_the_permanent_address_leads_to_the_commitment_in_the_readers_language(client, agreement):
    public_id = f"{agreement.public_id}-C2"
    assert redirect_of(client, f"/cite/{public_id}/") == "/fr/ententes/entente-sur-le-tri/engagements/2/"
    assert (
        redirect_of(client, f"/cite/{public_id.lower()}/") == "/fr/ententes/entente-sur-le-tri/engagements/2/"
    )
    # Not translated yet: an English reader goes to the French version's page.
    assert (
        redirect_of(client, f"/cite/{public_id}/", lang="en")
        == "/fr/ententes/entente-sur-le-tri/engagements/2/"
    )
    translate_page(agreement, title="Sorting agreement", slug="sorting-agreement")
    assert (
        redirect_of(client, f"/cite/{public_id}/", lang="en")
        == "/en/agreements/sorting-agreement/commitments/2/"
    )


def test_a_translation_without_the_newest_commitment_sends_to_the_original(client, agreement, city):
    translate_page(agreement, title="Sorting agreement", slug="sorting-agreement")
    agreement.commitments.add(commitment("Rendre compte chaque année.", owner=city, sort_order=3))
    agreement.save_revision().publish()
    assert (
        redirect_of(client, f"/cite/{agreement.public_id}-C4/", lang="en")
        == "/fr/ententes/entente-sur-le-tri/engagements/4/"
    )


def test_what_is_not_public_has_no_permanent_address(client, agreement, city):
    # A number the agreement never gave, and ids that are not a commitment's.
    for suffix in ("C4", "C0", "X1", "C"):
        assert client.get(f"/cite/{agreement.public_id}-{suffix}/").status_code == 404, suffix
    # A commitment only in a draft of the live agreement.
    agreement.commitments.add(commitment("Engagement en brouillon.", owner=city, sort_order=3))
    revision = agreement.save_revision()
    assert [data["number"] for data in revision.content["commitments"]] == [1, 2, 3, 4]
    assert client.get(f"/cite/{agreement.public_id}-C4/").status_code == 404
    assert client.get(f"/cite/{agreement.public_id}-C4/", {"format": "bibtex"}).status_code == 404
    # A draft agreement and a private one.
    draft = CollaborationAgreementPageFactory(live=False, commitments=[commitment(owner=city)])
    private = CollaborationAgreementPageFactory(commitments=[commitment(owner=city)])
    PageViewRestrictionFactory(page=private)
    for hidden in (draft, private):
        for params in ({}, {"format": "ris"}):
            assert client.get(f"/cite/{hidden.public_id}-C1/", params).status_code == 404


def test_downloads_cite_the_commitment_in_its_agreement(client, agreement):
    public_id = f"{agreement.public_id}-C1"
    response = client.get(f"/cite/{public_id}/", {"format": "bibtex"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{public_id}.bib"'
    entry = parse_bibtex(response.content.decode())
    fields = {field.key: field.value for field in entry.fields}
    assert entry.key == public_id
    assert (fields["title"], fields["number"], fields["type"]) == (
        "Publier le code.",
        public_id,
        "Engagement",
    )
    assert fields["url"] == f"http://testserver/cite/{public_id}/"

    pairs = parse_ris(client.get(f"/cite/{public_id}/", {"format": "ris", "lang": "en"}).content.decode())
    assert ris_values(pairs, "ID") == [public_id]
    assert ris_values(pairs, "TI") == ["Publier le code."]
    assert ris_values(pairs, "T2") == ["Entente sur le tri"]
    assert ris_values(pairs, "M3") == ["Commitment"]

    items = json.loads(client.get(f"/cite/{public_id}/", {"format": "csl-json"}).content)
    jsonschema.Draft202012Validator(csl_data_schema()).validate(items)
    assert (items[0]["id"], items[0]["container-title"]) == (public_id, "Entente sur le tri")
