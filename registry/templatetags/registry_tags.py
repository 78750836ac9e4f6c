"""Template tags of the register's pages: an entry's record field by field, the organization's
declaration apart from the community's record, what links to the entry, the "what you can do"
box's contact, and the register's cards."""

import datetime
import re

from django import template
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.html import format_html

from hub.models import Organization
from hub.safe_urls import is_safe_url
from hub.templatetags.hub_tags import interface_language

from ..blocks import ASSESSMENT_KINDS
from ..models import DisclosureLevel
from ..models.links import localized, read_in
from ..record import EXPECTED_KEYS, GROUPS, get_field

register = template.Library()

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@register.simple_tag(takes_context=True)
def system_links(context, page):
    """What links to ``page`` (``SystemLinks.links_for``), for the reader's language."""
    return page.links_for(interface_language(context), context.get("request"))


@register.simple_tag
def declared_record(page):
    """The organization's published declaration of ``page``, or None: drafts never show."""
    return page.declared_record()


@register.simple_tag(takes_context=True)
def register_groups(context, page, declared):
    """The entry's fields in the standards' groups: ``[(heading, [row, ...])]``, each row a dict
    with the field's ``label``, the ``declared`` state and shown value, the ``community`` state
    and shown value, and the community's ``sources`` for that field."""
    sources = community_sources(context, page)
    groups = {key: (heading, []) for key, heading in GROUPS.items()}
    for register_field, declared_state, community_state in page.field_rows(declared):
        key = register_field.key
        groups[register_field.group][1].append(
            {
                "key": key,
                "label": page._meta.get_field(key).verbose_name,
                "declared": declared_state,
                "declared_value": shown(declared, key) if declared_state == "disclosed" else None,
                "community": community_state,
                "community_value": shown(page, key) if community_state == "documented" else None,
                "sources": sources.get(key, []),
            }
        )
    return list(groups.values())


@register.simple_tag(takes_context=True)
def entry_sources(context, page):
    """The community's sources of the entry as a whole (no field named)."""
    return community_sources(context, page).get("", [])


def community_sources(context, page):
    """``{field key: [{"title", "url", "casefile"}]}``, read once per page shown. A case file is
    listed only while it is public, in the reader's language where translated."""
    if hasattr(page, "_shown_sources"):
        return page._shown_sources
    request = context.get("request")
    rows = list(page.community_sources.all())
    casefiles = {}
    casefile_ids = [row.casefile_id for row in rows if row.casefile_id]
    if casefile_ids:
        model = page._meta.get_field("casefiles").related_model
        keys = model.objects.filter(pk__in=casefile_ids).values_list("pk", "translation_key")
        key_of = dict(keys)
        versions = list(
            model.objects.public()
            .filter(translation_key__in=set(key_of.values()))
            .select_related("locale")
            .order_by("pk")
        )
        by_key = {
            linked.item.translation_key: linked
            for linked in read_in(versions, interface_language(context), request)
        }
        casefiles = {pk: by_key[key] for pk, key in key_of.items() if key in by_key}
    found = {}
    for row in rows:
        if row.casefile_id:
            linked = casefiles.get(row.casefile_id)
            if linked is not None:
                found.setdefault(row.field, []).append(
                    {"title": linked.item.title, "url": linked.url, "casefile": linked.item}
                )
        elif row.source_url and is_safe_url(row.source_url):
            found.setdefault(row.field, []).append(
                {"title": row.source_title or row.source_url, "url": row.source_url, "casefile": None}
            )
    page._shown_sources = found
    return found


def shown(record, key):
    """What the page shows of ``record``'s ``key``, by the field's kind: a choice's label, a month
    as a date, organizations as a list, blocks as their values, anything else as stored."""
    kind = get_field(key).kind
    value = getattr(record, key)
    if kind == "choice":
        return getattr(record, f"get_{key}_display")()
    if kind == "month":
        return month(value)
    if kind == "organizations":
        return list(value.all())
    if kind in ("assessments", "risks"):
        return [block.value for block in value]
    return value


def month(value):
    """A ``YYYY-MM`` month as the first day of that month (shown as "March 2024"), or None."""
    match = MONTH.match(value or "")
    return datetime.date(int(match.group(1)), int(match.group(2)), 1) if match else None


@register.filter
def as_month(value):
    """A ``YYYY-MM`` month as a date, for ``|date``."""
    return month(value)


@register.simple_tag
def entry_value(page, key, declared):
    """What the entry says of ``key``: the organization's declared value, else the community's."""
    return page.field_value(key, declared) if declared is not None else getattr(page, key)


@register.filter
def assessment_kind(key):
    """The label of an impact assessment's kind."""
    return dict(ASSESSMENT_KINDS).get(key, key)


@register.simple_tag
def disclosure(page, declared):
    """``{"disclosed", "expected", "level"}`` of the entry's published declaration (None: nothing)."""
    disclosed, expected = page.disclosure(declared) if declared is not None else (0, len(EXPECTED_KEYS))
    return {"disclosed": disclosed, "expected": expected, "level": DisclosureLevel.of(disclosed, expected)}


@register.simple_tag
def choice_label(page, key, value):
    """The label of a choice field's ``value``, empty when it has none."""
    return dict(page._meta.get_field(key).choices).get(value, "")


@register.simple_tag
def field_kind(key):
    return get_field(key).kind


@register.simple_tag
def contact_link(value):
    """A public contact as a link when it is an e-mail address or a web address, else as text."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        pass
    else:
        return format_html('<a href="mailto:{}">{}</a>', value, value)
    if value.startswith(("https://", "http://")) and is_safe_url(value):
        return format_html('<a href="{}">{}</a>', value, value)
    return value


@register.simple_tag(takes_context=True)
def prepare_systems(context, items):
    """The register's cards with their organization (in the reader's language), their published
    declaration, disclosure and lifecycle, read in a few queries for the whole list."""
    items = list(items)
    if not items:
        return items
    model = type(items[0])
    declared_model = model.declared_records_model()
    language = interface_language(context)
    keys = {item.translation_key for item in items}
    records = {}
    for record in (
        declared_model.objects.filter(live=True, system__translation_key__in=keys)
        .select_related("system__locale", "locale")
        .prefetch_related("vendors")
        .order_by("pk")
    ):
        key = record.system.translation_key
        current = records.get(key)
        if current is None or (
            record.locale.language_code == language and current.locale.language_code != language
        ):
            records[key] = record
    organizations = {}
    with_organization = [item for item in items if item.organization_id]
    if with_organization:
        originals = Organization.objects.in_bulk([item.organization_id for item in with_organization])
        shown_organizations = localized(originals.values(), language)
        organizations = dict(zip(originals, shown_organizations, strict=True))
    for item in items:
        declared = records.get(item.translation_key)
        item.card_disclosure = disclosure(item, declared)
        lifecycle = entry_value(item, "lifecycle_status", declared)
        item.card_lifecycle = choice_label(item, "lifecycle_status", lifecycle)
        item.card_organization = organizations.get(item.organization_id)
    return items
