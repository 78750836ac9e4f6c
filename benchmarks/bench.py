"""The search benchmark: synthetic items in a temporary database, a fixed mix of queries, and
three ways to answer each: the JSON API, the floor (hand-written SQL on the same tables) and the
naive way (Wagtail's built-in ``search()`` plus one count query per facet value)."""

import json
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time

from django.db import OperationalError, connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.text import slugify
from wagtail.models import Locale, Page

from hub.models import Region, Risk, Service
from search.backends.embedded import FACET_VALUES, FULLTEXT, ITEMS, TITLES, fulltext_rowid
from search.documents import INDEX_TYPES, ITEM_TYPES, item_model
from search.text import parse_query

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
TYPE_WEIGHTS = {"casefile": 85, "brief": 10, "agreement": 5}
TRANSLATED_SHARE = 0.3
CHUNK = 5000


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

    def build(self, site_pages):
        rng = random.Random(self.seed)
        terms = {
            "services": list(Service.objects.filter(locale__language_code="fr").order_by("sort_order")),
            "regions": list(Region.objects.filter(locale__language_code="fr").order_by("sort_order")),
            "risks": list(Risk.objects.filter(locale__language_code="fr").order_by("sort_order")),
        }
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        types = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()), k=self.count)
        for item_type in ITEM_TYPES:
            numbers = [n for n, t in enumerate(types, start=1) if t == item_type]
            parents = {language: site_pages[language][INDEX_TYPES[item_type]] for language in ("fr", "en")}
            child_counts = {language: parents[language].get_children_count() for language in parents}
            for start in range(0, len(numbers), CHUNK):
                with transaction.atomic():
                    self._insert_chunk(
                        rng, item_type, numbers[start : start + CHUNK], parents, child_counts, terms, locales
                    )
            self.created[item_type] = len(numbers)
        return self.created

    def _insert_chunk(self, rng, item_type, numbers, parents, child_counts, terms, locales):
        model = item_model(item_type)
        pages, children, relations = [], [], []
        content_type_id = _content_type_id(model)
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
                children.append(self._child_values(rng, item_type, public_id, words, reported))
                relations.append((item_type, facets))
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
                    for page, (_type, facets) in zip(pages, relations, strict=True)
                    for term in facets[name]
                ],
                batch_size=2000,
            )

    @staticmethod
    def _child_values(rng, item_type, public_id, words, reported):
        body = json.dumps(
            [
                {
                    "type": "paragraph",
                    "value": f"<p>{paragraph(rng, words, rng.randint(2, 5))}</p>",
                    "id": str(uuid.uuid4()),
                }
                for _ in range(rng.randint(1, 3))
            ]
        )
        values = {
            "public_id": public_id,
            "summary": paragraph(rng, words, 2),
            "plain_summary": paragraph(rng, words, 1),
            "plain_summary_score": None,
            "plain_summary_level": "",
            "change_note": "",
        }
        if item_type == "casefile":
            values.update(
                municipality="",
                impact_level=rng.choice((1, 2, 2, 3, 3, 4, None)),
                agency_id=None,
                ai_system=sentence(rng, words, 2)[:-1],
                vendor_id=None,
                decision_role="",
                automation=rng.choice(("fully-automated", "human-in-the-loop", "advisory")),
                status=rng.choice(("planned", "pilot", "deployed", "deployed", "suspended", "retired")),
                first_reported=reported,
                body=body,
            )
        elif item_type == "brief":
            values.update(
                publication_date=reported, version="1.0", body=body, recommendations="[]", pdf_id=None
            )
        else:
            values.update(
                scope=paragraph(rng, words, 1),
                citizen_role=paragraph(rng, words, 1),
                commitments="[]",
                start_date=reported,
                end_date=None,
                status=rng.choice(("negotiating", "signed", "in-force")),
                signed_document_id=None,
            )
        return values


def _content_type_id(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


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
                        if name in ("body", "recommendations", "commitments")
                        else fields[name].get_db_prep_save(value, connection)
                        for name, value in values.items()
                    ]
                    for pk, values in rows[start : start + 2000]
                ],
            )


# --- The three ways of answering ---------------------------------------------------------------

QUERY_MIX = {
    "no filter": {},
    "one facet": {"service": ["sante"]},
    "three facets": {
        "service": ["sante", "services-sociaux"],
        "region": ["montreal", "laval", "capitale-nationale"],
        "risk": ["discrimination", "vie-privee"],
    },
    "text only": {"q": "algorithme"},
    "text + facets": {"q": "évaluation demande", "service": ["sante", "habitation"], "region": ["montreal"]},
    "deep page": {"page": "deep"},
}
FACET_COLUMNS = ("type", "service", "region", "risk", "level")


def floor_answer(params, locale="fr", page=1, page_size=20):
    """The same answer as the API, from hand-written SQL on the index tables: the least work a
    search over these tables can do."""
    selections = {facet: params[facet] for facet in FACET_COLUMNS if params.get(facet)}
    parsed = parse_query(params.get("q", ""))
    text_sql, text_params = "", []
    if parsed:
        match = " AND ".join(
            [f'"{term}"' for term in parsed.terms] + [f'"{" ".join(phrase)}"' for phrase in parsed.phrases]
        )
        if connection.vendor == "sqlite":
            low = fulltext_rowid(0, locale)
            text_sql = f" AND i.id + {low} IN (SELECT rowid FROM {FULLTEXT} WHERE {FULLTEXT} MATCH %s)"
            text_params = [match]
        else:
            text_sql = " AND i.search_vector @@ to_tsquery('simple', %s)"
            text_params = [" & ".join(parsed.terms)]

    def facet_sql(skip=None):
        sql, values = "", []
        for facet, chosen in selections.items():
            if facet != skip:
                marks = ", ".join(["%s"] * len(chosen))
                sql += f" AND i.id IN (SELECT item_id FROM {FACET_VALUES} WHERE locale = %s AND facet = %s AND value IN ({marks}))"
                values += [locale, facet, *chosen]
        return sql, values

    where_sql, where_params = facet_sql()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {ITEMS} i WHERE i.locale = %s{text_sql}{where_sql}",
            [locale, *text_params, *where_params],
        )
        count = cursor.fetchone()[0]
        if parsed and connection.vendor == "sqlite":
            title_match = " AND ".join(
                [f'"{term}"' for term in parsed.terms]
                + [f'"{" ".join(phrase)}"' for phrase in parsed.phrases]
            )
            cursor.execute(
                f"SELECT i.public_id FROM {ITEMS} i WHERE i.locale = %s{text_sql}{where_sql} "
                f"ORDER BY (i.id + {fulltext_rowid(0, locale)} IN (SELECT rowid FROM {TITLES} WHERE {TITLES} MATCH %s)) DESC, "
                "i.date DESC, i.public_id DESC LIMIT %s OFFSET %s",
                [locale, *text_params, *where_params, title_match, page_size, (page - 1) * page_size],
            )
        elif parsed:
            title_query = " & ".join(f"{term}:A" for term in parsed.terms)
            cursor.execute(
                f"SELECT i.public_id FROM {ITEMS} i WHERE i.locale = %s{text_sql}{where_sql} "
                "ORDER BY (i.search_vector @@ to_tsquery('simple', %s)) DESC, i.date DESC, i.public_id DESC "
                "LIMIT %s OFFSET %s",
                [locale, *text_params, *where_params, title_query, page_size, (page - 1) * page_size],
            )
        else:
            cursor.execute(
                f"SELECT i.public_id FROM {ITEMS} i WHERE i.locale = %s{where_sql} "
                "ORDER BY i.date DESC, i.public_id DESC LIMIT %s OFFSET %s",
                [locale, *where_params, page_size, (page - 1) * page_size],
            )
        ids = [row[0] for row in cursor.fetchall()]
        facets = {}
        for facet in FACET_COLUMNS:
            other_sql, other_params = facet_sql(skip=facet)
            if text_sql or other_sql:
                cursor.execute(
                    f"SELECT value, COUNT(*) FROM {FACET_VALUES} WHERE locale = %s AND facet = %s AND item_id IN "
                    f"(SELECT i.id FROM {ITEMS} i WHERE i.locale = %s{text_sql}{other_sql}) GROUP BY value",
                    [locale, facet, locale, *text_params, *other_params],
                )
            else:
                cursor.execute(
                    f"SELECT value, COUNT(*) FROM {FACET_VALUES} WHERE locale = %s AND facet = %s GROUP BY value",
                    [locale, facet],
                )
            facets[facet] = dict(cursor.fetchall())
    return count, ids, facets


def naive_answer(params, locale="fr", page=1, page_size=20):
    """What a first version would do: Wagtail's ``search()`` for the text, the ORM for filters,
    and one COUNT query per facet value."""
    language = Locale.objects.get(language_code=locale)
    facet_filters = {
        "type": lambda values: Q(
            content_type__model__in=[ITEM_TYPES[v].split(".")[1].lower() for v in values]
        ),
        "service": lambda values: _pages_with("services", values),
        "region": lambda values: _pages_with("regions", values),
        "risk": lambda values: _pages_with("risks", values),
        "level": lambda values: Q(
            pk__in=item_model("casefile")
            .objects.filter(impact_level__in=[int(v) for v in values if v != "none"])
            .values("pk")
        ),
    }
    selections = {facet: params[facet] for facet in FACET_COLUMNS if params.get(facet)}
    base = Page.objects.live().public().filter(locale=language).type(*[item_model(t) for t in ITEM_TYPES])
    if params.get("q"):
        with connection.cursor() as cursor:
            cursor.execute("CREATE TEMP TABLE IF NOT EXISTS naive_matches (page_id integer PRIMARY KEY)")
            cursor.execute("DELETE FROM naive_matches")
            for item_type in ITEM_TYPES:
                found = (
                    item_model(item_type)
                    .objects.live()
                    .filter(locale=language)
                    .search(params["q"], operator="and")
                )
                cursor.executemany("INSERT INTO naive_matches VALUES (%s)", [(match.pk,) for match in found])
        base = base.filter(pk__in=RawSQL("SELECT page_id FROM naive_matches", []))

    def scoped(skip=None):
        queryset = base
        for facet, chosen in selections.items():
            if facet != skip:
                queryset = queryset.filter(facet_filters[facet](chosen))
        return queryset

    everything = scoped()
    count = everything.count()
    ids = list(
        everything.order_by("-first_published_at").values_list("pk", flat=True)[
            (page - 1) * page_size : page * page_size
        ]
    )
    vocabulary = {
        "type": list(ITEM_TYPES),
        "service": list(Service.objects.filter(locale__language_code="fr").values_list("key", flat=True)),
        "region": list(Region.objects.filter(locale__language_code="fr").values_list("key", flat=True)),
        "risk": list(Risk.objects.filter(locale__language_code="fr").values_list("key", flat=True)),
        "level": ["1", "2", "3", "4"],
    }
    facets = {
        facet: {value: scoped(skip=facet).filter(facet_filters[facet]([value])).count() for value in values}
        for facet, values in vocabulary.items()
    }
    return count, ids, facets


def _pages_with(relation, keys):
    condition = Q(pk__in=[])
    for item_type in ITEM_TYPES:
        model = item_model(item_type)
        if hasattr(model, relation):
            condition |= Q(pk__in=model.objects.filter(**{f"{relation}__key__in": keys}).values("pk"))
    return condition


def naive_timed(params, page, limit_seconds):
    """The naive way's time in ms, or None when it ran past ``limit_seconds`` and was stopped."""
    deadline = time.perf_counter() + limit_seconds
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection.connection.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10_000)
    else:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [int(limit_seconds * 1000)])
    try:
        elapsed = timed(naive_answer, params, page=page)
    except OperationalError:
        return None
    finally:
        if connection.vendor == "sqlite":
            connection.connection.set_progress_handler(None, 0)
        else:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
    return elapsed if elapsed <= limit_seconds * 1000 else None


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def summarize(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
