"""Addresses a reader can safely follow. Editors' forms already refuse ``javascript:`` links,
but content also arrives by other roads (translation overrides, imports, the API of a future
tool): the page model refuses such links whatever the road, and templates neutralise any that
would still reach a page."""

import html
import re

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
CONTROL_OR_SPACE_RE = re.compile(r"[\x00-\x20\x7f]+")
# An attribute starts after a blank, a slash or the quote closing the previous one (browsers
# accept ``<a/href=…>`` and ``<a title=""href=…>``).
LINK_ATTRIBUTE_RE = re.compile(
    r"""((?:^|(?<=[\s/"']))(?:href|src|action|formaction|xlink:href)\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)""",
    re.IGNORECASE,
)


def is_safe_url(value):
    """Relative addresses and http(s), mailto and tel ones; never javascript:, data:, vbscript:…
    (browsers ignore spaces, control characters and character references in a scheme)."""
    if not value:
        return True
    decoded = CONTROL_OR_SPACE_RE.sub("", html.unescape(str(value)))
    match = SCHEME_RE.match(decoded)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def unsafe_links(markup):
    """The link and source addresses in ``markup`` that are not safe to follow."""
    found = []
    for _prefix, quoted in LINK_ATTRIBUTE_RE.findall(markup or ""):
        value = quoted[1:-1] if quoted[:1] in "\"'" else quoted
        if not is_safe_url(value):
            found.append(value)
    return found


def neutralise_links(markup):
    """``markup`` with every unsafe link or source address replaced by ``#``."""

    def replace(match):
        quoted = match.group(2)
        value = quoted[1:-1] if quoted[:1] in "\"'" else quoted
        return match.group(0) if is_safe_url(value) else f'{match.group(1)}"#"'

    return LINK_ATTRIBUTE_RE.sub(replace, markup)


def stream_strings(value):
    """Every string inside a StreamField's raw data (rich text sources included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from stream_strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from stream_strings(item)
