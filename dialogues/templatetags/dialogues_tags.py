"""What the dialogues' pages show: each session with its venue in the reader's language, the
items a dialogue is linked to, the addresses of venue pages and posters. The queries do not
grow with the number of sessions or linked items."""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext_lazy as _

from hub.templatetags.hub_tags import interface_language, labels, linked_items, live_ancestors

from ..blocks import MATERIAL_KINDS
from ..finding import locale_codes
from ..models import SESSION_LANGUAGES, ScheduledSession, SessionStatus, Venue

register = template.Library()


@dataclass
class ShownSession:
    """A scheduled session with what its box needs: the venue in the reader's language, the
    language of its words when it is not the reader's (their ``lang``), its languages by name."""

    session: ScheduledSession
    venue: Venue | None
    words_lang: str
    languages: list

    @property
    def venue_shown(self):
        """The venue, unless the session moved online."""
        return None if self.session.facts.status == SessionStatus.MOVED_ONLINE else self.venue


@register.simple_tag(takes_context=True)
def dialogue_schedule(context, page):
    """``page.shown_schedule`` (read once per page object) as ``ShownSession``s."""
    language = interface_language(context)
    schedule = page.shown_schedule
    codes = locale_codes()
    names = dict(SESSION_LANGUAGES)
    return [
        ShownSession(
            session=shown,
            venue=shown.venue,
            words_lang=_other_language(codes.get(shown.words.locale_id), language),
            languages=[names[code] for code in shown.facts.languages or () if code in names],
        )
        for shown in schedule
    ]


def _other_language(code, language):
    return code if code and code != language else ""


LINKS = (
    ("casefiles", _("Case files")),
    ("systems", _("AI systems")),
    ("briefs", _("Briefs")),
    ("agreements", _("Collaboration agreements")),
)


@register.simple_tag(takes_context=True)
def dialogue_links(context, page):
    """``[(field, heading, items)]``: the public case files, systems, briefs and agreements the
    dialogue is about, each as the reader finds it (its translation where there is one)."""
    return linked_items(page, LINKS, interface_language(context))


@register.simple_tag(takes_context=True)
def dialogue_index(context, page):
    """The dialogues' index in the reader's language: where venue pages and posters live."""
    index = context.get("interface_index") or context.get("index")
    if index is not None:
        return index
    return page.index_for(interface_language(context))


@register.simple_tag
def venue_url(index, venue):
    return index.venue_url(venue.key) if index and venue else ""


@register.simple_tag
def poster_url(index, session):
    return index.poster_url(session.key) if index else ""


@register.filter
def accessibility(venue):
    """The venue's confirmed accessibility features, in words."""
    return [label for _field, _name, label in venue.accessibility_features()] if venue else []


@register.filter
def term_label(term):
    """A taxonomy term's label in the interface language."""
    names = labels([term]) if term else []
    return names[0] if names else ""


@register.filter
def material_kind(kind):
    """The name of a kind of material (slides, minutes...)."""
    return dict(MATERIAL_KINDS).get(kind, "")


@register.filter
def live_trail(page):
    """The live pages above ``page``, from the home page."""
    return live_ancestors(page)
