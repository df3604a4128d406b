"""Folding text for comparison: case and accents aside."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Words (the detectors fold a few hundred an article, the same ones across articles) are
# remembered up to this length; longer texts are folded each time.
_REMEMBERED = 40


def fold(text: str) -> str:
    """Lower case without accents: José and jose, Belarús and belarus compare equal."""
    if text.isascii():  # nothing to decompose
        return text.lower()
    if len(text) <= _REMEMBERED:
        return _fold_word(text)
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_fold_word = lru_cache(maxsize=1 << 15)(_fold)
