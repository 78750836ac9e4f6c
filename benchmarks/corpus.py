"""The benchmark's synthetic corpus: items of every registered type inserted in bulk, straight
into the page tables, as a large hub would hold them. Each item's own columns are made from its
model's fields, so a new item type is benchmarked without an edit here."""

import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils.text import slugify
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from hub.items import item_types
from hub.models import Organization, Region, Risk, Service

FRENCH_WORDS = (
    "algorithme évaluation demande dossier prestation logement urgence patient triage risque "
    "décision automatisée citoyen municipalité service public données personnelles surveillance "
    "caméra reconnaissance faciale école élève aide sociale emploi chômage immigration permis "
    "fraude signalement agent conversationnel transport autobus fiscalité impôt vérification "
    "pointage priorité liste attente refus recours plainte transparence biais discrimination "
    "erreur contestation consentement registre vendeur contrat projet pilote déploiement quartier"
).split()
ENGLISH_WORDS = (
    "algorithm assessment application file benefit housing emergency patient triage risk automated "
    "decision citizen municipality public service personal data surveillance camera facial "
    "recognition school student welfare employment immigration permit fraud flag chatbot transit "
    "bus tax audit score priority waiting list refusal appeal complaint transparency bias error"
).split()
FIRST_TYPE_SHARE = 85  # per cent: a large hub is mostly its first type (case files)
TRANSLATED_SHARE = 0.3
CHUNK = 5000


def type_weights(count):
    """Per cent of the items of each of ``count`` types, in registration order: the first takes
    FIRST_TYPE_SHARE, each other half the one before it (85, 10, 5 for three types)."""
    if count == 1:
        return [100]
    halves = [2 ** (count - 2 - rank) for rank in range(count - 1)]
    rest = 100 - FIRST_TYPE_SHARE
    return [FIRST_TYPE_SHARE] + [rest * half / sum(halves) for half in halves]


def zipf_choice(rng, values, skew=1.1):
    weights = [1 / (rank + 1) ** skew for rank in range(len(values))]
    return rng.choices(values, weights=weights)[0]


def sentence(rng, words, length):
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def paragraph(rng, words, sentences):
    return " ".join(sentence(rng, words, rng.randint(6, 14)) for _ in range(sentences))


@dataclass
class SyntheticCorpus:
    """Items inserted in bulk, straight into the page tables, as a large hub would hold them."""

    count: int
    seed: int = 2026
    created: dict = field(default_factory=dict)

    def build(self):
        """Insert the items under the index pages of each type (``hub.site_setup.ensure_site``
        makes them); returns ``{type key: how many}``."""
        rng = random.Random(self.seed)
        terms = {
            "services": list(Service.objects.filter(locale__language_code="fr").order_by("sort_order")),
            "regions": list(Region.objects.filter(locale__language_code="fr").order_by("sort_order")),
            "risks": list(Risk.objects.filter(locale__language_code="fr").order_by("sort_order")),
        }
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        required_rows = {Organization: self._organizations(rng)}
        registered = item_types()
        # One of each type first (a hub has them all, however rare), then the weighted mix.
        first = registered[: self.count]
        types = first + rng.choices(
            registered, weights=type_weights(len(registered)), k=self.count - len(first)
        )
        for item_type in registered:
            numbers = [n for n, t in enumerate(types, start=1) if t is item_type]
            parents = {
                language: item_type.index.objects.get(locale=locales[language]) for language in ("fr", "en")
            }
            child_counts = {language: parents[language].get_children_count() for language in parents}
            for start in range(0, len(numbers), CHUNK):
                with transaction.atomic():
                    self._insert_chunk(
                        rng,
                        item_type,
                        numbers[start : start + CHUNK],
                        parents,
                        child_counts,
                        terms,
                        locales,
                        required_rows,
                    )
            self.created[item_type.key] = len(numbers)
        return self.created

    @staticmethod
    def _organizations(rng, count=40):
        """The organizations items name where their type requires one (a register entry's public
        body): the hub's own, or synthetic ones in an empty hub."""
        existing = list(Organization.objects.filter(locale__language_code="fr").values_list("pk", flat=True))
        if existing:
            return existing
        locale = Locale.objects.get(language_code="fr")
        created = Organization.objects.bulk_create(
            [
                Organization(
                    name=f"Organisme synthétique {number}",
                    key=f"organisme-synthetique-{number}",
                    locale=locale,
                )
                for number in range(1, count + 1)
            ]
        )
        return [organization.pk for organization in created]

    def _insert_chunk(self, rng, item_type, numbers, parents, child_counts, terms, locales, required_rows):
        model = item_type.model
        pages, children, relations = [], [], []
        content_type_id = ContentType.objects.get_for_model(model).pk
        prefix = model.id_prefix
        for number in numbers:
            translation_key = uuid.uuid4()
            public_id = f"{prefix}-2026-{number:06d}"
            facets = {
                "services": {zipf_choice(rng, terms["services"]) for _ in range(rng.choice((1, 1, 2)))},
                "regions": {zipf_choice(rng, terms["regions"], 0.8) for _ in range(rng.choice((1, 1, 1, 2)))},
                "risks": set(rng.sample(terms["risks"], rng.choice((0, 1, 1, 2, 3)))),
            }
            reported = date(2019, 1, 1) + timedelta(days=rng.randrange(2900))
            languages = ["fr"] + (["en"] if rng.random() < TRANSLATED_SHARE else [])
            for language in languages:
                words = FRENCH_WORDS if language == "fr" else ENGLISH_WORDS
                title = sentence(rng, words, rng.randint(3, 7))[:-1]
                child_counts[language] += 1
                parent = parents[language]
                page = Page(
                    title=title,
                    draft_title=title,
                    slug=f"{slugify(title)[:40]}-{number}",
                    content_type_id=content_type_id,
                    locale=locales[language],
                    translation_key=translation_key,
                    live=True,
                    depth=parent.depth + 1,
                    path=Page._get_path(parent.path, parent.depth + 1, child_counts[language]),
                    url_path=f"{parent.url_path}{slugify(title)[:40]}-{number}/",
                    first_published_at=datetime.combine(reported, clock_time(12), tzinfo=UTC),
                )
                pages.append(page)
                children.append(child_values(rng, item_type, public_id, words, reported, required_rows))
                relations.append(facets)
        Page.objects.bulk_create(pages, batch_size=1000)
        for language, parent in parents.items():
            Page.objects.filter(pk=parent.pk).update(numchild=child_counts[language])
        _insert_child_rows(model, [(page.pk, values) for page, values in zip(pages, children, strict=True)])
        for name in ("services", "regions", "risks"):
            if not hasattr(model, name):
                continue
            through = getattr(model, name).through
            source, target = _through_columns(through, model)
            through.objects.bulk_create(
                [
                    through(**{f"{source}_id": page.pk, f"{target}_id": term.pk})
                    for page, facets in zip(pages, relations, strict=True)
                    for term in facets[name]
                ],
                batch_size=2000,
            )


def child_values(rng, item_type, public_id, words, reported, required_rows):
    """``{column: value}`` of one item's own table, made from its model's fields: the summaries
    every item has; paragraphs in a stream that takes them; a value of every field with choices,
    one or two keys of every field holding several (``learning``'s ``ChoicesListField``);
    the item's date in every date field; text in every required text field and in the type's
    ``synthetic_text``; one of
    ``required_rows`` (``{model: [pk]}``) in every required relation; and the default (or
    nothing) elsewhere."""
    model = item_type.model
    values = {}
    for model_field in model._meta.local_concrete_fields:
        if model_field.primary_key:
            continue
        name = model_field.name
        if name == "public_id":
            value = public_id
        elif name == "summary":
            value = paragraph(rng, words, 2)
        elif name == "plain_summary":
            value = paragraph(rng, words, 1)
        elif model_field.many_to_one and model_field.editable and not model_field.blank:
            value = rng.choice(required_rows[model_field.related_model])
        elif not model_field.editable or model_field.is_relation:
            value = None if model_field.null else model_field.get_default()
        elif isinstance(model_field, StreamField):
            value = stream_json(rng, model_field, words)
        elif getattr(model_field, "vocabulary", None) is not None:  # several keys of one vocabulary
            keys = [key for key, _label in model_field.vocabulary.choices]
            value = rng.sample(keys, rng.randint(1, min(2, len(keys))))
        elif model_field.choices:
            options = [choice for choice, _label in model_field.flatchoices]
            value = rng.choice(options + [None] if model_field.null else options)
        elif isinstance(model_field, models.DateField):
            value = reported
        elif isinstance(model_field, models.TextField) and (
            not model_field.blank or name in item_type.synthetic_text
        ):
            value = paragraph(rng, words, 1)
        elif isinstance(model_field, models.CharField) and (
            not model_field.blank or name in item_type.synthetic_text
        ):
            value = sentence(rng, words, 2)[: model_field.max_length]
        else:
            value = None if model_field.null else model_field.get_default()
        values[model_field.column] = value
    return values


def stream_json(rng, stream_field, words):
    """A stream of one to three paragraphs, when its blocks include paragraphs; else empty."""
    if "paragraph" not in stream_field.stream_block.child_blocks:
        return "[]"
    return json.dumps(
        [
            {
                "type": "paragraph",
                "value": f"<p>{paragraph(rng, words, rng.randint(2, 5))}</p>",
                "id": str(uuid.uuid4()),
            }
            for _ in range(rng.randint(1, 3))
        ]
    )


def _through_columns(through, model):
    source = next(f.name for f in through._meta.fields if f.related_model is model)
    target = next(
        f.name
        for f in through._meta.fields
        if f.is_relation and f.related_model is not model and f.name != "id"
    )
    return source, target


def _insert_child_rows(model, rows):
    """Rows of a multi-table-inheritance child table, which ``bulk_create`` cannot write."""
    if not rows:
        return
    columns = ["page_ptr_id", *rows[0][1]]
    fields = {f.column: f for f in model._meta.local_concrete_fields}
    sql = f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 2000):
            cursor.executemany(
                sql,
                [
                    [pk]
                    + [
                        value
                        if isinstance(fields[name], StreamField)
                        else fields[name].get_db_prep_save(value, connection)
                        for name, value in values.items()
                    ]
                    for pk, values in rows[start : start + 2000]
                ],
            )
