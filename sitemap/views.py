"""The sitemap's files: one list of every address while they fit in one file (``URL_LIMIT``),
else an index of the sections, which Django's sitemap framework serves; each file is kept
rendered until something it shows changes (``sitemap.cache``)."""

from functools import cache

from django.contrib.sitemaps import views as sitemap_views

from hub.item_urls import PageUrls
from hub.items import item_types

from . import sections
from .cache import cached_file


def section_maps(request):
    """The sections of this request: the site's pages, then one per item type."""
    page_urls = cache(PageUrls.load)  # read once, and only if an item section is built
    return {
        "pages": sections.PagesSitemap(request),
        **{
            item_type.section: sections.ItemSitemap(request, item_type, page_urls)
            for item_type in item_types()
        },
    }


def sitemap(request):
    def render():
        maps = section_maps(request)
        counts = {name: section.url_count() for name, section in maps.items()}
        if sum(counts.values()) > sections.URL_LIMIT:
            # A section with nothing to list yet (a type with no published item) has no file.
            listed = {name: section for name, section in maps.items() if counts[name]}
            return sitemap_views.index(request, listed, sitemap_url_name="sitemap-section")
        return sitemap_views.sitemap(request, maps)

    return cached_file(request, "sitemap", render)


def sitemap_section(request, section):
    return cached_file(
        request,
        f"sitemap-{section}",
        lambda: sitemap_views.sitemap(request, section_maps(request), section=section),
    )
