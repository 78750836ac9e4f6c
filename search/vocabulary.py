"""The search's vocabulary, in one place: the facets, their labels and the values each may take,
labelled in the reader's language. Item types come from the registry (``hub.items``), and so do
the facets a type declares of its own (``TypeFacet``: a register entry's lifecycle status, ...);
the other facets from the taxonomies in the database."""

from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hub.items import item_types, type_facets
from hub.models import ImpactLevel, Region, Risk, Service, term_labels

FACETS = ("type", "service", "region", "risk", "level")  # the facets every item has
NOT_ASSESSED = "none"  # the ``level`` of an item whose impact was not assessed
FACET_LABELS = {
    "type": _("Type"),
    "service": _("Public service"),
    "region": _("Region"),
    "risk": _("Risk"),
    "level": _("Impact level"),
}
FACET_TAXONOMIES = {"service": Service, "region": Region, "risk": Risk}
# The search's other parameters: no facet may take their names.
PARAMETERS = ("q", "sort", "locale", "page", "page_size", "format", "lang", "chart")
# Facets counted on request only, never filters, for the overview's timelines: the quarter
# (``2026-T1``) of an item's date (its first report, publication or start:
# ``search.documents.item_date``) and of its first publication on the hub.
QUARTER = "quarter"
PUBLISHED_QUARTER = "published_quarter"
COUNTED_ONLY = (QUARTER, PUBLISHED_QUARTER)


def declared_facets():
    """``{key: TypeFacet}`` of the facets item types declare, checked against the search's own names."""
    declared = {facet.key: facet for facet in type_facets()}
    clashes = set(declared) & {*FACETS, *PARAMETERS, *COUNTED_ONLY}
    if clashes:
        raise ImproperlyConfigured(f"Item types declare facets the search already names: {sorted(clashes)}.")
    return declared


def all_facets():
    """Every facet a search filters and counts on: the common ones, then the types' own."""
    return (*FACETS, *declared_facets())


def quarter_of(value):
    """The ``QUARTER`` value of a date (a ``date`` or its ISO text, as a raw cursor reads it)."""
    year, month = str(value)[:7].split("-")
    return f"{year}-T{(int(month) - 1) // 3 + 1}"


def quarter_label(key, language):
    """A quarter as a reader says it: « T1 2026 » in French, "Q1 2026" in English."""
    year, number = key.split("-T")
    with translation.override(language):
        return str(_("Q%(number)s %(year)s") % {"number": number, "year": year})


def matches_all(facet):
    """Whether the values selected in ``facet`` must all hold (``TypeFacet.match_all``), not any."""
    declared = declared_facets().get(facet)
    return bool(declared and declared.match_all)


def facet_hint(facet):
    """What a reader should know before ticking (``TypeFacet.hint``); None for most facets."""
    declared = declared_facets().get(facet)
    return declared.hint if declared else None


def facet_label(facet):
    return FACET_LABELS[facet] if facet in FACET_LABELS else declared_facets()[facet].label


def facet_owner(facet):
    """The item type that declares ``facet``; None for a facet every item has."""
    return next((item_type for item_type in item_types() if facet in {f.key for f in item_type.facets}), None)


def facet_vocabulary(facet, language):
    """Every value a facet may take, in display order, with its label in ``language``."""
    with translation.override(language):
        if facet == "type":
            return [(item_type.key, str(item_type.label_plural)) for item_type in item_types()]
        if facet == "level":
            return [(str(level.value), str(level.label)) for level in ImpactLevel] + [
                (NOT_ASSESSED, str(_("Not assessed")))
            ]
        if facet not in FACET_TAXONOMIES:
            return declared_facets()[facet].vocabulary()
    return list(term_labels(FACET_TAXONOMIES[facet], language).items())
