"""The Open Graph and Twitter card tags of a page's head (``templates/includes/share_meta.html``):
what a link to the page shows once shared. Every page has a title, a description, its absolute
address, the hub's name and its languages; a live, public item also has its type ``article``,
its plain-language summary and its share image (``sharing.views``) with the image's size and
alt text. Nothing here loads anything from another site."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext
from wagtail.models import Page

from hub.demo import demo_is_loaded
from hub.models import ItemPage

from ..cards import HEIGHT, WIDTH, card_for, one_line

register = template.Library()

# Open Graph names a locale by language and territory: the hub's readers are in Québec.
OG_LOCALES = {"fr": "fr_CA", "en": "en_CA"}
DESCRIPTION_LENGTH = 300


def hub_description():
    return gettext(
        "Vigie IA documents the impacts of artificial intelligence systems used in Québec's public "
        "services: community case files, advocacy briefs and collaboration agreements."
    )


def shared_item(request, page, alternates):
    """``page`` when it is the live version of a public item (not a preview), else None. The
    page's ``hreflang`` alternates hold its language only when it is live and public."""
    if not isinstance(page, ItemPage) or not page.live or getattr(request, "is_preview", False):
        return None
    return page if page.locale.language_code in alternates else None


def page_description(page):
    """The page's search description, else its introduction (an index's), else the hub's."""
    text = (getattr(page, "search_description", "") or getattr(page, "intro", "")) if page else ""
    return Truncator(one_line(text) or hub_description()).chars(DESCRIPTION_LENGTH)


@register.simple_tag(takes_context=True)
def share_meta(context, hreflang):
    """The tags' values, given the page's ``hreflang_links``: its canonical address, else its own."""
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    languages = [code for code, _url in hreflang["alternates"] if code in OG_LOCALES]
    meta = {
        "type": "website",
        "title": (page.seo_title or page.title) if page else settings.WAGTAIL_SITE_NAME,
        "description": page_description(page),
        "url": hreflang["canonical"] or request.build_absolute_uri(request.path),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "locale": OG_LOCALES.get(language, ""),
        "locale_alternates": [OG_LOCALES[code] for code in languages if code != language],
        "image": None,
    }
    item = shared_item(request, page, dict(hreflang["alternates"]))
    if item is not None:
        card = card_for(item, language, demo_is_loaded())
        path = reverse("sharing:image", kwargs={"public_id": item.public_id})
        meta.update(
            type="article",
            title=item.title,
            description=Truncator(card.summary).chars(DESCRIPTION_LENGTH),
            image=request.build_absolute_uri(path),
            image_width=WIDTH,
            image_height=HEIGHT,
            image_alt=card.alt,
        )
    return meta
