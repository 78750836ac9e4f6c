"""The JSON records the open API answers with, built as plain dicts in the shape the serializers
describe. What every item has is written here; what only some types have comes from the page's
``api_record`` (``hub.models.ItemPage``), written with the ``RecordFormat`` it is handed."""

import functools

from django.utils import translation
from rest_framework import serializers

from hub.items import type_for_public_id, type_of
from hub.models import term_labels

from ..vocabulary import NOT_ASSESSED, facet_vocabulary
from .http import LANGUAGE_CODES
from .serializers import ItemSerializer


def isoformat(value):
    return value.isoformat() if value else None


def labels_in_each_language(label):
    """``{language: str(label())}`` with each interface language active in turn."""
    labels = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            labels[code] = str(label())
    return labels


def translated(pages, language):
    """Each page replaced by its public translation in ``language`` where there is one (one
    query per page model)."""
    models = {type(page) for page in pages}
    translations = {}
    for model in models:
        keys = [page.translation_key for page in pages if type(page) is model]
        for page in (
            model.objects.public()
            .filter(translation_key__in=keys, locale__language_code=language)
            .select_related("locale")
        ):
            translations[model, page.translation_key] = page
    return [translations.get((type(page), page.translation_key), page) for page in pages]


class RecordFormat:
    """How the API writes the values an item's record holds, for a reader of ``language``:
    handed to ``ItemPage.api_record`` so a page type says what its record holds, not how the
    API writes it."""

    def __init__(self, request, language):
        self.request = request
        self.language = language

    def date(self, value):
        """A date (or a moment) in ISO 8601; None when there is none."""
        return isoformat(value)

    def terms(self, terms):
        """Taxonomy terms (a queryset of one taxonomy) as ``{"key", "labels"}``, once per key, in
        vocabulary order."""
        model = terms.model
        keys = {term.key for term in terms}
        tables = {code: term_labels(model, code) for code in LANGUAGE_CODES}
        ordered = [key for key in tables[LANGUAGE_CODES[0]] if key in keys]
        ordered += sorted(keys - set(ordered))
        return [
            {"key": key, "labels": {code: tables[code].get(key, key) for code in LANGUAGE_CODES}}
            for key in ordered
        ]

    def choice(self, instance, field_name):
        """A choice field's value as a term (its key, its label in every language); None if empty."""
        value = getattr(instance, field_name, None)
        if not value:
            return None
        display = getattr(instance, f"get_{field_name}_display")
        return {"key": value, "labels": labels_in_each_language(display)}

    def term(self, key, label):
        """A value of a type's own vocabulary (a lazy ``label``) as a term: its key, its label in
        every language."""
        return {"key": key, "labels": labels_in_each_language(lambda: label)}

    def impact_level(self, level):
        """An impact level as a term with the keys of the search's ``level`` facet (``none``
        when not assessed)."""
        key = str(level) if level else NOT_ASSESSED
        labels = {code: dict(facet_vocabulary("level", code)) for code in LANGUAGE_CODES}
        return {"key": key, "labels": {code: labels[code][key] for code in LANGUAGE_CODES}}

    def organization(self, organization):
        if organization is None:
            return None
        return {
            "key": organization.key,
            "name": organization.name,
            "kind": organization.kind,
            "website": organization.website,
        }

    def references(self, pages):
        """Other public items (``pages``, already known to be public), each in the reader's
        language when it is translated into it, in the order given."""
        return [self.reference(page) for page in translated(pages, self.language)]

    def reference(self, page):
        return {
            "id": page.public_id,
            "type": type_of(page).key,
            "title": page.title,
            "language": page.locale.language_code,
            "url": self.request.build_absolute_uri(page.url_in(self.language)),
        }


def absent(field):
    """What a field of the record holds for an item whose type does not have it."""
    return [] if isinstance(field, serializers.ListSerializer | serializers.ListField) else None


@functools.cache
def declared_fields():
    """``(fields, dates)``: the names ``ItemSerializer`` and its ``dates`` declare, in their
    order, each with its value for a type that does not have it. The record holds every one."""
    fields = ItemSerializer().fields
    return (
        {name: absent(field) for name, field in fields.items()},
        dict.fromkeys(fields["dates"].fields),
    )


def declared(values, defaults, page):
    """``values`` in the declared order, with what the type leaves out filled in."""
    undeclared = set(values) - set(defaults)
    if undeclared:
        raise ValueError(
            f"The {type_of(page).key} record holds fields ItemSerializer does not declare: "
            f"{sorted(undeclared)}"
        )
    return {name: values.get(name, default) for name, default in defaults.items()}


def item_record(request, page, versions, language):
    """Everything structured about ``page`` (the version returned), as ``ItemSerializer`` describes."""
    api = RecordFormat(request, language)
    own = dict(page.api_record(api))
    published_languages = {version.locale.language_code for version in versions}
    fields, dates = declared_fields()
    common = {
        "id": page.public_id,
        "type": type_of(page).key,
        "title": page.title,
        "summary": page.summary,
        "plain_summary": page.plain_summary,
        "language": page.locale.language_code,
        "languages": [code for code in LANGUAGE_CODES if code in published_languages],
        "urls": {code: request.build_absolute_uri(page.url_in(code)) for code in LANGUAGE_CODES},
        "dates": declared(
            {
                "first_published": isoformat(page.first_published_at),
                "last_published": isoformat(page.last_published_at),
                **own.pop("dates", {}),
            },
            dates,
            page,
        ),
        "services": api.terms(page.services.all()),
        "regions": api.terms(page.regions.all()),
    }
    return declared({**common, **own}, fields, page)


def item_versions(public_id):
    """The public versions of the item ``public_id`` (one per language), the original first;
    empty when no registered type has this id's prefix."""
    item_type = type_for_public_id(public_id)
    if item_type is None:
        return []
    return list(
        item_type.model.objects.public().filter(public_id=public_id).select_related("locale").order_by("pk")
    )


def hit_record(request, hit):
    """One search result, from the search document's hit."""
    return {
        "id": hit["public_id"],
        "type": hit["item_type"],
        "title": hit["title"],
        "url": request.build_absolute_uri(hit["url"]),
        "summary": hit["summary"],
        "locale": hit["content_locale"],
        "services": hit["services"],
        "regions": hit["regions"],
        "risks": hit["risks"],
        "impact_level": hit["impact_level"],
        "status": hit["status"],
        "date": isoformat(hit["date"]),
    }
