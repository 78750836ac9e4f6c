"""Following a search in a calendar: ``/fr/recherche/calendrier/?<filters>`` and
``/en/search/calendar/?<filters>`` are iCalendar files (RFC 5545) of the events of the items the
search finds, a dialogue's sessions for instance, named after the search.

The parameters are the search's, validated like every other surface's (a bad one gets 400 with
the errors in JSON); the feed decides the sort and reads at most CALENDAR_SIZE items. Which items
are events, and what their events are, the item pages say (``ItemPage.calendar_events``): the
search knows no item type. Only live public pages are read, whatever the index still holds."""

from dataclasses import replace

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.models import Page

from hub.calendars import CONTENT_TYPE, calendar_of
from hub.items import prepare_listed

from .feeds import search_in_words
from .requests import parse_request
from .service import HubSearch

CALENDAR_SIZE = 500
PAGE_SIZE = 100


@require_safe
def search_calendar(request):
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    parsed = parse_request(request, default_locale=language)
    if parsed.errors:
        return JsonResponse({"errors": parsed.errors}, status=400)
    # The latest dates first: when the search finds more than a calendar holds, the oldest go.
    query = replace(parsed.query, locale=language, sort="newest", page=1, page_size=PAGE_SIZE)
    name = " · ".join([settings.WAGTAIL_SITE_NAME, *map(str, search_in_words(query))])
    events = [event for page in found_pages(query) for event in page.calendar_events(request)]
    return HttpResponse(calendar_of(events, name), content_type=CONTENT_TYPE)


def found_pages(query):
    """The live public pages of the items ``query`` finds, in its order, at most CALENDAR_SIZE."""
    search, page_ids = HubSearch(), []
    for number in range(1, CALENDAR_SIZE // PAGE_SIZE + 1):
        hits = search.hits(replace(query, page=number))
        page_ids += [hit["page_id"] for hit in hits]
        if len(hits) < PAGE_SIZE:
            break
    pages = (
        Page.objects.live()
        .public()
        .filter(pk__in=page_ids)
        .specific()
        .select_related("locale", for_specific_subqueries=True)
        .in_bulk()
    )
    return prepare_listed([pages[page_id] for page_id in page_ids if page_id in pages])
