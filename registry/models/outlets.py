"""What the outlets (search, items API, citations) ask of a register entry: the overrides of
``hub.models.ItemPage``'s defaults, and the values of the facets and the sort the register
declares (``registry.items``).

Every value read here is public: the organization's declaration only once published
(``live``), never a draft of it. A search rebuild reads every entry, so the pages it loads carry
the id of their published declaration (``search_related``): an entry the organization has
declared nothing about costs no query more."""

import datetime

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from hub.items import public_pages

from ..blocks import ASSESSMENT_KINDS
from ..record import EXPECTED_KEYS, FIELDS

AIA_LEVELS = {"aia-1": 1, "aia-2": 2, "aia-3": 3, "aia-4": 4}
TEXT_KINDS = ("text", "url", "month")


class SystemOutlets:
    # --- the published declaration, read once per page object ---

    @cached_property
    def published_declaration(self):
        """``declared_record()``, or the record named by the id ``search_related`` loaded."""
        if "live_declaration_pk" not in self.__dict__:
            return self.declared_record()
        if self.live_declaration_pk is None:
            return None
        return self.declared_records_model().objects.filter(pk=self.live_declaration_pk, live=True).first()

    def shown_value(self, key):
        """``field_value``: the organization's value where it published one, else the community's."""
        declared = self.published_declaration
        return getattr(self, key) if declared is None else self.field_value(key, declared)

    def shown_disclosure(self):
        """``(disclosed, expected)`` of the published declaration."""
        declared = self.published_declaration
        return (0, len(EXPECTED_KEYS)) if declared is None else self.disclosure(declared)

    # --- search: what it asks of an item ---

    @classmethod
    def search_related(cls, pages):
        """The pages with their organization and the id of their published declaration (in the
        page's language where there is one, else the first made: ``declared_record``'s rule)."""
        records = cls.declared_records_model().objects.filter(
            live=True, system__translation_key=OuterRef("translation_key")
        )
        here = records.filter(locale_id=OuterRef("locale_id")).order_by("pk").values("pk")[:1]
        anywhere = records.order_by("pk").values("pk")[:1]
        return (
            super()
            .search_related(pages)
            .select_related("organization")
            .annotate(live_declaration_pk=Coalesce(Subquery(here), Subquery(anywhere)))
        )

    def search_body_parts(self):
        """The organization, the unit, and every text field of both records, as the page shows them."""
        parts = [self.organization.name if self.organization_id else "", self.unit]
        records = [self, self.published_declaration] if self.published_declaration else [self]
        for record in records:
            for register_field in FIELDS:
                value = getattr(record, register_field.key)
                if register_field.kind == "text":
                    parts.append(value)
                elif register_field.kind in ("assessments", "risks"):
                    parts.extend(self.stream_text(value))
        return parts

    def sort_date(self):
        """The month the system came into use, else the day the entry went live on the hub."""
        month = self.shown_value("start_month")
        if month:
            year, number = month.split("-")
            return datetime.date(int(year), int(number), 1)
        return super().sort_date()

    def search_status(self):
        """Its lifecycle status, or ``published`` when nobody has said it."""
        return self.shown_value("lifecycle_status") or "published"

    def search_impact_level(self):
        """The highest level of its algorithmic impact assessments (Directive on Automated
        Decision-Making), None when none is known."""
        levels = [
            AIA_LEVELS[block.value["kind"]]
            for block in self.shown_value("impact_assessments")
            if block.value["kind"] in AIA_LEVELS
        ]
        return max(levels, default=None)

    # The register's facets and sort (``registry.items``).

    def lifecycle_facet(self):
        return self.shown_value("lifecycle_status") or None

    def technique_facet(self):
        return self.shown_value("technique") or None

    def disclosure_facet(self):
        return self.disclosure_level_of(*self.shown_disclosure())

    def disclosure_rank(self):
        """The disclosure score in thousandths: fields disclosed per thousand expected."""
        disclosed, expected = self.shown_disclosure()
        return round(1000 * disclosed / expected)

    @staticmethod
    def disclosure_level_of(disclosed, expected):
        from .entries import DisclosureLevel  # defined beside the page, which this mixin is part of

        return DisclosureLevel.of(disclosed, expected)

    # --- items API: what it asks of an item ---

    def api_record(self, api):
        declared = self.published_declaration
        disclosed, expected = self.shown_disclosure()
        level = self.disclosure_level_of(disclosed, expected)
        shown = declared if declared is not None and declared.lifecycle_status else self
        return {
            "status": api.choice(shown, "lifecycle_status"),
            "impact_level": api.impact_level(self.search_impact_level()),
            "organization": api.organization(self.organization),
            "unit": self.unit,
            "community_record": record_values(api, self),
            "declared_record": record_values(api, declared) if declared is not None else None,
            "not_disclosed": [key for key in FIELDS_ORDER if key in set(declared.not_disclosed)]
            if declared is not None
            else [],
            "disclosure": {
                "disclosed": disclosed,
                "expected": expected,
                "level": api.term(level.value, level.label),
            },
            "declaration": {
                "title": declared.source_title,
                "url": declared.source_url,
                "date": api.date(declared.source_date),
                "language": declared.locale.language_code,
            }
            if declared is not None
            else None,
            "casefiles": api.references(self.public_casefiles()),
        }

    def public_casefiles(self):
        """The public case files about this system (linked to any of its language versions),
        each once, newest first. Case files link to the register, not the reverse, so their model
        is reached through that relation rather than imported."""
        casefile_model = self._meta.get_field("casefiles").related_model
        pages = (
            casefile_model.objects.public()
            .filter(system__translation_key=self.translation_key)
            .in_language(self.locale)
            .select_related("locale")
            .order_by("-first_published_at", "-pk")
        )
        return public_pages(list(pages))

    # --- citations: what it asks of an item ---

    def citation_heading(self):
        return _("Cite this register entry")


FIELDS_ORDER = [register_field.key for register_field in FIELDS]


def record_values(api, record):
    """``{field: value}`` of one record (the community's or the organization's), every field of
    the register in its order: text as text, choices as terms, vendors as organizations,
    assessments and risks as lists; None (or an empty list) where it gives nothing."""
    values = {}
    for register_field in FIELDS:
        key, kind = register_field.key, register_field.kind
        value = getattr(record, key)
        if kind in TEXT_KINDS:
            values[key] = value or None
        elif kind == "choice":
            values[key] = api.choice(record, key)
        elif kind == "organizations":
            values[key] = [api.organization(vendor) for vendor in value.all()]
        elif kind == "assessments":
            kinds = dict(ASSESSMENT_KINDS)
            values[key] = [
                {
                    "kind": api.term(
                        block.value["kind"], kinds.get(block.value["kind"], block.value["kind"])
                    ),
                    "date": api.date(block.value["date"]),
                    "url": block.value["url"] or None,
                    "note": block.value["note"] or None,
                }
                for block in value
            ]
        else:  # risks
            values[key] = [
                {"risk": block.value["risk"], "mitigation": block.value["mitigation"] or None}
                for block in value
            ]
    return values
