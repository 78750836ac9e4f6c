"""The register entry, as the item-type registry (``hub.items``) knows it."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext_lazy

from hub.items import ItemType, TypeFacet, TypeSort


def lifecycle_choices():
    from .models import Lifecycle

    return Lifecycle.choices


def technique_choices():
    from .models import Technique

    return Technique.choices


def disclosure_choices():
    from .models import DisclosureLevel

    return DisclosureLevel.choices


SYSTEM = ItemType(
    key="system",
    prefix="SY",
    page_model="registry.SystemPage",
    index_model="registry.SystemIndexPage",
    section="systems",
    label=_("AI system"),
    label_plural=_("AI system register"),
    index_titles={"fr": "Registre des systèmes d'IA", "en": "AI system register"},
    index_slugs={"fr": "registre", "en": "register"},
    index_intros={
        "fr": "Les systèmes d'IA utilisés dans les services publics du Québec : ce que les organismes en "
        "déclarent et ce que les personnes touchées en documentent.",
        "en": "The AI systems used in Québec's public services: what the organizations declare about them "
        "and what the people affected document.",
    },
    # A register entry describes a system, as a dataset describes data: CSL's "dataset" and
    # schema.org's "SoftwareApplication" say what it is about.
    csl_type="dataset",
    schema_type="SoftwareApplication",
    home_latest=3,
    home_figure=npgettext_lazy("home figure", "AI system", "AI systems", "count"),
    latest_heading=_("Latest AI systems in the register"),
    more_label=_("The whole register"),
    publication="review",
    data_file_class="registry.data_columns.SystemDataFile",
    # Each value is the organization's where it published one, else the community's
    # (``SystemPage.field_value``); the disclosure counts the published declaration only.
    facets=(
        TypeFacet(
            key="lifecycle",
            label=_("Lifecycle status"),
            choices=lifecycle_choices,
            value_of="lifecycle_facet",
        ),
        TypeFacet(
            key="technique", label=_("Technique"), choices=technique_choices, value_of="technique_facet"
        ),
        TypeFacet(
            key="disclosure",
            label=_("Disclosure by the organization"),
            choices=disclosure_choices,
            value_of="disclosure_facet",
        ),
    ),
    sorts=(TypeSort(key="disclosure", label=_("Most disclosed first"), value_of="disclosure_rank"),),
)
