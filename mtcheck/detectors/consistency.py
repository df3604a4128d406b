"""One name spelled two ways in one article: ``Alexandr`` / ``Alexander``."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability

_MIN_LENGTH = 5
_MIN_SIMILARITY = 85.0
# Two spellings that are both common English words are two words (Austria, Australia).
_COMMON_ZIPF = 3.5
# Two rare spellings this close are one name misspelt (Zaluzhniy / Zaluzhny).
_RARE_ZIPF = 2.5
# Neighbouring names are compared by their first letters (Lukashenko / Lukashenkois).
_STEM = 6


def _related_by_inflection(a: str, b: str) -> bool:
    """Russia/Russian, Belarus/Belarusian, Peru/Peruvian: a word and its derivative."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) or (long.startswith(short[:-1]) and len(long) - len(short) >= 2)


def _neighbours(analysis: Analysis) -> dict[str, set[str]]:
    """For each capitalised spelling, the stems of the capitalised words beside it."""
    found: dict[str, set[str]] = defaultdict(set)
    tokens = analysis.tokens
    text = analysis.text
    for i, token in enumerate(tokens):
        if not token.text[:1].isupper():
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(tokens):
                continue
            other = tokens[j]
            gap = text[min(token.end, other.end) : max(token.start, other.start)]
            if other.text[:1].isupper() and gap.strip() == "":
                found[token.text].add(other.text[:_STEM])
    return found


def detect_inconsistent_names(document: Document, analysis: Analysis) -> Iterator[Hit]:
    from rapidfuzz import fuzz, process

    spellings: Counter[str] = Counter(
        t.text for t in analysis.tokens if t.text[:1].isupper() and len(t.text) >= _MIN_LENGTH
    )
    names = sorted(spellings)
    neighbours = _neighbours(analysis)
    minority: dict[str, str] = {}
    for name in names:
        for other, _score, _ in process.extract(
            name, names, scorer=fuzz.ratio, score_cutoff=_MIN_SIMILARITY, limit=None
        ):
            if other == name or other[:2] != name[:2] or abs(len(other) - len(name)) > 2:
                continue
            if _related_by_inflection(name, other):
                continue
            if zipf(name) >= _COMMON_ZIPF and zipf(other) >= _COMMON_ZIPF:
                continue
            both_rare = max(zipf(name), zipf(other)) < _RARE_ZIPF
            if not both_rare and not (neighbours[name] & neighbours[other]):
                continue  # Ukrainian / Ukrainein: similar, but nothing says one entity
            preferred = max((name, other), key=lambda n: (spellings[n], zipf(n), n))
            if preferred != name:
                minority[name] = preferred
    for token in analysis.tokens:
        preferred = minority.get(token.text)
        if preferred is None:
            continue
        yield Hit(
            token.start,
            token.end,
            (preferred,),
            Applicability.DISPLAY_ONLY,
            f"“{token.text}” is also spelled “{preferred}” in this article; use one spelling",
        )
