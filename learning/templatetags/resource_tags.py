"""What the learning pages show besides their own fields: the items a resource is linked to, its
glossary terms and licence in the reader's language, a toolkit's resources in order, and the
resources a dialogue used, each as the reader finds it (its public translation where there is
one), and the toolkits a resource is part of. Nothing private or unpublished is ever listed."""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext_lazy as _

from hub.glossary import glossary_url
from hub.items import public_pages
from hub.models import GlossaryTerm
from hub.templatetags.hub_tags import as_read_in, interface_language, linked_items

from ..licences import deed_url
from ..models import LearningResourcePage, ToolkitPage

register = template.Library()

LINKS = (
    ("casefiles", _("Case files")),
    ("systems", _("AI systems")),
    ("dialogues", _("Dialogues using it")),
)


@dataclass
class GlossaryLink:
    term: str
    url: str
    language: str  # of the term shown: the reader's, or the source's when not translated


@dataclass
class ToolkitStep:
    resource: object  # a public ``LearningResourcePage``, in the reader's language where it exists
    note: str


@register.simple_tag(takes_context=True)
def resource_links(context, page):
    """``[(field, heading, items)]``: the public case files, systems and dialogues of a resource."""
    return linked_items(page, LINKS, interface_language(context))


@register.simple_tag(takes_context=True)
def glossary_links(context, page):
    """The resource's glossary terms in the reader's language where translated, each linked to
    its definition on the glossary page of the term's language (the anchor is the same in every
    language)."""
    language = interface_language(context)
    terms = list(page.glossary_terms.all())
    translated = {
        term.translation_key: term
        for term in GlossaryTerm.objects.filter(
            translation_key__in=[term.translation_key for term in terms], locale__language_code=language
        )
    }
    links = []
    for term in terms:
        shown = translated.get(term.translation_key, term)
        shown_language = language if shown is not term else term.locale.language_code
        links.append(GlossaryLink(shown.term, f"{glossary_url(shown_language)}#{shown.slug}", shown_language))
    return sorted(links, key=lambda link: link.term.casefold())


@register.simple_tag(takes_context=True)
def licence_deed(context, page):
    """The Creative Commons summary of the resource's licence, in the reader's language."""
    return deed_url(page.licence, interface_language(context))


@register.simple_tag(takes_context=True)
def toolkit_steps(context, page):
    """The toolkit's public resources, in its order, with its note on each."""
    members = list(page.members.all())
    public = {resource.pk for resource in public_pages([member.resource for member in members])}
    shown = [member for member in members if member.resource_id in public]
    resources = as_read_in([member.resource for member in shown], interface_language(context))
    return [ToolkitStep(resource, member.note) for member, resource in zip(shown, resources, strict=True)]


@register.simple_tag(takes_context=True)
def resources_used(context, dialogue):
    """The public learning resources a dialogue used, whichever language version of the dialogue
    they name, once each, in the reader's language where translated."""
    language = interface_language(context)
    found = (
        LearningResourcePage.objects.public()
        .filter(dialogues__translation_key=dialogue.translation_key)
        .select_related("locale")
        .order_by("title", "pk")
        .distinct()
    )
    unique = list({resource.translation_key: resource for resource in found}.values())
    return as_read_in(unique, language)


@register.simple_tag(takes_context=True)
def toolkits_holding(context, resource):
    """The public toolkits holding the resource (whichever language version of it they name),
    once each, in the reader's language where translated: where to find what goes with it."""
    language = interface_language(context)
    found = (
        ToolkitPage.objects.public()
        .filter(members__resource__translation_key=resource.translation_key)
        .select_related("locale")
        .order_by("title", "pk")
        .distinct()
    )
    unique = list({toolkit.translation_key: toolkit for toolkit in found}.values())
    return as_read_in(unique, language)
