"""The search's vocabulary, in one place: the facets, their labels and the values each may take,
labelled in the reader's language. Item types come from the registry (``hub.items``); the other
facets from the taxonomies in the database."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hub.items import item_types
from hub.models import ImpactLevel, Region, Risk, Service, term_labels

FACETS = ("type", "service", "region", "risk", "level")
NOT_ASSESSED = "none"  # the ``level`` of an item whose impact was not assessed
FACET_LABELS = {
    "type": _("Type"),
    "service": _("Public service"),
    "region": _("Region"),
    "risk": _("Risk"),
    "level": _("Impact level"),
}
FACET_TAXONOMIES = {"service": Service, "region": Region, "risk": Risk}


def facet_vocabulary(facet, language):
    """Every value a facet may take, in display order, with its label in ``language``."""
    with translation.override(language):
        if facet == "type":
            return [(item_type.key, str(item_type.label_plural)) for item_type in item_types()]
        if facet == "level":
            return [(str(level.value), str(level.label)) for level in ImpactLevel] + [
                (NOT_ASSESSED, str(_("Not assessed")))
            ]
    return list(term_labels(FACET_TAXONOMIES[facet], language).items())
