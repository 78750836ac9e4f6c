"""The case file, as the item-type registry (``hub.items``) knows it."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext_lazy

from hub.items import ItemType

CASEFILE = ItemType(
    key="casefile",
    prefix="CF",
    page_model="impacts.CaseFilePage",
    index_model="impacts.CaseFileIndexPage",
    section="casefiles",
    label=_("Case file"),
    label_plural=_("Case files"),
    index_titles={"fr": "Dossiers", "en": "Case files"},
    index_slugs={"fr": "dossiers", "en": "case-files"},
    index_intros={
        "fr": "Les effets locaux des systèmes d'IA dans les services publics, documentés par des groupes communautaires.",
        "en": "The local impacts of AI systems in public services, documented by community groups.",
    },
    csl_type="report",
    schema_type="Report",
    home_latest=6,
    home_figure=npgettext_lazy("home figure", "Case file", "Case files", "count"),
    latest_heading=_("Latest case files"),
    more_label=_("All case files"),
    publication="review",
    csv_download=True,
    data_file_class="impacts.data_columns.CaseFileDataFile",
    # Editors attach testimonies to case files, and withdraw one when its person asks.
    editor_permissions=("impacts.add_testimony", "impacts.change_testimony", "impacts.withdraw_testimony"),
)
