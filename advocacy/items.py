"""Briefs and agreements, as the item-type registry (``hub.items``) knows them."""

from django.utils.translation import gettext_lazy as _

from hub.items import ItemType

BRIEF = ItemType(
    key="brief",
    prefix="BR",
    page_model="advocacy.AdvocacyBriefPage",
    index_model="advocacy.AdvocacyBriefIndexPage",
    section="briefs",
    label=_("Advocacy brief"),
    label_plural=_("Advocacy briefs"),
    index_titles={"fr": "Mémoires", "en": "Advocacy briefs"},
    index_slugs={"fr": "memoires", "en": "briefs"},
    index_intros={
        "fr": "Des mémoires et des recommandations qui s'appuient sur les dossiers.",
        "en": "Briefs and recommendations built on the case files.",
    },
    csl_type="report",
    schema_type="Report",
    latest_heading=_("Latest advocacy briefs"),
    more_label=_("All advocacy briefs"),
    publication="review",
    data_file_class="advocacy.data_columns.BriefDataFile",
)

# A collaboration agreement is neither a report nor a treaty between states: CSL's generic
# "document" fits it. Its parties publish it themselves.
AGREEMENT = ItemType(
    key="agreement",
    prefix="AC",
    page_model="advocacy.CollaborationAgreementPage",
    index_model="advocacy.CollaborationAgreementIndexPage",
    section="agreements",
    label=_("Collaboration agreement"),
    label_plural=_("Collaboration agreements"),
    index_titles={"fr": "Ententes de collaboration", "en": "Collaboration agreements"},
    index_slugs={"fr": "ententes", "en": "agreements"},
    index_intros={
        "fr": "Les ententes de codesign entre organismes publics, municipalités et organismes communautaires.",
        "en": "Codesign agreements between public bodies, municipalities and community organizations.",
    },
    csl_type="document",
    schema_type="CreativeWork",
    latest_heading=_("Latest collaboration agreements"),
    more_label=_("All collaboration agreements"),
    publication="partners",
    data_file_class="advocacy.data_columns.AgreementDataFile",
)
