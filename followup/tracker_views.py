"""The commitment tracker's addresses: the page (``/fr/engagements/``, ``/en/commitments/``), the
Atom feed of the progress updates of any tracker search, and its downloads (its rows and their
updates, as CSV and JSON). All take the same parameters (``tracker.parse``); a bad one gets a 400
that names it: the page in HTML, the others in JSON."""

import io
import json
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hub import csv_cells
from hub.data_columns import MULTIPLE_KINDS, SEPARATOR

from . import tracker
from .tracker_columns import COMMITMENTS_TABLE, UPDATES_TABLE

FEED_SIZE = 50


class InvalidRequest(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def language():
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def run(request):
    """The tracker for this request, or InvalidRequest naming what is wrong."""
    query, errors = tracker.parse(request.GET)
    if errors:
        raise InvalidRequest(errors)
    found = tracker.run(query, language())
    if query.page > found.page_count:
        raise InvalidRequest({"page": [_("This page is past the last page of commitments.")]})
    return found


def address(url_name, pairs):
    return f"{reverse(url_name)}?{urlencode(pairs)}" if pairs else reverse(url_name)


# --- The page ------------------------------------------------------------------------------------


@require_GET
def tracker_page(request):
    try:
        found = run(request)
    except InvalidRequest as invalid:
        context = {"errors": invalid.errors, "restart_url": reverse("commitment-tracker")}
        return render(request, "followup/tracker.html", context, status=400)
    return render(request, "followup/tracker.html", page_context(found))


def page_context(found):
    query = found.query
    facets = [
        {"name": facet, "label": tracker.FACET_LABELS[facet], "values": found.facets[facet]}
        for facet in tracker.FACETS
    ]
    selection = query.params(sort="")
    return {
        "tracker": found,
        "query": query,
        "facets": facets,
        "rows": found.page_rows,
        "offset": (query.page - 1) * tracker.PAGE_SIZE,
        "headlines": [
            {
                "name": name,
                "headline": headline,
                "url": address("commitment-tracker", [("organization", key)]),
            }
            for key, name, headline in found.headlines()
        ],
        "sort_choices": [
            {"value": key, "label": label, "selected": key == query.sort}
            for key, label in tracker.SORTS.items()
        ],
        "pagination": pagination(query, found.page_count),
        "format_urls": {
            "feed": address("commitment-tracker-feed", selection),
            "csv": address("commitment-tracker-csv", query.params()),
            "json": address("commitment-tracker-json", query.params()),
            "updates_csv": address("commitment-tracker-updates-csv", selection),
            "updates_json": address("commitment-tracker-updates-json", selection),
        },
    }


def pagination(query, page_count):
    current = query.page
    numbers = sorted({1, page_count, *range(max(1, current - 2), min(page_count, current + 2) + 1)})

    def url(number):
        return address("commitment-tracker", query.params(page=number))

    return {
        "count": page_count,
        "previous_url": url(current - 1) if current > 1 else None,
        "next_url": url(current + 1) if current < page_count else None,
        "pages": [{"number": number, "url": url(number), "current": number == current} for number in numbers],
    }


# --- Downloads ------------------------------------------------------------------------------------


def published_updates(found):
    """``(updates, {commitment key: row})``: the published updates of the rows, newest published
    first (read with the rows' standings, no further query)."""
    by_key = {row.commitment.translation_key: row for row in found.rows}
    updates = [update for row in found.rows for update in row.commitment.standing.history]
    updates.sort(key=lambda update: (update.published_at, update.pk), reverse=True)
    return updates, by_key


def table_records(table, records, context):
    """The cells of ``records`` in ``table``'s columns."""
    return [[column.value(record, context) for column in table.columns()] for record in records]


def csv_response(table, rows):
    handle = io.StringIO()
    writer = csv_cells.Writer(handle)
    writer.writerow([column.name for column in table.columns()])
    for row in rows:
        writer.writerow(row)
    response = HttpResponse(handle.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.csv_name}"'
    return response


def json_value(column, cell):
    if column.kind in MULTIPLE_KINDS:
        return cell.split(SEPARATOR) if cell else []
    return cell if cell != "" else None


def json_response(table, key, rows):
    columns = table.columns()
    objects = [
        {column.name: json_value(column, cell) for column, cell in zip(columns, row, strict=True)}
        for row in rows
    ]
    body = json.dumps({"count": len(objects), key: objects}, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.json_name}"'
    return response


def download(what, file_format):
    """A view of one download: ``what`` is "commitments" or "updates"."""

    @require_GET
    def view(request):
        try:
            found = run(request)
        except InvalidRequest as invalid:
            return JsonResponse({"errors": invalid.errors}, status=400)
        if what == "commitments":
            table, records, context = COMMITMENTS_TABLE, found.rows, None
        else:
            records, context = published_updates(found)
            table = UPDATES_TABLE
        rows = table_records(table, records, context)
        if file_format == "csv":
            return csv_response(table, rows)
        return json_response(table, what, rows)

    return view


# --- The feed -------------------------------------------------------------------------------------


class TrackerAtomFeed(Atom1Feed):
    """Django's Atom feed, each entry saying the language of its note. A feed without entries is
    as old as its selection's newest publication (the epoch for an empty selection), not the
    clock's time: the same selection gives the same feed and ``Last-Modified``."""

    def item_attributes(self, item):
        return {"xml:lang": item["language"]}

    def latest_post_date(self):
        if self.items:
            return super().latest_post_date()
        return self.feed["selection_published"]


class TrackerFeed(Feed):
    """The published progress updates of the commitments a tracker search selects, newest
    published first. An entry's id is its update's place on the commitment's permanent address
    (``/cite/<commitment id>/#update-<n>``): the same on every request and in every language."""

    feed_type = TrackerAtomFeed

    def __call__(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidRequest as invalid:
            return JsonResponse({"errors": invalid.errors}, status=400)

    def get_object(self, request, *args, **kwargs):
        found = run(request)
        updates, by_key = published_updates(found)
        return {"request": request, "tracker": found, "updates": updates[:FEED_SIZE], "rows": by_key}

    def title(self, feed):
        return f"{settings.WAGTAIL_SITE_NAME} · {_('Commitment tracker')} · {feed['tracker'].headline}"

    def subtitle(self, feed):
        return _(
            "Progress updates of the commitments of this selection, newest first (at most %(count)s)."
        ) % {"count": FEED_SIZE}

    def link(self, feed):
        return feed["request"].build_absolute_uri(
            address("commitment-tracker", feed["tracker"].query.params(sort=""))
        )

    def feed_url(self, feed):
        return feed["request"].build_absolute_uri(feed["request"].get_full_path())

    def feed_extra_kwargs(self, feed):
        published = [row.item.last_published_at for row in feed["tracker"].rows if row.item.last_published_at]
        return {"selection_published": max(published, default=datetime(1970, 1, 1, tzinfo=UTC))}

    def author_name(self, feed):
        return settings.WAGTAIL_SITE_NAME

    def items(self, feed):
        return [(update, feed["rows"][update.commitment_key], feed["request"]) for update in feed["updates"]]

    def item_title(self, entry):
        update, row, _request = entry
        title = f"{row.commitment.public_id} · {update.get_status_display()}"
        if update.progress is not None:
            title += " · " + _("%(progress)s %% done") % {"progress": update.progress}
        return title

    def item_link(self, entry):
        update, row, request = entry
        return request.build_absolute_uri(f"{row.commitment.url}#update-{update.pk}")

    def item_guid(self, entry):
        update, row, request = entry
        return request.build_absolute_uri(f"/cite/{row.commitment.public_id}/#update-{update.pk}")

    def item_guid_is_permalink(self, entry):
        return False

    def item_description(self, entry):
        update, row, _request = entry
        return str(format_html("<p>{}</p><p>{}</p>", row.commitment.text, update.note))

    def item_pubdate(self, entry):
        return entry[0].published_at

    def item_updateddate(self, entry):
        return entry[0].published_at

    def item_extra_kwargs(self, entry):
        return {"language": entry[0].language}
