"""The embedded backend: the index lives in the project's database, no search server needed.

Three SQL statements answer a search, however many results or facet values there are: the
total, one page of hits, and every facet's disjunctive counts in one UNION ALL of index-only
GROUP BYs. Text matching uses FTS5 on SQLite and a tsvector on PostgreSQL, both over terms
analysed by ``search.text`` so that the two databases give the same answers."""

from datetime import date

from django.db import connection, transaction

from ..models import IndexedFacetValue, IndexedItem
from ..query import FACETS, NOT_ASSESSED, SearchResults
from ..text import analyze, fold

ITEMS = IndexedItem._meta.db_table
FACET_VALUES = IndexedFacetValue._meta.db_table
FULLTEXT = "search_fulltext"
TITLE_WEIGHT = 10.0
HIT_COLUMNS = (
    "public_id",
    "item_type",
    "locale",
    "content_locale",
    "page_id",
    "title",
    "summary",
    "plain_summary",
    "url",
    "services",
    "regions",
    "risks",
    "impact_level",
    "status",
    "date",
)


def facet_rows(document):
    """(facet, value) pairs of a document, as stored and counted."""
    rows = [("type", document["type"])]
    rows += [("service", key) for key in document["services"]]
    rows += [("region", key) for key in document["regions"]]
    rows += [("risk", key) for key in document["risks"]]
    level = document["impact_level"]
    rows.append(("level", str(level) if level else NOT_ASSESSED))
    return rows


class EmbeddedBackend:
    name = "embedded"

    @property
    def vendor(self):
        return connection.vendor

    # --- Writing ----------------------------------------------------------------------------

    @transaction.atomic
    def replace(self, public_ids, documents):
        """Make the index hold exactly ``documents`` for the items ``public_ids``."""
        public_ids = set(public_ids) | {document["id"] for document in documents}
        self._delete_items(IndexedItem.objects.filter(public_id__in=public_ids).values_list("pk", flat=True))
        self._insert(documents)

    @transaction.atomic
    def delete_keys(self, keys):
        """Remove the documents with these ``(public_id, locale)`` keys."""
        pks = [
            pk
            for pk, public_id, locale in IndexedItem.objects.filter(
                public_id__in={public_id for public_id, _locale in keys}
            ).values_list("pk", "public_id", "locale")
            if (public_id, locale) in keys
        ]
        self._delete_items(pks)

    @transaction.atomic
    def clear(self):
        IndexedFacetValue.objects.all().delete()
        IndexedItem.objects.all().delete()
        if self.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FULLTEXT}")

    def bulk_load(self, documents):
        """Add documents to an index known not to hold them (a rebuild)."""
        with transaction.atomic():
            self._insert(documents)

    def stored_fingerprints(self):
        return {
            (public_id, locale): stored
            for public_id, locale, stored in IndexedItem.objects.values_list(
                "public_id", "locale", "fingerprint"
            )
        }

    def _delete_items(self, pks):
        pks = list(pks)
        if not pks:
            return
        for start in range(0, len(pks), 500):
            chunk = pks[start : start + 500]
            IndexedFacetValue.objects.filter(item_id__in=chunk).delete()
            IndexedItem.objects.filter(pk__in=chunk).delete()
            if self.vendor == "sqlite":
                with connection.cursor() as cursor:
                    marks = ", ".join(["%s"] * len(chunk))
                    cursor.execute(f"DELETE FROM {FULLTEXT} WHERE rowid IN ({marks})", chunk)

    def _insert(self, documents):
        documents = list(documents)
        if not documents:
            return
        analysed = {}  # an untranslated item's two documents share one page's text
        items = []
        for document in documents:
            if document["page_id"] not in analysed:
                body = "\n".join(
                    (document["summary"], document["plain_summary"], document["body"], document["id"])
                )
                analysed[document["page_id"]] = (
                    " ".join(analyze(document["title"])),
                    " ".join(analyze(body)),
                )
            title_terms, body_terms = analysed[document["page_id"]]
            items.append(
                IndexedItem(
                    public_id=document["id"],
                    locale=document["locale"],
                    item_type=document["type"],
                    content_locale=document["content_locale"],
                    page_id=document["page_id"],
                    title=document["title"],
                    sort_title=fold(document["title"])[:255],
                    summary=document["summary"],
                    plain_summary=document["plain_summary"],
                    url=document["url"],
                    services="|".join(document["services"]),
                    regions="|".join(document["regions"]),
                    risks="|".join(document["risks"]),
                    impact_level=document["impact_level"],
                    status=document["status"],
                    date=date.fromisoformat(document["date"]),
                    title_terms=title_terms,
                    body_terms=body_terms,
                    fingerprint=document["fingerprint"],
                )
            )
        items = IndexedItem.objects.bulk_create(items, batch_size=500)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FACET_VALUES} (item_id, locale, facet, value) VALUES (%s, %s, %s, %s)",
                [
                    (item.pk, item.locale, facet, value)
                    for item, document in zip(items, documents, strict=True)
                    for facet, value in facet_rows(document)
                ],
            )
            if self.vendor == "sqlite":
                cursor.executemany(
                    f"INSERT INTO {FULLTEXT}(rowid, title_terms, body_terms) VALUES (%s, %s, %s)",
                    [(item.pk, item.title_terms, item.body_terms) for item in items],
                )
            else:
                for start in range(0, len(items), 500):
                    chunk = [item.pk for item in items[start : start + 500]]
                    cursor.execute(
                        f"UPDATE {ITEMS} SET search_vector = "
                        "setweight(to_tsvector('simple', title_terms), 'A') || "
                        "setweight(to_tsvector('simple', body_terms), 'B') "
                        "WHERE id = ANY(%s)",
                        [chunk],
                    )

    # --- Reading ----------------------------------------------------------------------------

    def search(self, query, with_facets=True):
        parsed = query.parsed
        text_filter = self._text_filter(parsed) if parsed else None
        filters = [("i.locale = %s", [query.locale])]
        if text_filter:
            filters.append(text_filter)
        facet_filters = {
            facet: self._facet_filter(query.locale, facet, values) for facet, values in query.selections
        }
        where, params = self._where(filters + list(facet_filters.values()))

        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {ITEMS} i WHERE {where}", params)
            count = cursor.fetchone()[0]
            hits = []
            if query.offset < count:
                join, join_params, order = self._ordering(query.effective_sort, parsed)
                cursor.execute(
                    f"SELECT {', '.join('i.' + column for column in HIT_COLUMNS)} FROM {ITEMS} i {join} "
                    f"WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s",
                    join_params + params + [query.page_size, query.offset],
                )
                hits = [self._hit(row) for row in cursor.fetchall()]
            facet_counts = (
                self._facet_counts(cursor, query, text_filter, facet_filters) if with_facets else {}
            )
        return SearchResults(query=query, count=count, hits=hits, facet_counts=facet_counts)

    @staticmethod
    def _where(filters):
        return " AND ".join(sql for sql, _params in filters), [p for _sql, params in filters for p in params]

    def _text_filter(self, parsed):
        """Items whose analysed text holds every term and phrase."""
        if self.vendor == "sqlite":
            return f"i.id IN (SELECT rowid FROM {FULLTEXT} WHERE {FULLTEXT} MATCH %s)", [
                self._fts_match(parsed)
            ]
        return "i.search_vector @@ to_tsquery('simple', %s)", [self._tsquery(parsed)]

    @staticmethod
    def _fts_match(parsed):
        return " AND ".join(
            [f'"{term}"' for term in parsed.terms] + [f'"{" ".join(phrase)}"' for phrase in parsed.phrases]
        )

    @staticmethod
    def _tsquery(parsed):
        return " & ".join(
            list(parsed.terms) + ["(" + " <-> ".join(phrase) + ")" for phrase in parsed.phrases]
        )

    def _ordering(self, sort, parsed):
        """(join, its parameters, ORDER BY) for a sort; relevance weighs title matches above body ones."""
        newest = "i.date DESC, i.public_id DESC"
        if sort == "relevance" and parsed:
            if self.vendor == "sqlite":
                join = (
                    f"JOIN (SELECT rowid AS item_id, bm25({FULLTEXT}, {TITLE_WEIGHT}, 1.0) AS score "
                    f"FROM {FULLTEXT} WHERE {FULLTEXT} MATCH %s) t ON t.item_id = i.id"
                )
                return join, [self._fts_match(parsed)], f"t.score ASC, {newest}"
            join = "CROSS JOIN to_tsquery('simple', %s) AS q(query)"
            return join, [self._tsquery(parsed)], f"ts_rank(i.search_vector, q.query) DESC, {newest}"
        if sort == "oldest":
            return "", [], "i.date ASC, i.public_id ASC"
        if sort == "title":
            return "", [], "i.sort_title ASC, i.public_id ASC"
        return "", [], newest

    @staticmethod
    def _facet_filter(locale, facet, values):
        marks = ", ".join(["%s"] * len(values))
        return (
            f"i.id IN (SELECT item_id FROM {FACET_VALUES} WHERE locale = %s AND facet = %s AND value IN ({marks}))",
            [locale, facet, *values],
        )

    def _facet_counts(self, cursor, query, text_filter, facet_filters):
        """Each facet counted under the text and every other facet's selection, not its own: one
        UNION ALL of index-only GROUP BYs."""
        parts, params = [], []
        for facet in FACETS:
            scope = [text_filter] if text_filter else []
            scope += [facet_filter for name, facet_filter in facet_filters.items() if name != facet]
            sql = f"SELECT f.facet, f.value, COUNT(*) FROM {FACET_VALUES} f WHERE f.locale = %s AND f.facet = %s"
            params += [query.locale, facet]
            if scope:
                where, scope_params = self._where([("i.locale = %s", [query.locale]), *scope])
                sql += f" AND f.item_id IN (SELECT i.id FROM {ITEMS} i WHERE {where})"
                params += scope_params
            parts.append(sql + " GROUP BY f.facet, f.value")
        cursor.execute(" UNION ALL ".join(parts), params)
        counts = {facet: {} for facet in FACETS}
        for facet, value, number in cursor.fetchall():
            counts[facet][value] = number
        return counts

    @staticmethod
    def _hit(row):
        hit = dict(zip(HIT_COLUMNS, row, strict=True))
        for name in ("services", "regions", "risks"):
            hit[name] = [key for key in hit[name].split("|") if key]
        if isinstance(hit["date"], str):
            hit["date"] = date.fromisoformat(hit["date"])
        return hit
