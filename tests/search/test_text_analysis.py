"""Text analysis learns each stretch of text between ASCII separators once: the terms must be
those of folding, splitting and stemming the whole text at once, whatever the text holds."""

import re
import unicodedata

import pytest

from search import text as text_module
from search.text import STOP_WORDS, analyze, fold, stem


def whole_text_terms(text):
    """The analysis spelled out on the whole text: fold, split on all but ASCII letters and digits,
    drop stop words, stem."""
    return [stem(token) for token in re.findall("[0-9a-z]+", fold(text)) if token not in STOP_WORDS]


TEXTS = [
    "L'évaluation des systèmes d'IA : journaux, policies, Œuvres et bureaux.",
    unicodedata.normalize("NFD", "Été, élève, cœur décomposés"),  # accents as combining marks
    "l’algorithme d’aide — « décision » … ﬁn ½ km² ①",  # typographic marks, ligatures, compatibility
    "espace\xa0insécable\u2009fine, Straße, naïveté, ØRSTED",
    "ΑΣ.ΑΣ Σ'Α σίσυφος",  # Greek final sigma, which depends on neighbours
    "İstanbul DİKKAT",  # capitals whose lower case is two characters
    "CF-2026-0042 / AB12cd_34 x86-64, 3.14",
    "emoji 🙂mot🙂 et\tonglets\nlignes\r\n",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_terms_are_those_of_the_whole_text(text):
    assert analyze(text) == whole_text_terms(text)
    assert analyze(text) == whole_text_terms(text)  # learnt stretches give the same again


def test_analysis_folds_splits_and_stems():
    assert analyze("L'Évaluation des journaux, ØRSTED") == ["evaluation", "journal", "rsted"]


def test_what_is_analysed_does_not_grow_the_cache_without_end(monkeypatch):
    learnt = text_module._StretchTerms()
    monkeypatch.setattr(text_module, "_STRETCH_TERMS", learnt)
    monkeypatch.setattr(text_module, "STRETCH_CACHE_SIZE", 3)

    long_word, words = "un" + "e" * 100, "mots nombreux mais jamais trop"
    assert analyze(long_word) == whole_text_terms(long_word)  # too long to be kept
    assert analyze(words) == analyze(words) == whole_text_terms(words)
    assert set(learnt) == {"mots", "nombreux", "mais"}
