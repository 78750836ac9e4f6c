"""The registration box's tag: where to register for a session on the hub and how many places
are left, counted for all of a page's sessions in one query."""

from django import template

from .. import registering

register = template.Library()


@register.simple_tag
def hub_registration(page, session):
    """``{"url", "is_open", "places_left"}`` for ``session`` (a ScheduledSession of ``page``)."""
    url = page.url + page.reverse_subpage(
        f"registration_form_{page.locale.language_code}", kwargs={"session_key": session.key}
    )
    is_open = registering.is_open(session)
    left = registering.places_left_on_page(page, session) if is_open else 0
    return {"url": url, "is_open": is_open, "places_left": left}
