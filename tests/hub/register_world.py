"""The register's representative objects for the permission matrix and the admin tests: three
organizations (two municipalities, a ministry), an entry of each with a published declared record
holding a newer draft, a declaration never published, a draft entry, and one account per role."""

from django.urls import reverse
from wagtail_localize.models import TranslationSource

from hub.models import Organization
from hub.roles import COMMUNITY_EDITORS, MUNICIPAL_PARTNERS, PUBLIC_BODIES, REVIEWERS
from tests.factories import (
    DeclaredRecordFactory,
    OrganizationFactory,
    SystemPageFactory,
    role_user,
    site_skeleton,
)

ANONYMOUS, EDITOR, REVIEWER = "anonymous", "community editor", "reviewer"
PARTNER_A, PARTNER_B, PUBLIC_BODY, ADMIN = "partner of A", "partner of B", "public body M", "administrator"
ROLES = (ANONYMOUS, EDITOR, REVIEWER, PARTNER_A, PARTNER_B, PUBLIC_BODY, ADMIN)

# Words only drafts hold (ASCII, so that JSON answers cannot hide them by escaping).
A_RECORD_DRAFT = "DECLARATION-BROUILLON-A"
B_RECORD_DRAFT = "DECLARATION-BROUILLON-B"
M_RECORD_DRAFT = "DECLARATION-BROUILLON-M"
B_UNPUBLISHED = "DECLARATION-JAMAIS-PUBLIEE-B"
ENTRY_DRAFT = "SYSTEME-BROUILLON"


class World:
    """Attributes read by the matrix's URL builders."""


def save_record_draft(record, word):
    """A newer draft revision of a published declared record: its purpose holds ``word``."""
    draft = type(record).objects.get(pk=record.pk)
    draft.purpose = f"Finalité {word}."
    draft.save_revision()
    return type(record).objects.get(pk=record.pk)


def build_world():
    w = World()
    skeleton = site_skeleton()["fr"]
    w.system_index = skeleton["registry.SystemIndexPage"]
    w.organization_a = OrganizationFactory(name="Ville A fictive", kind=Organization.Kind.MUNICIPALITY)
    w.organization_b = OrganizationFactory(name="Ville B fictive", kind=Organization.Kind.MUNICIPALITY)
    w.ministry = OrganizationFactory(name="Ministère M fictif", kind=Organization.Kind.PUBLIC_BODY)
    w.system_a = SystemPageFactory(title="Système A fictif", organization=w.organization_a)
    w.system_b = SystemPageFactory(title="Système B fictif", organization=w.organization_b)
    w.system_b2 = SystemPageFactory(title="Système B deux fictif", organization=w.organization_b)
    w.system_m = SystemPageFactory(title="Système M fictif", organization=w.ministry)
    w.draft_system = SystemPageFactory(
        title=f"Système {ENTRY_DRAFT}", organization=w.organization_a, live=False
    )
    w.record_a = save_record_draft(DeclaredRecordFactory(system=w.system_a), A_RECORD_DRAFT)
    w.record_b = save_record_draft(DeclaredRecordFactory(system=w.system_b), B_RECORD_DRAFT)
    w.record_m = save_record_draft(DeclaredRecordFactory(system=w.system_m), M_RECORD_DRAFT)
    # B's record is the source of translations (wagtail-localize's "sync translations" view).
    w.record_b_source, _created = TranslationSource.get_or_create_from_instance(w.record_b)
    w.unpublished_b = DeclaredRecordFactory(
        system=w.system_b2, live=False, source_title=f"Document {B_UNPUBLISHED}"
    )
    w.users = {
        ANONYMOUS: None,
        EDITOR: role_user(COMMUNITY_EDITORS, "editrice"),
        REVIEWER: role_user(REVIEWERS, "reviseur"),
        PARTNER_A: role_user(MUNICIPAL_PARTNERS, "partenaire-a", organization=w.organization_a),
        PARTNER_B: role_user(MUNICIPAL_PARTNERS, "partenaire-b", organization=w.organization_b),
        PUBLIC_BODY: role_user(PUBLIC_BODIES, "ministere-m", organization=w.ministry),
        ADMIN: role_user(None, "administratrice"),
    }
    return w


def snippet_url(name, record=None, *extra, query=""):
    """A URL of the declared records' admin: ``name`` of the snippet viewset, for ``record``
    (``extra`` arguments may be functions of the world)."""

    def url(w):
        args = (
            [getattr(w, record).pk, *[part(w) if callable(part) else part for part in extra]]
            if record
            else []
        )
        return reverse(f"wagtailsnippets_registry_declaredrecord:{name}", args=args) + query

    return url
