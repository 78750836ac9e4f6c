"""How easy a plain-language summary is to read, in French or English, with advice for its author.

The score is Flesch's reading ease: for English, Flesch (1948), 206.835 - 1.015 x words per
sentence - 84.6 x syllables per word; for French, the Kandel & Moles (1958) adaptation, 207 -
1.015 x words per sentence - 73.6 x syllables per word (the constants of textstat's
``LANG_CONFIGS``). textstat counts the words and sentences; syllables are counted with pyphen, as
textstat does for French. For English textstat would first look words up in NLTK's cmudict,
which it downloads at first use: a network call at run time that fails offline, so English
syllables come from pyphen too (textstat's own fallback). Nothing here is shared mutable state:
textstat's module-level ``set_lang`` is never called (its counts used here do not depend on the
language), and each language has its own pyphen dictionary, so concurrent requests in different
languages cannot affect each other.
"""

import re
from dataclasses import dataclass, replace

from django.utils.translation import gettext, gettext_lazy, ngettext
from pyphen import Pyphen
from textstat.textstat import textstatistics

LANGUAGES = ("fr", "en")
MAX_TEXT_LENGTH = 5000
"""Longer than any summary: the live endpoint refuses more, so a request stays cheap."""

TOO_COMPLEX_BELOW = 60
"""A score under 60 is "fairly difficult" or worse on Flesch's table: too complex for a
plain-language summary. Used by the editor's panel, the content checker and the tests."""

LEVELS = (
    # (lowest score, level): Flesch's (1948) bands, the upper two merged into "easy".
    (80, "easy"),
    (70, "fairly_easy"),
    (TOO_COMPLEX_BELOW, "standard"),
    (float("-inf"), "difficult"),
)
LEVEL_LABELS = {
    "easy": gettext_lazy("easy"),
    "fairly_easy": gettext_lazy("fairly easy"),
    "standard": gettext_lazy("standard"),
    "difficult": gettext_lazy("difficult"),
}
LEVEL_CHOICES = list(LEVEL_LABELS.items())

LONG_SENTENCE_WORDS = 20
"""Plain-language guides (Canada.ca, GOV.UK) advise 15 to 20 words a sentence at most."""

LONG_WORD_SYLLABLES = {"fr": 4, "en": 3}
"""A long word: three syllables or more in English (Gunning's "complex word"); French words
run a syllable longer on average, so four or more there. Syllables are counted as in the score."""

LONG_WORD_SHARE = 0.15
"""Advice about long words only when more than this share of the words are long."""

SHORTENED_SENTENCE_WORDS = 8
EXAMPLE_WORDS = 5

FLESCH = {
    # language: (base, weight of words per sentence, weight of syllables per word)
    "fr": (207.0, 1.015, 73.6),
    "en": (206.835, 1.015, 84.6),
}

_COUNTS = textstatistics()
_HYPHENATORS = {language: Pyphen(lang=language) for language in LANGUAGES}

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Readability:
    """One assessment. ``score`` is None for an empty text."""

    language: str
    score: float | None
    level: str
    words: int
    sentences: int
    words_per_sentence: float
    long_sentences: tuple[str, ...]
    long_words: tuple[str, ...]
    advice: tuple[str, ...]

    @property
    def too_complex(self):
        return is_too_complex(self.score)

    @property
    def level_label(self):
        return LEVEL_LABELS.get(self.level, "")

    def as_json(self):
        return {
            "language": self.language,
            "score": self.score,
            "level": self.level,
            "level_label": str(self.level_label),
            "too_complex": self.too_complex,
            "words": self.words,
            "sentences": self.sentences,
            "words_per_sentence": self.words_per_sentence,
            "long_sentences": list(self.long_sentences),
            "long_words": list(self.long_words),
            "advice": list(self.advice),
        }


def is_too_complex(score):
    """True for a score under the threshold; an empty summary (no score) is missing, not complex."""
    return score is not None and score < TOO_COMPLEX_BELOW


def level_for(score):
    """The level key of a score, or "" when there is no score."""
    if score is None:
        return ""
    return next(level for lowest, level in LEVELS if score >= lowest)


def split_sentences(text):
    return [sentence.strip() for sentence in _SENTENCE_END.split(text) if sentence.strip()]


def shorten(sentence):
    words = sentence.split()
    if len(words) <= SHORTENED_SENTENCE_WORDS:
        return sentence
    return " ".join(words[:SHORTENED_SENTENCE_WORDS]) + " …"


def syllables(word, language):
    """Syllables of one word as textstat counts them with pyphen: hyphenation points + 1."""
    return len(_HYPHENATORS[language].positions(word.lower())) + 1


def reading_ease(words, sentences, syllable_count, language):
    """Flesch's reading ease from the counts, clamped to 0-100."""
    base, per_sentence, per_word = FLESCH[language]
    score = base - per_sentence * words / sentences - per_word * syllable_count / words
    return round(min(100.0, max(0.0, score)), 1)


def assess(text, language):
    """Assess ``text`` in ``language`` ("fr" or "en"); advice is in the active language."""
    if language not in FLESCH:
        raise ValueError(f"Unsupported language: {language!r}")
    text = (text or "").strip()
    word_list = _COUNTS.remove_punctuation(text).split()
    words = len(word_list)
    sentences = _COUNTS.sentence_count(text)
    if not words:
        return Readability(
            language, None, "", 0, 0, 0.0, (), (), (gettext("Write a plain-language summary."),)
        )
    score = reading_ease(words, sentences, sum(syllables(word, language) for word in word_list), language)
    long_sentences = tuple(
        shorten(sentence)
        for sentence in split_sentences(text)
        if _COUNTS.lexicon_count(sentence) > LONG_SENTENCE_WORDS
    )
    long_word_uses = [
        word for word in _WORD.findall(text) if syllables(word, language) >= LONG_WORD_SYLLABLES[language]
    ]
    result = Readability(
        language=language,
        score=score,
        level=level_for(score),
        words=words,
        sentences=sentences,
        words_per_sentence=round(words / sentences, 1),
        long_sentences=long_sentences,
        long_words=tuple(dict.fromkeys(long_word_uses)),
        advice=(),
    )
    return replace(result, advice=tuple(advice_for(result, len(long_word_uses))))


def advice_for(result, long_word_uses):
    """Plain advice, most useful first."""
    if result.too_complex:
        yield gettext(
            "Reading ease %(score)s is under %(threshold)s: this summary is too complex for many readers."
        ) % {"score": f"{result.score:.0f}", "threshold": TOO_COMPLEX_BELOW}
    count = len(result.long_sentences)
    if count:
        yield ngettext(
            "%(count)d sentence has more than %(max)d words: split it.",
            "%(count)d sentences have more than %(max)d words: split them.",
            count,
        ) % {"count": count, "max": LONG_SENTENCE_WORDS}
    if result.words and long_word_uses / result.words > LONG_WORD_SHARE:
        yield gettext("Many long words (%(examples)s): use shorter, everyday words where you can.") % {
            "examples": ", ".join(result.long_words[:EXAMPLE_WORDS])
        }


def backfill(model):
    """Store the score of every existing page of ``model`` (a migration's historical model)."""
    for page in model.objects.select_related("locale").only("plain_summary", "locale__language_code"):
        if page.locale.language_code in FLESCH:
            result = assess(page.plain_summary, page.locale.language_code)
            model.objects.filter(pk=page.pk).update(
                plain_summary_score=result.score, plain_summary_level=result.level
            )
