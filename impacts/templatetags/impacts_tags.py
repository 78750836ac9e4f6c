"""Template tags of the case file pages."""

from django import template

from hub.items import public_pages
from hub.templatetags.hub_tags import as_read_in, interface_language

register = template.Library()


@register.simple_tag(takes_context=True)
def related_casefiles(context, page):
    """Published case files related to ``page``, each in the interface language when translated."""
    related = public_pages(list(page.related_casefiles.all()))
    return as_read_in(related, interface_language(context))


@register.simple_tag(takes_context=True)
def casefile_system(context, page):
    """The case file's register entry as a reader may follow it, or None while it is not public
    (the page then names the system without a link)."""
    return page.public_system(interface_language(context))
