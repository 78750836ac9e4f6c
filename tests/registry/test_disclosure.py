"""The register's disclosure: a field the organization withheld reads "not disclosed", one
nobody has documented reads "empty", and the score counts only what the organization published."""

import pytest
from django.core.exceptions import ValidationError

from registry.record import EXPECTED_KEYS
from tests.factories import DeclaredRecordFactory, SystemPageFactory

pytestmark = pytest.mark.django_db


def states(page):
    return {field.key: (declared, community) for field, declared, community in page.field_rows()}


def test_withheld_and_empty_fields_are_told_apart():
    system = SystemPageFactory()
    DeclaredRecordFactory(system=system, not_disclosed=["training_data"], purpose="Réduire les délais.")
    rows = states(system)
    assert rows["purpose"][0] == "disclosed"
    assert rows["training_data"][0] == "not-disclosed"
    assert rows["legal_basis"][0] == "empty"
    # The community documented what the system decides; the organization did not.
    assert rows["decision_role"] == ("empty", "documented")


def test_score_counts_the_published_declaration_only():
    system = SystemPageFactory()
    assert system.disclosure() == (0, len(EXPECTED_KEYS))
    record = DeclaredRecordFactory(system=system, live=False, purpose="Réduire les délais.", legal_basis="")
    assert system.disclosure() == (0, len(EXPECTED_KEYS)), "a draft declaration discloses nothing"
    record.latest_revision.publish()
    disclosed, expected = system.disclosure()
    # purpose and lifecycle_status: two of the expected fields, whatever the community documented.
    assert (disclosed, expected) == (2, len(EXPECTED_KEYS))
    assert system.disclosure_level() == "low"


def test_a_field_cannot_be_both_given_and_withheld():
    record = DeclaredRecordFactory(not_disclosed=[])
    record.not_disclosed = ["purpose"]
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "not_disclosed" in error.value.message_dict


def test_a_long_description_is_refused():
    system = SystemPageFactory()
    system.summary = "x" * 351
    with pytest.raises(ValidationError) as error:
        system.full_clean()
    assert "summary" in error.value.message_dict


def test_the_plain_summary_holds_five_sentences_at_most():
    system = SystemPageFactory()
    system.plain_summary = " ".join(f"Phrase courte numéro {n}." for n in range(1, 6))
    system.full_clean()
    system.plain_summary += " Une de trop."
    with pytest.raises(ValidationError) as error:
        system.full_clean()
    assert "plain_summary" in error.value.message_dict
