"""The two CSV files in which public bodies exchange action plans with the hub: an item's
commitments (one row per commitment and language version of its item) and their progress updates
(one row per update). The one way a commitment or an update becomes a row is here, so that the
export and the import's "has anything changed?" never disagree, and export → import → export
gives the same bytes. Cells go through ``hub.csv_cells``, which escapes what a spreadsheet would
run as a formula, reversibly."""

from django.conf import settings

from hub import csv_cells
from hub.data_columns import clean_text, date_cell
from hub.items import export_order

from ..models import Commitment, CommitmentUpdate, commitment_page_models

COMMITMENT_COLUMNS = (
    "item",
    "locale",
    "number",
    "text",
    "owner",
    "owner_role",
    "due_date",
    "recommendation",
)
UPDATE_COLUMNS = (
    "id",
    "commitment",
    "date",
    "status",
    "progress",
    "note",
    "language",
    "evidence_url",
    "evidence_title",
    "corrects",
    "published",
)
LOCALES = tuple(code for code, _name in settings.LANGUAGES)
TRUE, FALSE = "true", "false"
# What a commitment says the same way in every language (wagtail-localize synchronizes them).
SYNCHRONIZED = ("owner", "due_date", "recommendation")


def number_cell(value):
    return "" if value is None else str(value)


def commitment_cells(*, item, locale, number, text, owner, owner_role, due_date, recommendation):
    """The cells of one commitment row, as strings, in their canonical form."""
    return {
        "item": item,
        "locale": locale,
        "number": number_cell(number),
        "text": clean_text(text),
        "owner": owner,
        "owner_role": clean_text(owner_role),
        "due_date": date_cell(due_date),
        "recommendation": number_cell(recommendation),
    }


def commitment_to_row(version, commitment):
    """The row of ``commitment`` of the item version ``version``."""
    return commitment_cells(
        item=version.public_id,
        locale=version.locale.language_code,
        number=commitment.number,
        text=commitment.text,
        owner=commitment.owner.key,
        owner_role=commitment.owner_role,
        due_date=commitment.due_date,
        recommendation=commitment.recommendation,
    )


def update_cells(*, pk, commitment, happened_on, status, progress, note, language, evidence_url, **more):
    """The cells of one update row, as strings, in their canonical form."""
    return {
        "id": number_cell(pk),
        "commitment": commitment,
        "date": date_cell(happened_on),
        "status": status,
        "progress": number_cell(progress),
        "note": clean_text(note),
        "language": language,
        "evidence_url": clean_text(evidence_url),
        "evidence_title": clean_text(more["evidence_title"]),
        "corrects": number_cell(more["corrects"]),
        "published": TRUE if more["published"] else FALSE,
    }


def update_to_row(update, commitment_id):
    return update_cells(
        pk=update.pk,
        commitment=commitment_id,
        happened_on=update.happened_on,
        status=update.status,
        progress=update.progress,
        note=update.note,
        language=update.language,
        evidence_url=update.evidence_url,
        evidence_title=update.evidence_title,
        corrects=update.corrects_id,
        published=update.is_published,
    )


def item_versions(user=None, public_ids=None):
    """Every language version of the items with commitments, published or not; only those
    ``user`` may edit (None: a command, every one); only ``public_ids`` when given."""
    versions = []
    for model in commitment_page_models():
        pages = model.objects.all() if user is None else model.pages_updated_by(user)
        if public_ids is not None:
            pages = pages.filter(public_id__in=public_ids)
        versions.extend(pages.select_related("locale"))
    return sorted(versions, key=lambda page: export_order(page.public_id, page.locale.language_code))


def commitments_of(versions):
    """``{version pk: [commitment]}`` in the editors' order, their owners read at once."""
    found = {version.pk: [] for version in versions}
    rows = Commitment.objects.filter(page_id__in=found).select_related("owner")
    for commitment in rows.order_by("sort_order", "pk"):
        found[commitment.page_id].append(commitment)
    return found


def commitment_ids(versions):
    """``{commitment key: (public id, item key)}`` of the commitments of these versions, each
    named by its item's first version that has it."""
    ids = {}
    by_pk = {version.pk: version for version in versions}
    for version_pk, commitments in sorted(commitments_of(versions).items()):
        version = by_pk[version_pk]
        for commitment in commitments:
            ids.setdefault(
                commitment.translation_key,
                (f"{version.public_id}-C{commitment.number}", version.translation_key),
            )
    return ids


def export_commitments(versions):
    """The commitments file of these item versions (``item_versions``), as text."""
    by_version = commitments_of(versions)
    rows = [commitment_to_row(version, c) for version in versions for c in by_version[version.pk]]
    return csv_cells.file_text(COMMITMENT_COLUMNS, rows)


def export_updates(versions):
    """The updates file of the commitments of these item versions, drafts included, as text:
    by commitment, then date, then as written."""
    ids = commitment_ids(versions)
    updates = CommitmentUpdate.objects.filter(commitment_key__in=ids)

    def order(update):
        item_id, _suffix, number = ids[update.commitment_key][0].rpartition("-C")
        return export_order(item_id, ""), int(number), update.happened_on, update.pk

    rows = [update_to_row(u, ids[u.commitment_key][0]) for u in sorted(updates, key=order)]
    return csv_cells.file_text(UPDATE_COLUMNS, rows)
