"""Finding the item a permanent address names, and that address."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from hub.items import split_part_id, type_for_public_id

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def citable_version(public_id, language):
    """The live, public version of the item ``public_id`` a reader of ``language`` cites: its
    translation in that language, else its original. None for an unknown id and for an item
    that is only a draft or private: those must not be revealed."""
    item_type = type_for_public_id(public_id)
    if item_type is None:
        return None
    versions = list(
        item_type.model.objects.public().filter(public_id=public_id).select_related("locale").order_by("pk")
    )
    for page in versions:
        if page.locale.language_code == language:
            return page
    return versions[0] if versions else None


def find_cited(public_id, language):
    """What ``public_id`` names, as ``(page, part)``: an item (``citable_version``) and None; or a
    part of an item (``<item id>-<suffix>``, ``ItemPage.part``) and the item's version it belongs
    to. None when nothing public has that id."""
    item_id, suffix = split_part_id(public_id)
    page = citable_version(item_id, language)
    if page is None:
        return None
    if suffix is None:
        return page, None
    part = page.part(suffix)
    return (part.item, part) if part is not None else None


def cite_path(public_id, **query):
    path = reverse("citations:cite", args=[public_id])
    return f"{path}?{urlencode(query)}" if query else path


def cite_url(public_id, request=None):
    """The permanent address of an item, absolute."""
    path = cite_path(public_id)
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
