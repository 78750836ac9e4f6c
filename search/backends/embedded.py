"""The embedded backend: the index lives in the project's database, no search server needed.

A search is at most four SQL statements, however many results or facet values there are: the
index's state and the changes since the bitmaps were read, the items matching rare words and
phrases (and those matching them in their titles, for relevance), and one page of hits. Filters,
disjunctive facet counts, frequent words and paging work on bitmaps (``bitmaps.py``). Text
matching uses FTS5 on SQLite and a tsvector on PostgreSQL, both over terms analysed by
``search.text``, so that the two databases give the same answers; a frequent word's bitmaps are
what SQL answers for it alone, kept in memory after its first search."""

from contextlib import contextmanager
from datetime import date, datetime

from django.conf import settings
from django.db import connection

from hub.write_locks import exclusive

from ..models import IndexedFacetValue, IndexedItem
from ..query import SORTS, SearchResults
from ..text import ParsedQuery, document_terms, fold
from ..vocabulary import matches_all
from . import learned_terms
from .base import SearchBackend, chunked
from .bitmaps import (
    FREQUENT_TERM,
    StaleSnapshot,
    joined_pairs,
    log_changes,
    ordinals_by_rank,
    restart_log,
    snapshot,
    split,
    stored_instant,
)

ITEMS = IndexedItem._meta.db_table
FACET_VALUES = IndexedFacetValue._meta.db_table
FULLTEXT = "search_fulltext"
TITLES = "search_titles"
# Full-text rows of each language live in their own rowid range, so that a match scans one
# language's entries only: rowid = language's position × LOCALE_STRIDE + item id.
LOCALE_STRIDE = 2**40
LOCALE_POSITIONS = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
ITEM_COLUMNS = (
    "public_id",
    "locale",
    "item_type",
    "content_locale",
    "page_id",
    "title",
    "sort_title",
    "summary",
    "plain_summary",
    "url",
    "services",
    "regions",
    "risks",
    "impact_level",
    "status",
    "date",
    "updated",
    "published",
    "type_facets",
    "ranks",
    "title_terms",
    "body_terms",
    "fingerprint",
)
TITLE_TERMS, BODY_TERMS = ITEM_COLUMNS.index("title_terms"), ITEM_COLUMNS.index("body_terms")
# Rows per INSERT statement: 23 values each, under SQLite's 32,766 parameters (PostgreSQL adds 2).
INSERT_BATCH = 1000
# The page cache of a rebuild's connection on SQLite, in KiB: the index being written stays in it.
LOAD_CACHE_KIB = 256 * 1024
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
    "updated",
)
# A search the index changed under starts again on the new state, this many times at most; the
# last try answers with what it finds (leaving out rows written or deleted meanwhile).
SEARCH_ATTEMPTS = 3


def fulltext_rowid(item_id, locale):
    return LOCALE_POSITIONS[locale] * LOCALE_STRIDE + item_id


class EmbeddedBackend(SearchBackend):
    name = "embedded"

    @property
    def vendor(self):
        return connection.vendor

    # --- Writing ----------------------------------------------------------------------------

    def replace(self, public_ids, documents):
        """Make the index hold exactly ``documents`` for the items ``public_ids``."""
        public_ids = set(public_ids) | {document["id"] for document in documents}
        with exclusive("search_index"):
            removed = self._delete_items(
                IndexedItem.objects.filter(public_id__in=public_ids).values_list("pk", flat=True)
            )
            added = self._insert(documents)
            log_changes(removed + added)

    def delete_keys(self, keys):
        """Remove the documents with these ``(public_id, locale)`` keys."""
        with exclusive("search_index"):
            pks = [
                pk
                for pk, public_id, locale in IndexedItem.objects.filter(
                    public_id__in={public_id for public_id, _locale in keys}
                ).values_list("pk", "public_id", "locale")
                if (public_id, locale) in keys
            ]
            log_changes(self._delete_items(pks))

    def clear(self):
        with exclusive("search_index"):
            restart_log()
            self._empty()

    def bulk_load(self, documents):
        """Add documents to an index known not to hold them: every process then reads the index
        again rather than apply a change per item."""
        with exclusive("search_index"):
            restart_log()
            self._insert(documents)

    def rebuild(self, documents, chunk_size=1000):
        """Replace the whole index with ``documents`` (see ``rebuild_rows``)."""
        return self.rebuild_rows(self.item_rows(chunk) for chunk in chunked(documents, chunk_size))

    def rebuild_rows(self, chunks):
        """Replace the whole index with ``chunks`` of rows made by ``item_rows`` (in worker
        processes, ``search.parallel``), in one transaction: searches answer from the old index
        until it commits, and a rebuild that fails leaves it whole. On SQLite the items table's
        own indexes are dropped during the load and made again once, from the sorted rows."""
        count = 0
        with exclusive("search_index"), self._loading():
            restart_log()
            self._empty()
            for rows in chunks:
                self._insert_rows(rows)
                count += len(rows)
        return count

    def stored_fingerprints(self):
        return {
            (public_id, locale): stored
            for public_id, locale, stored in IndexedItem.objects.values_list(
                "public_id", "locale", "fingerprint"
            )
        }

    def _empty(self):
        """Delete every row. SQLite's full-text tables are dropped and made again from their own
        definition (``sqlite_master``): deleting their rows reads each one back to unindex it."""
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FACET_VALUES}")
            cursor.execute(f"DELETE FROM {ITEMS}")
            if self.vendor == "sqlite":
                for table in (FULLTEXT, TITLES):
                    cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
                    (definition,) = cursor.fetchone()
                    cursor.execute(f"DROP TABLE {table}")
                    cursor.execute(definition)

    @contextmanager
    def _loading(self):
        """On SQLite, for a rebuild's transaction: a page cache that holds the index being
        written, and the items table's indexes made once after the load rather than kept
        row by row (their definitions come from ``sqlite_master``, as the migrations made them).
        PostgreSQL keeps its indexes: dropping one would lock searches out until the commit."""
        if self.vendor != "sqlite":
            yield
            return
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            (cache_size,) = cursor.fetchone()
            cursor.execute(f"PRAGMA cache_size = {-LOAD_CACHE_KIB}")
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
                [ITEMS],
            )
            indexes = cursor.fetchall()
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        yield
        # A rebuild that fails rolls the indexes' removal back with the rest; its connection keeps
        # the larger cache until it closes.
        with connection.cursor() as cursor:
            for _name, definition in indexes:
                cursor.execute(definition)
            cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")

    def _delete_items(self, pks):
        """Delete these item rows; returns their changes for the log, ``(locale, pk, False)``."""
        pks = list(pks)
        removed = []
        for start in range(0, len(pks), 500):
            chunk = pks[start : start + 500]
            rows = list(IndexedItem.objects.filter(pk__in=chunk).values_list("pk", "locale"))
            removed += [(locale, pk, False) for pk, locale in rows]
            if self.vendor == "sqlite":
                rowids = [fulltext_rowid(pk, locale) for pk, locale in rows]
                with connection.cursor() as cursor:
                    marks = ", ".join(["%s"] * len(rowids))
                    for table in (FULLTEXT, TITLES):
                        cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", rowids)
            IndexedFacetValue.objects.filter(item_id__in=chunk).delete()  # the floor's rows (models.py)
            IndexedItem.objects.filter(pk__in=chunk).delete()
        return removed

    def _insert(self, documents):
        return self._insert_rows(self.item_rows(documents))

    def _insert_rows(self, rows):
        """Insert item rows with plain multi-row INSERTs (the ORM's per-field work costs more than
        the database's at this volume); returns their changes for the log, ``(locale, pk, True)``."""
        ids = {}  # (public id, locale) → the row's id: RETURNING promises no order
        row_values = self._row_values
        with connection.cursor() as cursor:
            for start in range(0, len(rows), INSERT_BATCH):
                batch = rows[start : start + INSERT_BATCH]
                cursor.execute(
                    f"INSERT INTO {ITEMS} ({self._columns}) VALUES "
                    + ", ".join([self._row_marks] * len(batch))
                    + " RETURNING id, public_id, locale",
                    [value for row in batch for value in row_values(row)],
                )
                ids.update({(public_id, locale): pk for pk, public_id, locale in cursor.fetchall()})
            inserted = [(ids[row[0], row[1]], row[1], row[TITLE_TERMS], row[BODY_TERMS]) for row in rows]
            if self.vendor == "sqlite":
                cursor.executemany(
                    f"INSERT INTO {FULLTEXT}(rowid, title_terms, body_terms) VALUES (%s, %s, %s)",
                    [(fulltext_rowid(pk, locale), title, body) for pk, locale, title, body in inserted],
                )
                cursor.executemany(
                    f"INSERT INTO {TITLES}(rowid, title_terms) VALUES (%s, %s)",
                    [(fulltext_rowid(pk, locale), title) for pk, locale, title, _body in inserted],
                )
        return [(locale, pk, True) for pk, locale, _title, _body in inserted]

    @staticmethod
    def item_rows(documents):
        """The items table's values (``ITEM_COLUMNS``) of each document, in the database's format:
        the text analysis a rebuild's workers do for the parent."""
        analysed = {}  # an untranslated item's two documents share one page's text
        adapt_date, adapt_instant = (
            connection.ops.adapt_datefield_value,
            connection.ops.adapt_datetimefield_value,
        )
        rows = []
        for document in documents:
            if document["page_id"] not in analysed:
                analysed[document["page_id"]] = document_terms(document)
            title_terms, body_terms = analysed[document["page_id"]]
            rows.append(
                (
                    document["id"],
                    document["locale"],
                    document["type"],
                    document["content_locale"],
                    document["page_id"],
                    document["title"],
                    fold(document["title"])[:255],
                    document["summary"],
                    document["plain_summary"],
                    document["url"],
                    "|".join(document["services"]),
                    "|".join(document["regions"]),
                    "|".join(document["risks"]),
                    document["impact_level"],
                    document["status"],
                    adapt_date(date.fromisoformat(document["date"])),
                    adapt_instant(datetime.fromisoformat(document["updated"])),
                    adapt_date(date.fromisoformat(document["published"])) if document["published"] else None,
                    joined_pairs(document.get("type_facets", {})),
                    joined_pairs(document.get("ranks", {})),
                    title_terms,
                    body_terms,
                    document["fingerprint"],
                )
            )
        return rows

    @property
    def _columns(self):
        columns = ", ".join(ITEM_COLUMNS)
        return columns if self.vendor == "sqlite" else f"{columns}, search_vector"

    @property
    def _row_marks(self):
        marks = ", ".join(["%s"] * len(ITEM_COLUMNS))
        if self.vendor == "sqlite":
            return f"({marks})"
        # PostgreSQL: the weighted tsvector written with the row. A placeholder after the title,
        # removed once the two parts are joined, leaves a gap so that a phrase never runs from the
        # title into the body (as in FTS5 and Elasticsearch, where they are separate fields). It is
        # a stop word, so no analysed text ever holds it.
        return (
            f"({marks}, ts_delete(setweight(to_tsvector('simple', %s || ' the'), 'A') || "
            "setweight(to_tsvector('simple', %s), 'B'), 'the'))"
        )

    @property
    def _row_values(self):
        """The statement's values for one row: PostgreSQL's tsvector reads the terms again."""
        if self.vendor == "sqlite":
            return lambda row: row
        return lambda row: (*row, row[TITLE_TERMS], row[BODY_TERMS])

    # --- Reading ----------------------------------------------------------------------------

    def warm(self):
        """Read each language's bitmaps now (about a second at 100,000 items) rather than on the
        first search of this process."""
        for code, _name in settings.LANGUAGES:
            snapshot(code)

    def search(self, query, with_facets=True):
        """Match the text in SQL once, then filter, count and page with the facet bitmaps. The
        bitmaps are read before the rows: if an index write commits in between (a publication, an
        import), the search starts again on the new state rather than fail or miss the items
        rewritten."""
        for attempt in range(1, SEARCH_ATTEMPTS + 1):
            try:
                return self._search(query, with_facets, strict=attempt < SEARCH_ATTEMPTS)
            except StaleSnapshot:
                continue

    def matching_public_ids(self, query):
        """The matches' bitmap, as a search makes it, read as public ids in one statement over the
        language's rows (no page of hits is built)."""
        snap = snapshot(query.locale)
        matches = snap.universe
        if query.parsed:
            matches, _titles = self._text(snap, query.locale, query.parsed, False, strict=False)
        for facet, values in query.selections:
            matches &= snap.selection(facet, values)
        item_ids = {snap.item_ids[ordinal] for ordinal in snap.in_date_order(matches, 0, matches.bit_count())}
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, public_id FROM {ITEMS} WHERE locale = %s", [query.locale])
            return {public_id for item_id, public_id in cursor.fetchall() if item_id in item_ids}

    def _search(self, query, with_facets, strict):
        snap = snapshot(query.locale)
        parsed = query.parsed
        text = snap.universe
        in_title = 0
        if parsed:
            text, in_title = self._text(
                snap, query.locale, parsed, query.effective_sort == "relevance", strict
            )
        every = {facet for facet, _values in query.selections if matches_all(facet)}
        selected = {
            facet: snap.selection(facet, values, facet in every) for facet, values in query.selections
        }
        matches = text
        for bitmap in selected.values():
            matches &= bitmap
        count = matches.bit_count()
        hits = []
        if query.offset < count:
            ordinals = self._page(snap, matches, in_title & matches, query)
            hits = self._fetch_hits([snap.item_ids[ordinal] for ordinal in ordinals], strict)
        facet_counts = {}
        if with_facets:
            for facet in query.counted_facets:
                scope = text
                for other, bitmap in selected.items():
                    # A facet's counts ignore its own selection (any of them may be added),
                    # unless its values must all hold: then each count narrows the results.
                    if other != facet or facet in every:
                        scope &= bitmap
                facet_counts[facet] = snap.counts(facet, scope)
        return SearchResults(query=query, count=count, hits=hits, facet_counts=facet_counts)

    def _text(self, snap, locale, parsed, with_titles, strict):
        """(items matching every term and phrase, those matching them all in their title when
        ``with_titles``, else 0). A frequent term is an AND with its bitmaps, kept in the snapshot
        after its first search; rare terms and phrases go to SQL, which returns few ids for them.
        A term is looked up alone the first time, to learn which kind it is."""
        matches, titles = snap.universe, snap.universe if with_titles else 0
        rare = []
        for term in parsed.terms:
            known = snap.terms.get(term)
            if known is None and term not in snap.rare_terms:
                known = self._learn(snap, locale, term, strict)
            if known is None:
                rare.append(term)
            else:
                matches &= known[0]
                titles &= known[1]
        rest = ParsedQuery(terms=tuple(rare), phrases=parsed.phrases)
        if rest:
            matches &= snap.bitmap_of_items(self._matching_ids(locale, rest), strict)
            if with_titles:
                titles &= snap.bitmap_of_items(self._matching_ids(locale, rest, title_only=True), strict)
        return matches, titles

    def _learn(self, snap, locale, term, strict):
        """A term's (bitmap, bitmap of titles) when it is frequent, remembered by the snapshot;
        None when it is rare (remembered too). A frequent term's matches are shared with the
        other processes (``learned_terms``): one of them learns it from SQL, the others apply
        the changes since."""
        with learned_terms.one_learner(locale, term):
            if term in snap.terms or term in snap.rare_terms:  # learned by another thread meanwhile
                return snap.terms.get(term)
            recalled = learned_terms.recall(snap, locale, term)
            if recalled is not None:
                bitmap = snap.bitmap_of_items(recalled[0])
                titles = snap.bitmap_of_items(recalled[1])
                snap.remember_term(term, bitmap, titles)
                return bitmap, titles
            alone = ParsedQuery(terms=(term,))
            item_ids = self._matching_ids(locale, alone)
            bitmap = snap.bitmap_of_items(item_ids, strict)
            if bitmap.bit_count() < FREQUENT_TERM:
                snap.remember_term(term, bitmap, None)
                return None
            title_ids = self._matching_ids(locale, alone, title_only=True)
            titles = snap.bitmap_of_items(title_ids, strict)
            snap.remember_term(term, bitmap, titles)
            learned_terms.share(snap, locale, term, item_ids, title_ids)
            return bitmap, titles

    def _matching_ids(self, locale, parsed, title_only=False):
        """Ids of indexed items whose analysed text (or title alone) holds every term and phrase."""
        with connection.cursor() as cursor:
            if self.vendor == "sqlite":
                low, high = fulltext_rowid(0, locale), fulltext_rowid(LOCALE_STRIDE, locale)
                table = TITLES if title_only else FULLTEXT
                cursor.execute(
                    f"SELECT rowid - %s FROM {table} WHERE {table} MATCH %s AND rowid >= %s AND rowid < %s",
                    [low, self._fts_match(parsed), low, high],
                )
            else:
                cursor.execute(
                    f"SELECT id FROM {ITEMS} WHERE locale = %s AND search_vector @@ to_tsquery('simple', %s)",
                    [locale, self._tsquery(parsed, "A" if title_only else "")],
                )
            return [item_id for (item_id,) in cursor.fetchall()]

    @staticmethod
    def _fts_match(parsed):
        return " AND ".join(
            [f'"{term}"' for term in parsed.terms] + [f'"{" ".join(phrase)}"' for phrase in parsed.phrases]
        )

    @staticmethod
    def _tsquery(parsed, weight=""):
        suffix = f":{weight}" if weight else ""
        return " & ".join(
            [term + suffix for term in parsed.terms]
            + ["(" + " <-> ".join(term + suffix for term in phrase) + ")" for phrase in parsed.phrases]
        )

    @staticmethod
    def _page(snap, matches, in_title, query):
        """Ordinals of one page of hits. Relevance: items with every word in their title first,
        then the others, newest first within each group."""
        sort, offset, limit = query.effective_sort, query.offset, query.page_size
        if sort == "oldest":
            return snap.in_date_order(matches, offset, limit, reverse=True)
        if sort == "title":
            return ordinals_by_rank(matches, snap.size, snap.title_order, offset, limit)
        if sort == "updated":
            return ordinals_by_rank(matches, snap.size, snap.updated_order, offset, limit)
        if sort not in SORTS:  # a sort an item type declares: by its rank
            return ordinals_by_rank(matches, snap.size, snap.rank_order(sort), offset, limit)
        if sort != "relevance" or not in_title:
            return snap.in_date_order(matches, offset, limit)
        first = in_title.bit_count()
        page = snap.in_date_order(in_title, offset, limit) if offset < first else []
        if len(page) < limit:
            page += snap.in_date_order(matches & ~in_title, max(0, offset - first), limit - len(page))
        return page

    def _fetch_hits(self, item_ids, strict=False):
        """The rows of ``item_ids``, in that order. A row deleted since the bitmaps were read:
        ``strict`` raises ``StaleSnapshot``, otherwise it is left out."""
        if not item_ids:
            return []
        marks = ", ".join(["%s"] * len(item_ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, {', '.join(HIT_COLUMNS)} FROM {ITEMS} WHERE id IN ({marks})", item_ids
            )
            rows = {row[0]: row[1:] for row in cursor.fetchall()}
        if strict and len(rows) < len(item_ids):
            raise StaleSnapshot(set(item_ids) - set(rows))
        return [self._hit(rows[item_id]) for item_id in item_ids if item_id in rows]

    @staticmethod
    def _hit(row):
        hit = dict(zip(HIT_COLUMNS, row, strict=True))
        for name in ("services", "regions", "risks"):
            hit[name] = split(hit[name])
        if isinstance(hit["date"], str):
            hit["date"] = date.fromisoformat(hit["date"])
        hit["updated"] = stored_instant(hit["updated"])
        return hit
