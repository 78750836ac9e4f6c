"""Template tags of the brief pages and of what links case files to the briefs citing them."""

from django import template

from hub.items import public_pages
from hub.templatetags.hub_tags import as_read_in, interface_language

from ..models import AdvocacyBriefPage

register = template.Library()


@register.simple_tag(takes_context=True)
def brief_citations(context, page):
    """The citations of a brief whose case file is published, as ``(citation, case file)`` pairs
    with the case file in the interface language when translated. Drafts never show."""
    citations = list(page.citations.select_related("casefile"))
    published = public_pages([citation.casefile for citation in citations])
    shown = {
        casefile.pk: translation
        for casefile, translation in zip(
            published, as_read_in(published, interface_language(context)), strict=True
        )
    }
    return [
        (citation, shown[citation.casefile_id]) for citation in citations if citation.casefile_id in shown
    ]


@register.simple_tag(takes_context=True)
def citing_briefs(context, casefile):
    """Published briefs citing any language version of ``casefile``, once each, in the interface
    language when translated."""
    briefs = (
        AdvocacyBriefPage.objects.public()
        .filter(citations__casefile__translation_key=casefile.translation_key)
        .select_related("locale")
        .order_by("-publication_date", "title")
        .distinct()
    )
    unique = {}
    for brief in briefs:
        unique.setdefault(brief.translation_key, brief)
    return as_read_in(list(unique.values()), interface_language(context))
