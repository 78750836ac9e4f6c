"""Text analysis shared by every search backend that does not analyse text itself.

One analyser for both languages, so that a document is found the same way from /fr/ and
/en/: lower case, accents folded, elisions (l', d', qu'…) and stop words dropped, and a light
stemmer that makes singular and plural meet (évaluation ~ évaluations, journal ~ journaux,
policy ~ policies).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

TOKEN_RE = re.compile(r"[0-9a-z]+")
COMBINING_MARKS = re.compile("[\u0300-\u036f]+")  # what NFKD splits accents into
QUOTED_RE = re.compile(r'"([^"]*)"')

# Elided articles and pronouns (l', d', j', qu', n', s', t', m', c') and the commonest
# function words of French and English: they carry no meaning a search could use.
STOP_WORDS = frozenset(
    """
    l d j qu n s t m c
    le la les un une des du de au aux et ou en dans sur pour par avec sans ce ces cet cette
    son sa ses leur leurs qui que quoi dont est sont a ont ne pas plus se il elle ils elles
    on nous vous je tu y
    the a an and or of to in on for by with without is are was were be been this that these
    those it its as at from into not no
    """.split()
)


def fold(text):
    """Lower case without accents or ligatures: ``Évaluation Œuvre`` → ``evaluation oeuvre``.
    Other characters stay as they are; every one that is not an ASCII letter or digit separates terms."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))


@lru_cache(maxsize=65536)
def stem(token):
    """A light stemmer: only inflection for number, which both languages mark at the end."""
    if len(token) <= 3 or token.isdigit():
        return token
    if token.endswith("eaux"):
        return token[:-1]
    if token.endswith("aux") and len(token) > 4:
        return token[:-3] + "al"
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    if token.endswith("x") and token[-2] in "aeiou":
        return token[:-1]
    return token


def _analyze(text):
    return [stem(token) for token in TOKEN_RE.findall(fold(text)) if token not in STOP_WORDS]


# A stretch of text between ASCII characters that are neither letters nor digits. Folding works
# character by character (the only exception, Greek final sigma, never yields a term), and such
# characters always separate terms: a text's terms are those of its stretches, one after another.
STRETCH_RE = re.compile("[0-9A-Za-z\u0080-\U0010ffff]+")
# What each process remembers (about 20 MB at most): stretches of up to 40 characters, 50,000
# of them. Searches analyse text too, and what visitors type must not grow a process's memory.
STRETCH_CACHE_SIZE = 50_000
STRETCH_CACHE_LENGTH = 40


class _StretchTerms(dict):
    """Stretch → its terms, learnt on first sight: a rebuild analyses millions of words from a
    vocabulary of some thousands, so each word is folded and stemmed once."""

    def __missing__(self, stretch):
        terms = tuple(_analyze(stretch))
        if len(stretch) <= STRETCH_CACHE_LENGTH and len(self) < STRETCH_CACHE_SIZE:
            self[stretch] = terms
        return terms


_STRETCH_TERMS = _StretchTerms()


def analyze(text):
    """The terms a text is indexed and searched by, in order."""
    known = _STRETCH_TERMS
    return [term for stretch in STRETCH_RE.findall(text or "") for term in known[stretch]]


def document_terms(document):
    """A search document's analysed (title terms, body terms), each a space-separated string: what
    every backend matches queries against. The body holds the summaries, the body text and the id."""
    body = "\n".join((document["summary"], document["plain_summary"], document["body"], document["id"]))
    return " ".join(analyze(document["title"])), " ".join(analyze(body))


@dataclass(frozen=True)
class ParsedQuery:
    """What a visitor typed, as terms that must all match and phrases that must match as such."""

    terms: tuple = ()
    phrases: tuple = ()

    def __bool__(self):
        return bool(self.terms or self.phrases)


def parse_query(text):
    """Split user input into required terms and ``"quoted phrases"``; never fails on syntax."""
    text = text or ""
    phrases = []
    for quoted in QUOTED_RE.findall(text):
        words = analyze(quoted)
        if len(words) > 1:
            phrases.append(tuple(words))
        elif words:
            text += " " + words[0]
    remainder = QUOTED_RE.sub(" ", text).replace('"', " ")
    terms = []
    for term in analyze(remainder):
        if term not in terms:
            terms.append(term)
    return ParsedQuery(terms=tuple(terms), phrases=tuple(phrases))
