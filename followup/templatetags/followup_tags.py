"""Template tags of commitments' pages: how long ago something happened, in days of Québec's
calendar, and the ``lang`` of a progress update's words (updates are not translated)."""

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hub.templatetags.hub_tags import interface_language

register = template.Library()


@register.filter
def days_ago(day):
    """ "today", "yesterday" or "N days ago" for a past date, counted in the hub's time zone."""
    days = (timezone.localdate() - day).days
    if days <= 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return ngettext("%(days)d day ago", "%(days)d days ago", days) % {"days": days}


@register.simple_tag(takes_context=True)
def update_lang(context, update):
    """`` lang="xx"`` for an update's own words when they are not in the interface's language."""
    if update.language == interface_language(context):
        return ""
    return format_html(' lang="{}"', update.language)


@register.filter
def follow_url(page, number):
    """Where a commitment page's "Follow by e-mail" form posts."""
    return page.follow_url(number)
