"""Folding text for comparison: case and accents aside."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents: José and jose, Belarús and belarus compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
