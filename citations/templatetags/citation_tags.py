"""The cite box and the JSON-LD of item pages (see ``citations.citable``)."""

from functools import lru_cache

import segno
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from hub.models import ItemPage
from hub.templatetags.hub_tags import interface_language

from ..citable import CitableItem

register = template.Library()


def _citable(context, page, language, part=None):
    """The page (or its ``part``) described for citation in ``language``, made once per page,
    part and language (the JSON-LD in the head and the cite box share it)."""
    if not isinstance(page, ItemPage) or not page.public_id:
        return None
    made = page.__dict__.setdefault("_citable_items", {})
    key = (language, part.public_id if part else None)
    if key not in made:
        made[key] = CitableItem(page, part=part, language=language, request=context.get("request"))
    return made[key]


@register.simple_tag(takes_context=True)
def citation_for(context, page, part=None):
    """What the cite box shows, in the interface language, for the page or, when given, a part
    of it (``hub.models.ItemPart``); None when it cannot be cited (not an item, or private: its
    permanent address would answer 404)."""
    citable = _citable(context, page, interface_language(context), part or None)
    if citable is None or not citable.is_public:
        return None
    return citable


@register.simple_tag(takes_context=True)
def item_json_ld(context, page):
    """The schema.org ``<script type="application/ld+json">`` of an item, in the language of its
    content; nothing for a private page."""
    citable = _citable(context, page, page.content_language if isinstance(page, ItemPage) else None)
    if citable is None or not citable.is_public:
        return ""
    return citable.json_ld()


@register.simple_tag
def qr_code(address):
    """A QR code of ``address`` as inline SVG, made here by segno: a printed page leads back to
    the item without asking any outside service. Sized by CSS (viewBox, no width or height)."""
    label = format_html('<svg role="img" aria-label="{}"', address)
    return mark_safe(qr_svg(address).replace("<svg", label, 1))  # noqa: S308 - segno's SVG holds no outside text


@lru_cache(maxsize=1024)
def qr_svg(address):
    """segno's SVG of ``address``, made once per address in each process: choosing the code's
    mask takes segno about half of an item page's time, and the same address always gives the
    same code (about 3 KB each)."""
    return segno.make(address, error="m").svg_inline(omitsize=True, svgclass="qr-code", lineclass=None)
