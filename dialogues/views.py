"""The dialogues' index, and the pages its routes serve: a venue with its upcoming dialogues
(what a library shows its visitors) and the poster of one session (what it pins on its wall).

Both routes live on the index so that their address reads in the reader's language
(``/fr/dialogues/lieux/<key>/``, ``/en/dialogues/venues/<key>/``); the other language's word
redirects to the right one."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .finding import (
    AT_VENUE,
    IN_REGION,
    PAST,
    UPCOMING,
    cards_of,
    dialogues_at,
    locale_codes,
    ordered,
    venue_in,
)
from .models import DialoguePage, Session

GROUP_NAMES = {AT_VENUE: "at-venue", IN_REGION: "in-region", UPCOMING: "upcoming", PAST: "past"}
VENUE_WORDS = {"fr": "lieux", "en": "venues"}
POSTER_WORDS = {"fr": "affiche", "en": "poster"}


def index_context(index, request, context):
    """The index's list: upcoming first, then past, a page at a time; with ``?venue=<key>``, that
    venue's dialogues, then its region's, first. An unknown key is an error naming ``venue``."""
    language = index.locale.language_code
    venue, errors = None, {}
    key = request.GET.get("venue")
    if key is not None:
        venue = venue_in(key, language)
        if venue is None:
            errors["venue"] = [_("No venue has this key: %(key)s.") % {"key": key[:80]}]
    pages = ordered(index.get_items(), venue=venue)
    items = Paginator(pages, index.items_per_page).get_page(request.GET.get("page"))
    shown = list(items.object_list)
    cards = cards_of(shown, language, venue_key=venue.key if venue else None)
    for page in shown:
        page.card = cards.get(page.pk)
        page.group_name = GROUP_NAMES[page.group]
    context.update(items=items, shown=shown, venue=venue, errors=errors)
    return context


def serve_index(index, request):
    context = index.get_context(request)
    status = 400 if context["errors"] else 200
    return TemplateResponse(request, index.get_template(request), context, status=status)


def _sub_page(index, request, template, context, address_in):
    """A page under ``index``, which stands as the page for the menus; ``address_in(index)``
    gives its address under the index of each language, for the language links."""
    indexes = (
        type(index).objects.live().filter(translation_key=index.translation_key).select_related("locale")
    )
    language_urls = {other.locale.language_code: address_in(other) for other in indexes}
    context = {
        "page": index,
        "self": index,
        "request": request,
        "index": index,
        "language_urls": language_urls,
        **context,
    }
    return TemplateResponse(request, template, context)


def venue_page(index, request, word, key):
    """A venue: how to get there, its accessibility in words, and its upcoming dialogues."""
    language = index.locale.language_code
    if word != VENUE_WORDS[language]:
        return redirect(index.venue_url(key))
    venue = venue_in(key, language)
    if venue is None:
        raise Http404(_("No venue has this key."))
    shown = list(dialogues_at(venue.key, language))
    cards = cards_of(shown, language, venue_key=venue.key)
    for page in shown:
        page.card = cards.get(page.pk)
    return _sub_page(
        index,
        request,
        "dialogues/venue_page.html",
        {"venue": venue, "shown": shown},
        lambda other: other.venue_url(venue.key),
    )


def session_page(index, key):
    """The public dialogue holding the session of ``key``, as the index's reader finds it, and that
    session as scheduled; 404 when no public dialogue shows it."""
    dialogues = Session.objects.filter(translation_key=key).values("dialogue_id")
    keys = DialoguePage.objects.filter(pk__in=dialogues).values("translation_key")
    page = DialoguePage.objects.public().in_language(index.locale).filter(translation_key__in=keys).first()
    scheduled = next((shown for shown in page.schedule() if str(shown.key) == key), None) if page else None
    if scheduled is None:
        raise Http404(_("No public dialogue has this session."))
    return page, scheduled


def poster(index, request, word, key):
    """The poster of one session: one sheet, large type, plain words."""
    language = index.locale.language_code
    if word != POSTER_WORDS[language]:
        return redirect(index.poster_url(key))
    page, scheduled = session_page(index, key)
    codes = locale_codes()
    venue = scheduled.facts.venue
    if venue is not None:
        venue = venue_in(venue.key, language)
    context = {
        "dialogue": page,
        "session": scheduled,
        "venue": venue,
        "dialogue_url": request.build_absolute_uri(index.item_url(page)),
        "words_lang": ""
        if codes.get(scheduled.words.locale_id) == language
        else codes.get(scheduled.words.locale_id),
    }
    return _sub_page(index, request, "dialogues/poster.html", context, lambda other: other.poster_url(key))
