"""The admin endpoint behind the live readability panel. Wagtail's admin URL decorator already
requires a signed-in user with admin access; this view also requires the right to edit the page
(or to add one under its parent) and answers bad input with a 400 that says what is wrong."""

from django.http import JsonResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import readability


def error(message, status=400):
    return JsonResponse({"error": message}, status=status)


def page_from(value):
    """The page with this id, or None (a missing or malformed id never raises)."""
    value = str(value or "")
    # ASCII digits only: ``int()`` would read "１２" as page 12.
    return Page.objects.filter(pk=int(value)).first() if value.isascii() and value.isdigit() else None


def may_write(user, data):
    """The user may edit the page, or add a page under the parent when the page is new."""
    page = page_from(data.get("page"))
    if page is not None:
        return page.permissions_for_user(user).can_edit()
    parent = page_from(data.get("parent"))
    return parent is not None and parent.permissions_for_user(user).can_add_subpage()


@require_POST
def assess_view(request):
    if not may_write(request.user, request.POST):
        return error(gettext("You may not edit this page."), status=403)
    language = request.POST.get("language", "")
    if not language:
        return error(gettext("Say which language the text is in."))
    if language not in readability.LANGUAGES:
        return error(gettext("Readability is measured in French or English only."))
    text = request.POST.get("text")
    if text is None:
        return error(gettext("Send the text to assess."))
    if len(text) > readability.MAX_TEXT_LENGTH:
        return error(
            gettext("The text is too long to assess (more than %(max)d characters).")
            % {"max": readability.MAX_TEXT_LENGTH}
        )
    data = readability.assess(text, language).as_json()
    data["no_advice"] = gettext("Easy to read: no advice.")
    return JsonResponse(data)
