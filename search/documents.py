"""The search document: one per published item per interface language, built by one function
from the pages, whatever backend stores it."""

import hashlib
import json
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings

ITEM_TYPES = {
    "casefile": "impacts.CaseFilePage",
    "brief": "advocacy.AdvocacyBriefPage",
    "agreement": "advocacy.CollaborationAgreementPage",
}
INDEX_TYPES = {
    "casefile": "impacts.CaseFileIndexPage",
    "brief": "advocacy.AdvocacyBriefIndexPage",
    "agreement": "advocacy.CollaborationAgreementIndexPage",
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
UNKNOWN_DATE = "1970-01-01"


def item_model(item_type):
    return apps.get_model(ITEM_TYPES[item_type])


def item_type_of(page):
    label = page._meta.label
    for item_type, model_label in ITEM_TYPES.items():
        if model_label == label:
            return item_type
    return None


def publishable(model):
    """What may be public: live pages with no view restriction on themselves or an ancestor."""
    return model.objects.live().public()


def body_text(page):
    """Every piece of text a reader sees in the item, besides title and summaries."""
    parts = []
    for field_name in ("body", "recommendations", "commitments"):
        stream = getattr(page, field_name, None)
        if stream is not None:
            parts.extend(stream.stream_block.get_searchable_content(stream))
    for field_name in ("ai_system", "municipality", "decision_role", "scope", "citizen_role"):
        value = getattr(page, field_name, "")
        if value:
            parts.append(value)
    for relation in ("agency", "vendor"):
        organization = getattr(page, relation, None)
        if organization is not None:
            parts.append(organization.name)
    if hasattr(page, "authors"):
        parts.extend(str(author) for author in page.authors.all())
    if hasattr(page, "parties"):
        parts.extend(party.organization.name for party in page.parties.all())
    return "\n".join(part for part in parts if part)


def item_date(page):
    """The date an item is sorted by: when it was reported, published or started, else when it
    went live on the hub. Never empty, so "newest" and "oldest" mean the same on every database."""
    for field_name in ("first_reported", "publication_date", "start_date"):
        value = getattr(page, field_name, None)
        if value:
            return value.isoformat()
    published = page.first_published_at or page.last_published_at
    return published.date().isoformat() if published else UNKNOWN_DATE


def item_status(page):
    return getattr(page, "status", "") or "published"


def build_document(page, language, url):
    """The document for ``page`` as shown to a visitor using ``language`` at ``url``."""
    document = {
        "id": page.public_id,
        "type": item_type_of(page),
        "locale": language,
        "content_locale": page.locale.language_code,
        "page_id": page.pk,
        "title": page.title,
        "summary": page.summary,
        "plain_summary": page.plain_summary,
        "body": body_text(page),
        "services": sorted(term.key for term in page.services.all()),
        "regions": sorted(term.key for term in page.regions.all()),
        "risks": sorted(term.key for term in page.risks.all()) if hasattr(page, "risks") else [],
        "impact_level": getattr(page, "impact_level", None),
        "status": item_status(page),
        "date": item_date(page),
        "url": url,
    }
    document["fingerprint"] = fingerprint(document)
    return document


def fingerprint(document):
    content = {key: value for key, value in document.items() if key != "fingerprint"}
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class IndexUrls:
    """The index page of each item type in each language, looked up once for a batch."""

    by_type_and_language: dict

    @classmethod
    def load(cls):
        table = {}
        for item_type, model_label in INDEX_TYPES.items():
            for index_page in apps.get_model(model_label).objects.live().select_related("locale"):
                table[(item_type, index_page.locale.language_code)] = index_page
        return cls(table)

    def url_for(self, page, language):
        if page.locale.language_code == language:
            return page.url
        index_page = self.by_type_and_language.get((item_type_of(page), language))
        if index_page is None:
            return page.url
        return index_page.item_url(page)


def documents_for_versions(versions, index_urls):
    """Documents for one item given its live public versions (one page per language)."""
    if not versions:
        return []
    by_language = {page.locale.language_code: page for page in versions}
    original = min(versions, key=lambda page: page.pk)
    documents = []
    for language in LANGUAGES:
        page = by_language.get(language, original)
        documents.append(build_document(page, language, index_urls.url_for(page, language)))
    return documents


def documents_for_item(item_type, translation_key, index_urls=None):
    versions = list(
        publishable(item_model(item_type)).filter(translation_key=translation_key).select_related("locale")
    )
    return documents_for_versions(versions, index_urls or IndexUrls.load())


def iter_all_documents(chunk_size=500):
    """Every document the index should hold, built from the database (the source of truth)."""
    index_urls = IndexUrls.load()
    for item_type in ITEM_TYPES:
        pages = (
            publishable(item_model(item_type))
            .select_related("locale", *[f for f in ("agency", "vendor") if hasattr(item_model(item_type), f)])
            .prefetch_related(*prefetches(item_type))
            .order_by("translation_key", "pk")
        )
        group, current_key = [], None
        for page in pages.iterator(chunk_size=chunk_size):
            if page.translation_key != current_key and group:
                yield from documents_for_versions(group, index_urls)
                group = []
            current_key = page.translation_key
            group.append(page)
        if group:
            yield from documents_for_versions(group, index_urls)


def prefetches(item_type):
    names = ["services", "regions"]
    if item_type in ("casefile", "brief"):
        names.append("risks")
    if item_type == "brief":
        names.append("authors__organization")
    if item_type == "agreement":
        names.append("parties__organization")
    return names
