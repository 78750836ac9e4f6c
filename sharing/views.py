"""``/<language>/share/<public id>.png``: an item's share image, as a reader of that language
sees the item (its translation, else its original). Only a live, public item has one: a draft,
a private or an unpublished item is a 404 like any missing page, even if its image was served
before. The bytes are kept in the cache under the live revision, so that a new publication
draws a new image and the old one is never served again."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from hub.demo import demo_is_loaded
from hub.item_urls import shown_versions
from hub.items import type_for_public_id

from .cards import LAYOUT_VERSION, card_for, render_png

CACHE_SECONDS = 7 * 24 * 3600  # the key changes with the revision: this only frees space


def shared_page(public_id, language):
    """The live public version of the item a reader of ``language`` reads, or None."""
    item_type = type_for_public_id(public_id)
    if item_type is None:
        return None
    versions = list(item_type.model.objects.public().filter(public_id=public_id).select_related("locale"))
    return shown_versions(versions)[language] if versions else None


@require_safe
def share_image(request, public_id):
    language = get_language()
    page = shared_page(public_id, language)
    if page is None:
        raise Http404
    demo = demo_is_loaded()
    key = f"sharing:png:{LAYOUT_VERSION}:{page.pk}:{page.live_revision_id}:{language}:{int(demo)}"
    etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        png = cache.get(key)
        if png is None:
            png = render_png(card_for(page, language, demo))
            cache.set(key, png, CACHE_SECONDS)
        response = HttpResponse(png, content_type="image/png")
    response["ETag"] = etag
    # Short-lived in other caches: an item unpublished must stop showing its image soon.
    patch_cache_control(response, public=True, max_age=settings.SHARE_IMAGE_MAX_AGE)
    return response
