"""The glossary of AI terms: the entries of its page, and the links from a case file's text to
the definitions of the words it uses.

Links are added to rendered HTML with a real tokenizer (``html.parser``), never with a regular
expression over markup: the text between tags is searched, tags and attributes pass through
unchanged, and no link is put inside a link, a heading, code or a form control."""

import re
import unicodedata
from dataclasses import dataclass, field
from html import escape

from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from .html_rewriting import HTMLRewriter
from .models import GlossaryTerm, term_forms

# Text inside these elements is never linked: links cannot nest, headings and code must read as
# written, form controls and embedded documents cannot hold links.
NO_LINK_ELEMENTS = frozenset(
    {
        "a",
        "abbr",
        "button",
        "code",
        "dfn",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "kbd",
        "label",
        "math",
        "option",
        "pre",
        "samp",
        "script",
        "select",
        "style",
        "summary",
        "svg",
        "template",
        "textarea",
        "title",
    }
)
APOSTROPHES = "'’ʼ"


def glossary_url(language_code):
    """The glossary page's address in ``language_code``."""
    with translation.override(language_code):
        return reverse("glossary")


def sort_key(text):
    """Alphabetical order as a French or English reader expects it: accents and case do not
    change a word's place (« évaluation » files under E)."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return (stripped.casefold(), text)


def index_letter(text):
    """The letter a term is listed under, accents removed; ``#`` for a digit or symbol."""
    first = sort_key(text)[0][:1].upper()
    return first if "A" <= first <= "Z" else "#"


@dataclass
class Entry:
    """One definition as the glossary page shows it."""

    term: str
    slug: str
    definition: str
    example: str
    related: list = field(default_factory=list)  # the related entries in the same language


def glossary_entries(language_code):
    """The glossary in ``language_code``, alphabetical, each related term replaced by its version
    in that language (omitted if it has none). Two queries whatever the number of terms."""
    terms = list(
        GlossaryTerm.objects.filter(locale__language_code=language_code).prefetch_related("related_terms")
    )
    entries = {
        term.translation_key: Entry(term.term, term.slug, term.definition, term.example) for term in terms
    }
    for term in terms:
        related = [
            entries[other.translation_key]
            for other in term.related_terms.all()
            if other.translation_key in entries and other.translation_key != term.translation_key
        ]
        entries[term.translation_key].related = sorted(related, key=lambda entry: sort_key(entry.term))
    return sorted(entries.values(), key=lambda entry: sort_key(entry.term))


def by_letter(entries):
    """``[{"letter", "anchor", "entries"}]`` in alphabetical order, for the page's letter index;
    terms starting with a digit or a symbol come last under ``#``."""
    groups = {}
    for entry in entries:
        groups.setdefault(index_letter(entry.term), []).append(entry)
    return [
        {
            "letter": letter,
            "anchor": f"letter-{letter.lower() if letter != '#' else 'other'}",
            "entries": group,
        }
        for letter, group in sorted(groups.items(), key=lambda group: (group[0] == "#", group[0]))
    ]


def normalise(text):
    """How a matched word is looked up: spaces collapsed, one apostrophe, lower case."""
    text = " ".join(text.split())
    for apostrophe in APOSTROPHES[1:]:
        text = text.replace(apostrophe, "'")
    return text.lower()


def form_pattern(form):
    """A form as a regular expression that allows any spacing and any apostrophe."""
    parts = []
    for char in form:
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in APOSTROPHES:
            parts.append(f"[{APOSTROPHES}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


@dataclass
class Definition:
    slug: str
    definition: str


class Glossary:
    """The terms of one language, ready to link in that language's texts."""

    def __init__(self, language_code, terms):
        self.language_code = language_code
        self.url = glossary_url(language_code) if terms else ""
        self.by_form = {}
        for slug, term, other_forms, definition in terms:
            entry = Definition(slug, definition)
            for form in term_forms(term, other_forms):
                self.by_form.setdefault(normalise(form), entry)
        forms = sorted(self.by_form, key=len, reverse=True)  # the longest form wins: "IA" < "IA générative"
        self.pattern = (
            re.compile(
                r"(?<!\w)(?:" + "|".join(form_pattern(form) for form in forms) + r")(?!\w)", re.IGNORECASE
            )
            if forms
            else None
        )

    @classmethod
    def for_language(cls, language_code):
        """The glossary of ``language_code``, in one query."""
        terms = GlossaryTerm.objects.filter(locale__language_code=language_code).values_list(
            "slug", "term", "other_forms", "definition"
        )
        return cls(language_code, list(terms))

    def __bool__(self):
        return self.pattern is not None

    def link_terms(self, markup):
        """``markup`` with the first use of each term linked to its definition, with a tooltip."""
        if not self:
            return markup
        return mark_safe(TermLinker(self).rewrite(markup))  # noqa: S308 - tags copied as parsed, text escaped

    def link(self, text, entry):
        tip_id = f"tip-{entry.slug}"
        return (
            '<span class="glossary">'
            f'<a class="glossary-term" href="{escape(self.url)}#{escape(entry.slug)}" '
            f'aria-describedby="{escape(tip_id)}">{escape(text, quote=False)}</a>'
            f'<span class="glossary-tip" role="tooltip" id="{escape(tip_id)}">'
            f"{escape(entry.definition, quote=False)}</span></span>"
        )


class TermLinker(HTMLRewriter):
    """Copies markup through, linking the first use of each term in text outside
    ``NO_LINK_ELEMENTS``."""

    def __init__(self, glossary):
        super().__init__()
        self.glossary = glossary
        self.linked = set()
        self.open_no_link = []  # the NO_LINK_ELEMENTS currently open, innermost last

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag in NO_LINK_ELEMENTS:
            self.open_no_link.append(tag)

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag in self.open_no_link:
            # Close it and anything left open inside it, as a browser would.
            del self.open_no_link[len(self.open_no_link) - 1 - self.open_no_link[::-1].index(tag) :]

    def handle_data(self, data):
        if self.open_no_link or self.raw_text:
            super().handle_data(data)
        else:
            self.output.append(self.linked_text(data))

    def linked_text(self, data):
        pieces, position = [], 0
        for match in self.glossary.pattern.finditer(data):
            entry = self.glossary.by_form.get(normalise(match.group()))
            if entry is None or entry.slug in self.linked:
                continue
            self.linked.add(entry.slug)
            pieces.append(escape(data[position : match.start()], quote=False))
            pieces.append(self.glossary.link(match.group(), entry))
            position = match.end()
        pieces.append(escape(data[position:], quote=False))
        return "".join(pieces)
