"""What a consultation report's page shows besides its own fields: the sessions of the dialogues
it reports on (date, place, format) and the items it is linked to, each as the reader finds it.
The queries do not grow with the number of dialogues, sessions or linked items."""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext_lazy as _

from dialogues.outlets import held_at_venue, shown_format
from hub.templatetags.hub_tags import interface_language, linked_items

register = template.Library()

LINKS = (
    ("casefiles", _("Case files")),
    ("systems", _("AI systems")),
    ("briefs", _("Briefs")),
    ("agreements", _("Collaboration agreements")),
)


@dataclass
class HeldSession:
    """A session of a reported dialogue as the method section lists it."""

    dialogue: object
    session: object  # a ``ScheduledSession``
    format_label: str
    venue: object  # where people went; None for a session held online


@register.simple_tag
def report_sessions(dialogues):
    """The sessions of ``dialogues`` (``ReportPage.reported_dialogues``), in time order."""
    found = []
    for dialogue in dialogues:
        for scheduled in dialogue.shown_schedule:
            facts = scheduled.facts
            label = dict(facts._meta.get_field("format").choices)[shown_format(facts)]
            found.append(
                HeldSession(dialogue, scheduled, label, scheduled.venue if held_at_venue(facts) else None)
            )
    return sorted(found, key=lambda held: held.session.starts_at)


@register.simple_tag(takes_context=True)
def report_links(context, page):
    """``[(field, heading, items)]``: the public case files, systems, briefs and agreements the
    report is linked to, each as the reader finds it (its translation where there is one)."""
    return linked_items(page, LINKS, interface_language(context))
