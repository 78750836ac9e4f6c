"""The shared base's models: taxonomies, the glossary, public ids, the site shell pages, the
abstract item pages every item type builds on, the review roles, and what every e-mail
subscription keeps."""

from .contact import HubContact
from .demo_marker import DemoMarker
from .glossary import GlossaryTerm, term_forms
from .item_pages import (
    ItemIndexPage,
    ItemPage,
    ItemPart,
    ItemPermissionTester,
    publication_log,
    with_new_notes,
)
from .pages import HomePage, StandardPage, ValidatedStreamsMixin, ensure_locales
from .public_ids import PublicIdSequence
from .review import CommunityReviewTask, PartnerMembership, partner_organization_key
from .subscriptions import Subscription
from .taxonomy import (
    ImpactLevel,
    Organization,
    Region,
    Risk,
    Service,
    TaxonomyTerm,
    labels_cache_key,
    term_labels,
    unique_slug,
)

__all__ = [
    "CommunityReviewTask",
    "DemoMarker",
    "HubContact",
    "GlossaryTerm",
    "HomePage",
    "ImpactLevel",
    "ItemIndexPage",
    "ItemPage",
    "ItemPart",
    "ItemPermissionTester",
    "Organization",
    "PartnerMembership",
    "PublicIdSequence",
    "Region",
    "Risk",
    "Service",
    "StandardPage",
    "Subscription",
    "TaxonomyTerm",
    "ValidatedStreamsMixin",
    "ensure_locales",
    "labels_cache_key",
    "partner_organization_key",
    "publication_log",
    "term_forms",
    "term_labels",
    "unique_slug",
    "with_new_notes",
]
