"""What the briefs' and the agreements' open-data files hold (``hub.data_files``): one row per
published language version, columns defined once in ``BRIEF_COLUMNS`` and ``AGREEMENT_COLUMNS``.

Relations (authors, cited case files, parties, signatories) are read a chunk of pages at a time
(``load_chunk``); each gives what the model's own property gives (``cited_casefiles``,
``party_list``, ``signatory_list``, the authors' ``str``), which the tests compare."""

from django.utils.translation import gettext_lazy as _

from followup.models import Commitment
from hub.data_columns import (
    FIRST_PUBLISHED_COLUMN,
    RISKS_COLUMN,
    SEPARATOR,
    URL_COLUMN,
    Column,
    clean_text,
    common_columns,
    date_cell,
    document_url,
    iso,
    list_cell,
)
from hub.data_files import ItemDataFile, translation_entry

from .models import (
    AgreementParty,
    AgreementSignatory,
    BriefAuthor,
    BriefCitation,
    CollaborationAgreementPage,
)


def authors(page, context):
    return context.chunk["authors"].get(page.pk, [])


def cited_casefiles(page, context):
    return context.chunk["citations"].get(page.pk, [])


def parties(page, context):
    return context.chunk["parties"].get(page.pk, [])


def signatories(page, context):
    return context.chunk["signatories"].get(page.pk, [])


BRIEF_COLUMNS = (
    *common_columns(),
    RISKS_COLUMN,
    Column(
        "publication_date", "publication_date", kind="date", value=lambda p, c: date_cell(p.publication_date)
    ),
    Column(
        "version",
        "version",
        meaning=_("The version of the brief, as its authors number it."),
        value=lambda page, context: clean_text(page.version),
    ),
    Column(
        "authors",
        label=_("authors"),
        meaning=_("Each author as “person — organization”."),
        kind="list",
        value=lambda page, context: list_cell(str(author) for author in authors(page, context)),
    ),
    Column(
        "cited_casefiles",
        label=_("cited case files"),
        meaning=_("Ids of the published case files the brief cites, in citation order."),
        kind="list",
        refers_to="casefiles",
        value=lambda page, context: list_cell(citation["id"] for citation in cited_casefiles(page, context)),
    ),
    Column("pdf", "pdf", kind="url", value=lambda page, context: document_url(page.pdf, context)),
    URL_COLUMN,
    FIRST_PUBLISHED_COLUMN,
)

AGREEMENT_COLUMNS = (
    *common_columns(),
    Column("status", "status", kind="code", vocabulary="agreement_status", value=lambda p, c: p.status),
    Column("start_date", "start_date", kind="date", value=lambda page, context: date_cell(page.start_date)),
    Column("end_date", "end_date", kind="date", value=lambda page, context: date_cell(page.end_date)),
    Column("scope", "scope", value=lambda page, context: clean_text(page.scope)),
    Column("citizen_role", "citizen_role", value=lambda page, context: clean_text(page.citizen_role)),
    Column(
        "parties",
        label=_("parties"),
        meaning=_("The organizations that are parties to the agreement."),
        kind="list",
        value=lambda page, context: list_cell(party["name"] for party in parties(page, context)),
    ),
    Column(
        "party_roles",
        label=_("roles of the parties"),
        meaning=_("The role of each party, in the order of the parties column."),
        kind="keys",
        vocabulary="party_role",
        value=lambda page, context: SEPARATOR.join(party["role"] for party in parties(page, context)),
    ),
    Column(
        "signatories",
        label=_("signatories"),
        meaning=_("The names of the people who signed."),
        kind="list",
        value=lambda page, context: list_cell(signatory["name"] for signatory in signatories(page, context)),
    ),
    Column(
        "signed_document",
        "signed_document",
        kind="url",
        value=lambda page, context: document_url(page.signed_document, context),
    ),
    URL_COLUMN,
    FIRST_PUBLISHED_COLUMN,
)


# Keys of a JSON item that are not a column of the type's CSV file.
BRIEF_JSON_COLUMNS = (
    Column("recommendations", "recommendations", meaning=_("Each recommendation, its addressee and why.")),
)
AGREEMENT_JSON_COLUMNS = (
    Column(
        "commitments",
        label=_("commitments"),
        meaning=_(
            "Each commitment: its id (the agreement's id, then -C and its number), its number, what "
            "will be done, the party responsible, the due date, and where it stands: the status of its "
            "latest published progress update (planned while it has none), its progress in percent "
            "and that update's date."
        ),
    ),
)


class BriefDataFile(ItemDataFile):
    select = ("pdf",)
    prefetch = ("risks",)

    def columns(self):
        return BRIEF_COLUMNS

    def json_columns(self):
        return BRIEF_JSON_COLUMNS

    def load_chunk(self, pages, context):
        pks = [page.pk for page in pages]
        published = context.public_ids(BriefCitation._meta.get_field("casefile").related_model)
        citations = {}
        rows = BriefCitation.objects.filter(brief_id__in=pks).order_by("sort_order", "pk")
        for brief_id, casefile_id, pinpoint in rows.values_list("brief_id", "casefile_id", "pinpoint"):
            if casefile_id in published:
                citations.setdefault(brief_id, []).append(
                    {"id": published[casefile_id], "pinpoint": pinpoint}
                )
        by_brief = {}
        for author in (
            BriefAuthor.objects.filter(brief_id__in=pks)
            .select_related("organization")
            .order_by("sort_order", "pk")
        ):
            by_brief.setdefault(author.brief_id, []).append(author)
        return {"citations": citations, "authors": by_brief}

    def translation(self, page, context):
        entry = translation_entry(page, context)
        entry["recommendations"] = [
            {
                "recommendation": block.value["recommendation"],
                "addressee": block.value["addressee"],
                "rationale": block.value["rationale"],
            }
            for block in page.recommendations
        ]
        return entry

    def item_fields(self, original, versions, context):
        return {
            "risks": sorted({term.key for term in original.risks.all()}),
            "publication_date": iso(original.publication_date),
            "version": original.version,
            "authors": [
                {
                    "person": author.person_name,
                    "organization": author.organization.name if author.organization_id else "",
                }
                for author in authors(original, context)
            ],
            "cited_casefiles": cited_casefiles(original, context),
            "pdf": document_url(original.pdf, context) or None,
        }


class AgreementDataFile(ItemDataFile):
    select = ("signed_document",)
    choices = {"agreement_status": CollaborationAgreementPage.Status, "party_role": AgreementParty.Role}

    def columns(self):
        return AGREEMENT_COLUMNS

    def json_columns(self):
        return AGREEMENT_JSON_COLUMNS

    def load_chunk(self, pages, context):
        pks = [page.pk for page in pages]
        chunk = {"parties": {}, "signatories": {}, "commitments": Commitment.by_page(pages)}
        rows = AgreementParty.objects.filter(agreement_id__in=pks).select_related("organization")
        for party in rows.order_by("sort_order", "pk"):
            chunk["parties"].setdefault(party.agreement_id, []).append(
                {"organization": party.organization.key, "name": party.organization.name, "role": party.role}
            )
        rows = AgreementSignatory.objects.filter(agreement_id__in=pks).select_related("organization")
        for signatory in rows.order_by("sort_order", "pk"):
            chunk["signatories"].setdefault(signatory.agreement_id, []).append(
                {
                    "name": signatory.name,
                    "title": signatory.title,
                    "organization": signatory.organization.key if signatory.organization else None,
                }
            )
        return chunk

    def translation(self, page, context):
        entry = translation_entry(page, context)
        entry["scope"] = page.scope
        entry["citizen_role"] = page.citizen_role
        entry["commitments"] = [
            commitment.data_record() for commitment in context.chunk["commitments"].get(page.pk, [])
        ]
        return entry

    def item_fields(self, original, versions, context):
        return {
            "status": original.status,
            "start_date": iso(original.start_date),
            "end_date": iso(original.end_date),
            "parties": parties(original, context),
            "signatories": signatories(original, context),
            "signed_document": document_url(original.signed_document, context) or None,
        }
