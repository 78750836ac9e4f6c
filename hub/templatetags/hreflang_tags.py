"""The ``<link rel="alternate" hreflang>`` of a page's head, for search engines: every version of
what the page shows, each declared in the language it is written in, at an absolute address,
with ``x-default`` on the site's default language, as the sitemap lists them.

- A page of the tree (an item, an index, the home page): its live public versions. An item not
  translated into the interface language is read at its index's fallback route; what that route
  shows is the original, declared in its own language, and the route names it canonical.
- A page of its own under a page of the tree (an item's part) gives its addresses
  (``language_urls``).
- A Django view (search, glossary, open data, data dictionary): the same view and query string
  in every language of the site.

Every version of a group declares the same group, so the alternates are reciprocal."""

from django import template
from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page

from hub.models import ItemPage

register = template.Library()

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def version_urls(page):
    """``{language: url}`` of the live public versions of ``page`` (itself included); none for a
    page that is not live (a preview)."""
    if not page.live:
        return {}
    versions = (
        Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key, locale__language_code__in=LANGUAGES)
        .select_related("locale")
    )
    return {version.locale.language_code: version.url for version in versions}


def view_urls(request):
    """``{language: url}`` of a Django view outside the page tree, with its query string."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name in (None, "wagtail_serve"):
        return {}
    path = request.get_full_path()
    return {code: translate_url(path, code) for code in LANGUAGES}


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """``{"alternates": [(hreflang, absolute url)], "canonical": absolute url or None}``."""
    request = context.get("request")
    if request is None:
        return {"alternates": [], "canonical": None}
    page = context.get("page")
    given = context.get("language_urls")
    canonical = None
    if given:
        urls = dict(given)
    elif isinstance(page, Page) and page.pk:
        urls = version_urls(page)
        language = (getattr(request, "LANGUAGE_CODE", None) or "")[:2]
        if isinstance(page, ItemPage) and page.locale.language_code != language and page.url:
            canonical = request.build_absolute_uri(page.url)  # served by a fallback route
    else:
        urls = view_urls(request)
    urls = {code: request.build_absolute_uri(url) for code, url in urls.items() if url}
    if settings.LANGUAGE_CODE in urls:
        urls["x-default"] = urls[settings.LANGUAGE_CODE]
    return {"alternates": list(urls.items()), "canonical": canonical}
