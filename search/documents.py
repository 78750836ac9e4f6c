"""The search document: one per published item per interface language, built by one function
from the pages, whatever backend stores it."""

import hashlib
import json
from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone

from hub.item_urls import PageUrls, shown_versions
from hub.items import item_types, type_of
from hub.models import publication_log, with_new_notes

LANGUAGES = [code for code, _name in settings.LANGUAGES]
UNKNOWN_DATE = "1970-01-01"
UNKNOWN_TIME = datetime(1970, 1, 1, tzinfo=UTC)


def body_text(page):
    """Every piece of text a reader sees in the item, besides title and summaries."""
    return "\n".join(part for part in page.search_body_parts() if part)


def item_date(page):
    """The date an item is sorted by (``sort_date``: when it was reported, published or started,
    else when it went live on the hub). Never empty, so "newest" and "oldest" mean the same on
    every database."""
    value = page.sort_date()
    return value.isoformat() if value else UNKNOWN_DATE


def first_publication(versions):
    """The day (in the hub's time zone) the item first went live, as ISO text: the earliest first
    publication of its versions, so that a translation published later does not move it."""
    moments = [version.first_published_at for version in versions if version.first_published_at]
    return timezone.localdate(min(moments)).isoformat() if moments else None


def iso_instant(moment):
    """A timestamp as documents hold it: UTC, to the millisecond. Elasticsearch keeps dates to the
    millisecond, so the embedded index keeps no more: both order the same values."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def material_update(page, publications):
    """When ``page`` last changed materially: the latest of its ``publications`` (its entries of
    ``hub.models.publication_log``) that brought a new public change note (``with_new_notes``),
    else its first publication.

    The latest publication is dated ``last_published_at``, whether or not its log entry exists
    yet: Wagtail sends ``page_published`` (which re-indexes at once when no transaction is open)
    before it writes that entry, which is dated a moment later, and the document must not change
    once it is written."""
    last_published = page.last_published_at
    publications = list(publications)
    if last_published:
        if publications and publications[-1][0] >= last_published:
            publications[-1] = (last_published, publications[-1][1])
        else:
            publications.append((last_published, getattr(page, "change_note", "")))
    updated = None
    for published_at, note in with_new_notes(publications):
        if note:
            updated = published_at
    return updated or page.first_published_at or last_published or UNKNOWN_TIME


TAXONOMY_FIELDS = ("services", "regions", "risks")


def build_document(page, language, url, taxonomy=None, body=None, publications=None, published=None):
    """The document for ``page`` as shown to a visitor using ``language`` at ``url``.

    ``taxonomy`` (``{"services": [keys], ...}``), ``body`` and ``publications`` (the page's entries
    of ``publication_log``) may be given when loaded in bulk; ``published``: the item's
    ``first_publication``."""
    taxonomy = taxonomy if taxonomy is not None else taxonomy_keys([page])[page.pk]
    if publications is None:
        publications = publication_log([page.pk])[page.pk]
    document = {
        "id": page.public_id,
        "type": type_of(page).key,
        "locale": language,
        "content_locale": page.locale.language_code,
        "page_id": page.pk,
        "title": page.title,
        "summary": page.summary,
        "plain_summary": page.plain_summary,
        "body": body if body is not None else body_text(page),
        "services": taxonomy["services"],
        "regions": taxonomy["regions"],
        "risks": taxonomy["risks"],
        "impact_level": page.search_impact_level(),
        "status": page.search_status(),
        "date": item_date(page),
        "published": published,
        "updated": iso_instant(material_update(page, publications)),
        "url": url,
    }
    document.update(declared_values(page))
    document["fingerprint"] = fingerprint(document)
    return document


def declared_values(page):
    """The values of the facets and sorts the page's type declares (``hub.items.TypeFacet``,
    ``TypeSort``): ``{"type_facets": {facet: value}, "ranks": {sort: number}}``, each key only for
    a type that declares some, so that the documents of the other types stay as they were (and
    their fingerprints with them). An item without a value has no entry; a facet with several
    values (a list) holds them sorted, each once."""
    item_type = type_of(page)
    values = {}
    if item_type.facets:
        facets = {facet.key: getattr(page, facet.value_of)() for facet in item_type.facets}
        values["type_facets"] = {
            key: sorted(set(value)) if isinstance(value, (list, tuple, set)) else value
            for key, value in facets.items()
            if value
        }
    if item_type.sorts:
        ranks = {sort.key: getattr(page, sort.value_of)() for sort in item_type.sorts}
        values["ranks"] = {key: rank for key, rank in ranks.items() if rank is not None}
    return values


def fingerprint(document):
    content = {key: value for key, value in document.items() if key != "fingerprint"}
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def taxonomy_keys(pages):
    """``{page pk: {"services": [keys], "regions": [...], "risks": [...]}}`` for pages of one
    model, one query per taxonomy (modelcluster's relations ignore ``prefetch_related``)."""
    if not pages:
        return {}
    model = type(pages[0])
    keys = {page.pk: {name: [] for name in TAXONOMY_FIELDS} for page in pages}
    for name in TAXONOMY_FIELDS:
        if not hasattr(model, name):
            continue
        field = model._meta.get_field(name)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = field.remote_field.through.objects.filter(**{f"{source}_id__in": list(keys)}).values_list(
            f"{source}_id", f"{target}__key"
        )
        for page_id, key in rows:
            keys[page_id][name].append(key)
    for relations in keys.values():
        for name in TAXONOMY_FIELDS:
            relations[name] = sorted(set(relations[name]))
    return keys


def documents_for_versions(versions, urls, taxonomy=None, publications=None):
    """Documents for one item given its live public versions (one page per language).

    ``taxonomy`` and ``publications`` may be given for a batch (``taxonomy_keys``,
    ``publication_log``)."""
    if not versions:
        return []
    taxonomy = taxonomy or taxonomy_keys(versions)
    publications = publications or publication_log([version.pk for version in versions])
    bodies = {}
    documents = []
    published = first_publication(versions)
    for language, page in shown_versions(versions).items():
        if page.pk not in bodies:
            bodies[page.pk] = body_text(page)
        documents.append(
            build_document(
                page,
                language,
                urls.url_for(page, language),
                taxonomy[page.pk],
                bodies[page.pk],
                publications[page.pk],
                published,
            )
        )
    return documents


# Page fields no document reads: a rebuild loads every page, and each field costs a conversion.
UNREAD_FIELDS = (
    "draft_title",
    "seo_title",
    "search_description",
    "show_in_menus",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "has_unpublished_changes",
    "owner",
    "alias_of",
    "numchild",
    "plain_summary_score",
    "plain_summary_level",
)


def indexed_pages(model):
    """The public pages of an item model as documents read them, in the order they are indexed:
    by translation group (``translation_key``), so that an item's versions come together."""
    return model.search_related(
        model.objects.public().select_related("locale").defer(*UNREAD_FIELDS)
    ).order_by("translation_key", "pk")


def iter_all_documents(chunk_size=1000):
    """Every document the index should hold, built from the database (the source of truth)."""
    urls = PageUrls.load()
    for item_type in item_types():
        yield from documents_of_pages(indexed_pages(item_type.model), urls, chunk_size)


def documents_of_pages(pages, urls, chunk_size=1000):
    """The documents of ``pages`` (a queryset of ``indexed_pages``), in its order, read
    ``chunk_size`` pages at a time (never splitting a translation group)."""
    chunk = []
    for page in pages.iterator(chunk_size=chunk_size):
        if len(chunk) >= chunk_size and page.translation_key != chunk[-1].translation_key:
            yield from _chunk_documents(chunk, urls)
            chunk = []
        chunk.append(page)
    yield from _chunk_documents(chunk, urls)


def _chunk_documents(pages, urls):
    if pages:
        type(pages[0]).prepare_listed(pages)
    taxonomy = taxonomy_keys(pages)
    publications = publication_log([page.pk for page in pages])
    group = []
    for page in pages:
        if group and page.translation_key != group[0].translation_key:
            yield from documents_for_versions(group, urls, taxonomy, publications)
            group = []
        group.append(page)
    yield from documents_for_versions(group, urls, taxonomy, publications)
