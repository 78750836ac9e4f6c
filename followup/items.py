"""The consultation report, as the item-type registry (``hub.items``) knows it."""

from django.utils.translation import gettext_lazy as _

from hub.items import ItemType, TypeFacet


def response_choices():
    from .models.recommendations import response_choices

    return response_choices()


REPORT = ItemType(
    key="report",
    prefix="BI",
    page_model="followup.ReportPage",
    index_model="followup.ReportIndexPage",
    section="reports",
    label=_("Consultation report"),
    label_plural=_("Consultation reports"),
    index_titles={"fr": "Bilans de consultation", "en": "Consultation reports"},
    index_slugs={"fr": "bilans", "en": "reports"},
    index_intros={
        "fr": "Ce que les consultations ont entendu, ce qu'elles recommandent, ce que les organismes "
        "publics répondent et ce qu'ils s'engagent à faire.",
        "en": "What consultations heard, what they recommend, what public bodies answer and what "
        "they undertake to do.",
    },
    csl_type="report",
    schema_type="Report",
    latest_heading=_("Latest consultation reports"),
    more_label=_("All consultation reports"),
    publication="review",
    data_file_class="followup.data_columns.ReportDataFile",
    synthetic_text=("outside_consultation",),
    # A report has every response of its recommendations ("awaiting" for those without one).
    facets=(
        TypeFacet(
            key="response",
            label=_("Response of the public body"),
            choices=response_choices,
            value_of="response_facet",
        ),
    ),
)
