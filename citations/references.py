"""The APA and Chicago references of an item, formatted by citeproc-py with the styles shipped
in ``citations/csl/`` and the French (``fr-CA``) or English (``en-US``) locale of citeproc-py.
Formatted references are cached by a hash of the CSL item they were made from (plus the style
and language), so a page view only pays for them when something in the reference changed."""

import functools
import hashlib
import html
import json
import logging
import re
import threading
from pathlib import Path

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.model import CitationStylesElement, Parent, Text
from citeproc.source.json import CiteProcJSON
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

CSL_DIR = Path(__file__).resolve().parent / "csl"

# Style key → (file in citations/csl/, name shown in the cite box).
STYLES = {
    "apa": ("apa.csl", _("APA (7th edition)")),
    "chicago": ("chicago-author-date-access-dates.csl", _("Chicago (author-date)")),
}
CSL_LOCALES = {"fr": "fr-CA", "en": "en-US"}
CSL_NS = "{http://purl.org/net/xbiblio/csl}"


# Bumped whenever the formatting below changes, so cached references are not reused.
FORMAT_VERSION = 1
REFERENCE_CACHE_SECONDS = 24 * 3600


# citeproc-py's HTML formatter does not escape the values of the item (a title holding "<" or
# "&" would reach the page as markup). References are therefore rendered as text in which each
# formatting instruction is a pair of private-use characters; the text is then escaped whole
# and only those pairs become tags.
_MARKUP = {
    "Italic": ("\ue000", "\ue001", "<i>", "</i>"),
    "Oblique": ("\ue000", "\ue001", "<i>", "</i>"),
    "Bold": ("\ue002", "\ue003", "<b>", "</b>"),
    "Underline": ("\ue004", "\ue005", "<u>", "</u>"),
    "Superscript": ("\ue006", "\ue007", "<sup>", "</sup>"),
    "Subscript": ("\ue008", "\ue009", "<sub>", "</sub>"),
    "SmallCaps": ("\ue00a", "\ue00b", '<span class="small-caps">', "</span>"),
}
# Around a title in another language than the reference's: becomes <span lang="…">.
_FOREIGN = ("\ue00c", "\ue00d")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _wrapper(name, opening, closing):
    """A ``str`` type whose values are ``text`` between the two markers (as citeproc-py's own
    formatters wrap text in tags)."""

    def wrap(cls, text):
        return str.__new__(cls, f"{opening}{text}{closing}")

    return type(name, (str,), {"__new__": wrap})


def _marker_formatter():
    """A citeproc-py output format (what ``citeproc.formatter.html`` provides), with markers."""
    wrappers = {
        name: _wrapper(name, opening, closing) for name, (opening, closing, *_tags) in _MARKUP.items()
    }
    return type(
        "MarkerFormatter", (), {"preformat": staticmethod(lambda text: text), "Light": str, **wrappers}
    )


_MarkerFormatter = _marker_formatter()


def _strip_markers(value):
    """Remove private-use characters from every string of an item, so no value can forge a
    formatting instruction."""
    if isinstance(value, str):
        return _PRIVATE_USE.sub("", value)
    if isinstance(value, dict):
        return {key: _strip_markers(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_strip_markers(inner) for inner in value]
    return value


def _as_html(text, foreign_language):
    result = html.escape(text, quote=True)
    for opening, closing, html_open, html_close in _MARKUP.values():
        result = result.replace(opening, html_open).replace(closing, html_close)
    return result.replace(_FOREIGN[0], f'<span lang="{foreign_language}">').replace(_FOREIGN[1], "</span>")


def _as_text(text):
    return _PRIVATE_USE.sub("", text)


_styles = threading.local()
# A style's macros by name, for each style ``_style`` keeps (by the id of its root element, which
# it holds for the life of the process). citeproc-py finds a macro by an XPath search each time
# it is called, about half of the time a reference took; a parsed style never changes.
_macros = {}
_find_macro = CitationStylesElement.get_macro


def _get_macro(self, name):
    macros = _macros.get(id(self.get_root()))
    if macros is None or name not in macros:
        return _find_macro(self, name)
    return macros[name]


CitationStylesElement.get_macro = _get_macro

# The same holds for every XPath search in a style or its locale (a term, the enclosing layout or
# names element): the answer depends on the parsed tree alone, so it is found once per element
# and expression, for the life of the process (a few thousand entries for the styles ``_style``
# keeps). Without it, these searches were most of the rest of a reference's time.
_searches = {}
_xpath_search = CitationStylesElement.xpath_search


def _search_once(self, expression):
    key = (self, expression)  # the element itself: kept alive here, its identity does not change
    found = _searches.get(key)
    if found is None:
        found = _searches[key] = _xpath_search(self, expression)
    return found


CitationStylesElement.xpath_search = _search_once

# Whether an element calls a variable (which decides if a group is printed) is worked out by
# walking all its children and macros again for every reference: it too depends on the tree alone.
_calls_variable = {}


def _calls_variable_once(method):
    @functools.wraps(method)
    def calls_variable(self):
        found = _calls_variable.get(self)
        if found is None:
            found = _calls_variable[self] = method(self)
        return found

    return calls_variable


for _element_class in (Parent, Text):
    _element_class.calls_variable = _calls_variable_once(_element_class.calls_variable)


def _style(key, language):
    """The parsed style ``key`` with the citeproc-py locale of ``language``, parsed once per
    thread (a style holds the formatter of the bibliography being rendered)."""
    loaded = getattr(_styles, "loaded", None)
    if loaded is None:
        loaded = _styles.loaded = {}
    if (key, language) not in loaded:
        style = CitationStylesStyle(
            str(CSL_DIR / STYLES[key][0]), locale=CSL_LOCALES[language], validate=False
        )
        # The hub's version is a date ("2026-03-04"): citeproc-py would take it for a range of
        # numbers and print "Versions". A version label is always singular here.
        for label in style.root.iter(f"{CSL_NS}label"):
            if label.get("variable") == "version":
                label.set("plural", "never")
        macros = {}
        for macro in style.root.iterfind(f"{CSL_NS}macro"):
            macros.setdefault(macro.get("name"), macro)  # the first of a name, as citeproc-py's XPath
        _macros[id(style.root)] = macros
        loaded[(key, language)] = style
    return loaded[(key, language)]


def _render(key, language, item):
    style = _style(key, language)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), _MarkerFormatter)
    bibliography.register(Citation([CitationItem(item["id"])]))
    entries = bibliography.bibliography()
    return str(entries[0]) if entries else ""


def format_references(item, language):
    """``{style key: {"html": safe HTML, "text": plain text}}`` for a CSL item, in ``language``
    ("fr" or "en"). Cached by the content of the item."""
    payload = json.dumps(item, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{FORMAT_VERSION}|{language}|{payload}".encode()).hexdigest()
    cache_key = f"hub:citation:{digest}"
    cached = cache.get(cache_key)
    if cached is not None:
        return {
            key: {"html": mark_safe(value["html"]), "text": value["text"]} for key, value in cached.items()
        }

    item = _strip_markers(item)
    content_language = (item.get("language") or language)[:2]
    foreign = content_language != language
    if foreign:
        item = {**item, "title": f"{_FOREIGN[0]}{item['title']}{_FOREIGN[1]}"}
    result = {}
    for key in STYLES:
        try:
            rendered = _render(key, language, item)
        except Exception:  # noqa: BLE001 — a reference that cannot be formatted must not break the page
            logger.exception(
                "citeproc-py could not format %s in style %s (%s)", item.get("id"), key, language
            )
            continue
        result[key] = {"html": _as_html(rendered, content_language), "text": _as_text(rendered)}
    cache.set(cache_key, result, REFERENCE_CACHE_SECONDS)
    return {key: {"html": mark_safe(value["html"]), "text": value["text"]} for key, value in result.items()}
