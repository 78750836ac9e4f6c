"""A dialogue's calendar, ``/<lang>/calendar/<public id>.ics``: every session of the dialogue,
in the reader's language, for the "Add to calendar" link and for subscribing to one dialogue."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from hub.calendars import CONTENT_TYPE

from .calendar import dialogue_calendar
from .models import DialoguePage
from .outlets import reader_language


@require_safe
def dialogue_ics(request, public_id):
    """The public version a reader of this language finds; 404 for anything else (a draft, a
    restricted page, an unknown id)."""
    language = reader_language()
    page = DialoguePage.objects.public().filter(public_id=public_id).in_language(language).first()
    if page is None:
        raise Http404
    url = request.build_absolute_uri(page.url_in(language))
    response = HttpResponse(dialogue_calendar(page, url), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{public_id}.ics"'
    return response
