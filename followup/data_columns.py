"""What the consultation reports' open-data files hold (``hub.data_files``): one row per report
and language version in ``vigie-reports.csv``; in ``vigie-data.json`` each report once, its words
per language (what was heard, its recommendations with the public body's responses, its
commitments). Quotes come from ``shown_themes``: a testimony's words only while it is shown
publicly."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hub.data_columns import (
    FIRST_PUBLISHED_COLUMN,
    SEPARATOR,
    URL_COLUMN,
    Column,
    absolute_url,
    clean_text,
    common_columns,
    date_cell,
    iso,
    list_cell,
)
from hub.data_files import ItemDataFile, translation_entry

from .models import Commitment, Recommendation, ReportPage
from .models.recommendations import response_choices


def organization_cell(organization):
    return organization.name if organization is not None else ""


def recommendations(page, context):
    return context.chunk["recommendations"].get(page.pk, [])


REPORT_COLUMNS = (
    *common_columns(),
    Column(
        "dialogues",
        label=_("dialogues"),
        meaning=_("Ids of the published dialogues the report is about."),
        kind="list",
        refers_to="dialogues",
        value=lambda page, context: list_cell(context.chunk["dialogues"].get(page.pk, [])),
    ),
    Column(
        "outside_consultation", "outside_consultation", value=lambda p, c: clean_text(p.outside_consultation)
    ),
    Column(
        "outside_consultation_url",
        "outside_consultation_url",
        kind="url",
        value=lambda p, c: p.outside_consultation_url,
    ),
    Column("addressed_to", "addressed_to", value=lambda page, context: organization_cell(page.addressed_to)),
    Column("commissioned_by", "commissioned_by", value=lambda p, c: organization_cell(p.commissioned_by)),
    Column("decided_by", "decided_by", value=lambda page, context: clean_text(page.decided_by)),
    Column("could_change", "could_change", value=lambda page, context: clean_text(page.could_change)),
    Column("method", "method", value=lambda page, context: clean_text(page.method)),
    Column(
        "participants",
        "participants",
        value=lambda page, context: str(page.participants) if page.participants is not None else "",
    ),
    Column(
        "organizations_present",
        "organizations_present",
        kind="list",
        value=lambda page, context: list_cell(body.name for body in page.organizations_present.all()),
    ),
    Column("missing", "missing", value=lambda page, context: clean_text(page.missing)),
    Column(
        "responses",
        label=_("responses"),
        meaning=_("The response to each recommendation, in their order (awaiting: none yet)."),
        kind="keys",
        vocabulary="recommendation_response",
        value=lambda page, context: SEPARATOR.join(r.response_key for r in recommendations(page, context)),
    ),
    Column(
        "next_review_date", "next_review_date", kind="date", value=lambda p, c: date_cell(p.next_review_date)
    ),
    URL_COLUMN,
    FIRST_PUBLISHED_COLUMN,
)

REPORT_JSON_COLUMNS = (
    Column(
        "themes",
        label=_("what we heard"),
        meaning=_(
            "Per language: each theme's title, its short account and its quotes; a quote taken "
            "from a testimony only while the testimony is shown publicly, with where it is shown."
        ),
    ),
    Column(
        "recommendations",
        label=_("recommendations"),
        meaning=_(
            "Per language: each recommendation, its id (the report's id, then -R and its number), "
            "its number, its text, and the public body's official response: its key (awaiting "
            "while there is none), the reasons given, its date and the body that gave it."
        ),
    ),
    Column(
        "commitments",
        label=_("commitments"),
        meaning=_(
            "Per language: each commitment, as in the agreements' file, with the number of the "
            "recommendation it follows from."
        ),
    ),
)


class ReportDataFile(ItemDataFile):
    select = ("addressed_to", "commissioned_by")
    prefetch = ("organizations_present",)

    def vocabulary(self, name, language_code):
        """The responses, awaiting included (a choice no field stores)."""
        if name != "recommendation_response":
            return super().vocabulary(name, language_code)
        with translation.override(language_code):
            return [(str(value), str(label)) for value, label in response_choices()]

    def columns(self):
        return REPORT_COLUMNS

    def json_columns(self):
        return REPORT_JSON_COLUMNS

    def load_chunk(self, pages, context):
        """The chunk's recommendations, commitments, dialogue ids and shown themes, at once."""
        pks = [page.pk for page in pages]
        if pages:
            type(pages[0]).prepare_listed(pages)
        by_page = {}
        rows = Recommendation.objects.filter(page_id__in=pks).select_related("responding_body")
        for recommendation in rows.order_by("sort_order", "pk"):
            by_page.setdefault(recommendation.page_id, []).append(recommendation)
        published = context.public_ids(ReportPage._meta.get_field("dialogues").related_model)
        dialogues = {}
        links = ReportPage.dialogues.through.objects.filter(reportpage_id__in=pks)
        for report_id, dialogue_id in links.values_list("reportpage_id", "dialoguepage_id"):
            if dialogue_id in published:
                dialogues.setdefault(report_id, []).append(published[dialogue_id])
        return {
            "recommendations": by_page,
            "commitments": Commitment.by_page(pages),
            "dialogues": {key: sorted(ids) for key, ids in dialogues.items()},
        }

    def translation(self, page, context):
        entry = translation_entry(page, context)
        for name in ("outside_consultation", "decided_by", "could_change", "method", "missing"):
            entry[name] = getattr(page, name)
        entry["themes"] = [
            {
                "title": theme.title,
                "account": theme.account,
                "quotes": [
                    {"text": q.text, "testimony_url": absolute_url(q.testimony_url) or None}
                    for q in theme.quotes
                ],
            }
            for theme in page.shown_themes
        ]
        entry["recommendations"] = [
            {
                "id": f"{page.public_id}-R{recommendation.number}",
                "number": recommendation.number,
                "recommendation": recommendation.text,
                "response": recommendation.response_key,
                "response_reasons": recommendation.response_reasons,
                "response_date": iso(recommendation.response_date),
                "responding_body": organization_cell(recommendation.responding_body or page.addressed_to)
                if recommendation.response
                else None,
            }
            for recommendation in recommendations(page, context)
        ]
        entry["commitments"] = [
            {**commitment.data_record(), "recommendation": commitment.recommendation}
            for commitment in context.chunk["commitments"].get(page.pk, [])
        ]
        return entry

    def item_fields(self, original, versions, context):
        return {
            "dialogues": context.chunk["dialogues"].get(original.pk, []),
            "outside_consultation_url": original.outside_consultation_url or None,
            "addressed_to": organization_cell(original.addressed_to) or None,
            "commissioned_by": organization_cell(original.commissioned_by) or None,
            "participants": original.participants,
            "organizations_present": [body.name for body in original.organizations_present.all()],
            "next_review_date": iso(original.next_review_date),
        }
