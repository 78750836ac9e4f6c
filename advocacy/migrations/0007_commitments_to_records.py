"""Agreements' commitments become records (``followup.Commitment``).

An agreement listed its commitments as StreamField blocks ``commitment`` {commitment, owner,
due_date}, numbered by their position on its page (``#commitment-1``...). Each block of every
version of every agreement (each language; the page's own content, which is what is live, and
every revision's, drafts included) becomes a commitment numbered in block order (1, 2, ...), with
no unit or role (blocks had none). The versions of one agreement share their commitments'
numbers and translation keys by position: block n of the English version is commitment n of the
French one, and of every revision. A revision then holds its commitments as the page's inline
holds them, so a draft publishes them and an old revision still opens; ``0008`` drops the
StreamField.

A commitment's owner must exist: a block naming a deleted organization stops the migration,
naming the agreement, so that nobody's commitment is silently dropped.

Going back writes each version's commitments, and each revision's, back into blocks."""

import json
import uuid

from django.db import migrations

# Frozen: a migration must not change when the code does. Commitment n of the agreement whose
# versions share the translation key K has the translation key uuid5(KEY_NAMESPACE, "K:n").
KEY_NAMESPACE = uuid.UUID("5d0c0f4e-3a51-4c5e-9a56-8f2d6c1b7e21")


def commitment_key(agreement_key, number):
    return uuid.uuid5(KEY_NAMESPACE, f"{agreement_key}:{number}")


def blocks_of(value):
    """The commitment blocks of a StreamField value: a list of raw blocks, the JSON text of one
    (as a revision holds it) or a StreamValue (as a page holds it)."""
    if isinstance(value, str):
        value = json.loads(value or "[]")
    elif hasattr(value, "get_prep_value"):
        value = value.get_prep_value()
    return [block for block in value or () if block.get("type") == "commitment"]


def agreement_revisions(apps, agreement):
    Revision = apps.get_model("wagtailcore", "Revision")
    return Revision.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id=str(agreement.pk),
    ).order_by("pk")


def serialized(agreement, number, block, pk):
    """Commitment ``number`` of ``block`` as a revision of ``agreement`` holds it (its row's pk
    when the page has one of that number, so publishing the revision updates that row)."""
    value = block["value"]
    return {
        "pk": pk,
        "translation_key": str(commitment_key(agreement.translation_key, number)),
        "locale": agreement.locale_id,
        "sort_order": number - 1,
        "page": agreement.pk,
        "text": value.get("commitment") or "",
        "owner": value.get("owner"),
        "owner_role": "",
        "due_date": value.get("due_date") or None,
        "number": number,
    }


def to_records(apps, schema_editor):
    Agreement = apps.get_model("advocacy", "CollaborationAgreementPage")
    Commitment = apps.get_model("followup", "Commitment")
    organizations = set(apps.get_model("hub", "Organization").objects.values_list("pk", flat=True))
    for agreement in Agreement.objects.order_by("pk"):
        rows = {}
        for number, block in enumerate(blocks_of(agreement.commitments), 1):
            data = serialized(agreement, number, block, None)
            if data["owner"] not in organizations:
                raise RuntimeError(
                    f"Commitment {number} of agreement {agreement.public_id} (page {agreement.pk}) names "
                    "no existing organization: choose its party responsible, then migrate again."
                )
            rows[number] = Commitment.objects.create(
                page_id=agreement.pk,
                locale_id=agreement.locale_id,
                owner_id=data["owner"],
                translation_key=data["translation_key"],
                sort_order=data["sort_order"],
                text=data["text"],
                owner_role="",
                due_date=data["due_date"],
                number=number,
            ).pk
        for revision in agreement_revisions(apps, agreement):
            revision.content["commitments"] = [
                serialized(agreement, number, block, rows.get(number))
                for number, block in enumerate(blocks_of(revision.content.get("commitments")), 1)
            ]
            revision.save(update_fields=["content"])


def block(commitment):
    """A commitment (a row, or a revision's dict) as the block it was."""
    return {
        "type": "commitment",
        "value": {
            "commitment": commitment["text"],
            "owner": commitment["owner"],
            "due_date": commitment["due_date"],
        },
        "id": str(uuid.uuid4()),
    }


def to_blocks(apps, schema_editor):
    Agreement = apps.get_model("advocacy", "CollaborationAgreementPage")
    Commitment = apps.get_model("followup", "Commitment")
    for agreement in Agreement.objects.order_by("pk"):
        rows = Commitment.objects.filter(page_id=agreement.pk).order_by("sort_order", "pk")
        blocks = [
            block({"text": row.text, "owner": row.owner_id, "due_date": row.due_date and row.due_date.isoformat()})
            for row in rows
        ]
        Agreement.objects.filter(pk=agreement.pk).update(commitments=blocks)
        rows.delete()
        for revision in agreement_revisions(apps, agreement):
            kept = sorted(revision.content.get("commitments") or (), key=lambda data: data["sort_order"] or 0)
            revision.content["commitments"] = json.dumps([block(data) for data in kept])
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("advocacy", "0006_collaborationagreementpage_systems"),
        ("followup", "0001_initial"),
        ("hub", "0008_hub_contact"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_records, to_blocks)]
