"""The toolkit's ZIP download link, with the archive's size (built on first use)."""

from django import template

from ..toolkit_zip import archive_size

register = template.Library()


@register.simple_tag
def toolkit_download(page):
    """``{"url", "size"}`` of ``page``'s ZIP (a live toolkit), or None for a draft's preview."""
    if not page.live or not page.pk:
        return None
    return {"url": page.url + page.reverse_subpage("zip"), "size": archive_size(page)}
