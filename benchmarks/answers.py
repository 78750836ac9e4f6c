"""The three ways the benchmark answers each query: the JSON API (timed by the command), the
floor (hand-written SQL on the index tables: the least work a search over them can do) and the
naive way (Wagtail's built-in ``search()`` plus one count query per facet value)."""

import statistics
import time

from django.core.exceptions import FieldDoesNotExist
from django.db import OperationalError, connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from wagtail.models import Locale, Page

from hub.items import get_item_type, item_types
from hub.models import Region, Risk, Service
from search.backends.bitmaps import read_state, split, split_facets
from search.backends.embedded import FACET_VALUES, FULLTEXT, ITEMS, TITLES, fulltext_rowid
from search.query import facet_values
from search.text import parse_query
from search.vocabulary import FACETS, all_facets

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


_floor_state = {}  # the index state the facet-value rows were filled at


def fill_floor_facets():
    """Fill the facet-value table the floor counts with (one row per item and value, indexed by
    value) when the index changed since: the search counts on bitmaps, so the index does not
    write it. Done at the first floor answer after a change, which the benchmark does not time."""
    state = read_state()
    key = (connection.alias, connection.settings_dict["NAME"])
    if _floor_state.get(key) == state:
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FACET_VALUES}")
        cursor.execute(
            f"SELECT id, locale, item_type, services, regions, risks, impact_level, type_facets FROM {ITEMS}"
        )
        rows = [
            (item_id, locale, facet, value)
            for item_id, locale, item_type, services, regions, risks, level, declared in cursor.fetchall()
            for facet, value in facet_values(
                item_type, split(services), split(regions), split(risks), level, split_facets(declared)
            )
        ]
        cursor.executemany(
            f"INSERT INTO {FACET_VALUES} (item_id, locale, facet, value) VALUES (%s, %s, %s, %s)", rows
        )
    _floor_state[key] = state


def floor_answer(params, locale="fr", page=1, page_size=20):
    """The same answer as the API, from hand-written SQL on the index tables: the least work a
    search over these tables can do."""
    fill_floor_facets()
    selections = {facet: params[facet] for facet in all_facets() if params.get(facet)}
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
        for facet in all_facets():
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
            content_type__model__in=[get_item_type(v).model._meta.model_name for v in values]
        ),
        "service": lambda values: _pages_with("services", values),
        "region": lambda values: _pages_with("regions", values),
        "risk": lambda values: _pages_with("risks", values),
        "level": lambda values: _items_where("impact_level__in", [int(v) for v in values if v != "none"]),
    }
    selections = {facet: params[facet] for facet in FACETS if params.get(facet)}
    models = [item_type.model for item_type in item_types()]
    base = Page.objects.live().public().filter(locale=language).type(*models)
    if params.get("q"):
        with connection.cursor() as cursor:
            cursor.execute("CREATE TEMP TABLE IF NOT EXISTS naive_matches (page_id integer PRIMARY KEY)")
            cursor.execute("DELETE FROM naive_matches")
            for model in models:
                found = model.objects.live().filter(locale=language).search(params["q"], operator="and")
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
        "type": [item_type.key for item_type in item_types()],
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
    """Items of any type related to the taxonomy terms with these keys."""
    return _items_where(f"{relation}__key__in", keys)


def _items_where(lookup, value):
    """Items of any type whose model has the field ``lookup`` starts with, matching it."""
    condition = Q(pk__in=[])
    for item_type in item_types():
        model = item_type.model
        try:
            model._meta.get_field(lookup.split("__")[0])
        except FieldDoesNotExist:
            continue
        condition |= Q(pk__in=model.objects.filter(**{lookup: value}).values("pk"))
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
