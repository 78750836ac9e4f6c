"""``/cite/<id>/``: the permanent address of an item, and its reference downloads."""

from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponsePermanentRedirect
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request, gettext
from django.views.decorators.http import require_safe

from .citable import CitableItem
from .formats import FORMATS
from .lookup import LANGUAGE_CODES, find_cited


def _bad_request(message):
    return HttpResponseBadRequest(message + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def cite(request, public_id):
    """Without ``format``: a permanent redirect to the item, or to the part of an item, as the
    visitor reads it (their language: ``lang``, else the language cookie or browser, else
    French), whatever its address is today. With ``format=bibtex|ris|csl-json``: the reference as
    a file. An unknown id, a draft or a private item is a 404 like any missing page."""
    format_name = request.GET.get("format")
    if format_name is not None and format_name not in FORMATS:
        return _bad_request(
            gettext("Unknown format. Allowed values: %(values)s.") % {"values": ", ".join(FORMATS)}
        )
    language = request.GET.get("lang")
    if language is not None and language not in LANGUAGE_CODES:
        return _bad_request(
            gettext("Unknown language. Allowed values: %(values)s.") % {"values": ", ".join(LANGUAGE_CODES)}
        )
    language = language or get_language_from_request(request)[:2]
    if language not in LANGUAGE_CODES:
        language = LANGUAGE_CODES[0]

    found = find_cited(public_id.upper(), language)
    if found is None:
        raise Http404
    page, part = found
    if format_name is None:
        url = (part or page).url_in(language)
        if not url:
            raise Http404
        response = HttpResponsePermanentRedirect(url)
    else:
        media_type, extension, _label = FORMATS[format_name]
        citable = CitableItem(page, part=part, language=language, request=request)
        response = HttpResponse(citable.render(format_name), content_type=media_type)
        response["Content-Disposition"] = f'attachment; filename="{citable.public_id}.{extension}"'
    # The answer depends on the visitor's language: caches must keep one per language.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
