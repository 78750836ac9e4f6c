"""What the player needs from a recording in the page's language (templates cannot pass it)."""

from django import template

register = template.Library()


@register.filter
def transcript_in(recording, language_code):
    return recording.transcript_in(language_code) if recording else ""
