"""One name spelled two ways in one article: ``Alexandr`` / ``Alexander``."""

from __future__ import annotations

from collections import defaultdict
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
    found: defaultdict[str, set[str]] = defaultdict(set)
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


def _candidate_pairs(names: list[str]) -> list[tuple[str, str]]:
    """Pairs that could be one name: same first two letters, lengths within two."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[name[:2]].append(name)
    return [
        (a, b)
        for group in groups.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if abs(len(a) - len(b)) <= 2
    ]


def detect_inconsistent_names(document: Document, analysis: Analysis) -> Iterator[Hit]:
    from rapidfuzz.fuzz import ratio

    spellings = analysis.counts
    names = sorted(w for w in spellings if w[:1].isupper() and len(w) >= _MIN_LENGTH)
    minority: dict[str, str] = {}
    neighbours: dict[str, set[str]] | None = None
    for name, other in _candidate_pairs(names):
        if _related_by_inflection(name, other) or ratio(name, other) < _MIN_SIMILARITY:
            continue
        if name.replace("’", "'") == other.replace("’", "'"):
            continue  # two apostrophes, one spelling
        if zipf(name) >= _COMMON_ZIPF and zipf(other) >= _COMMON_ZIPF:
            continue
        if max(zipf(name), zipf(other)) >= _RARE_ZIPF:
            if neighbours is None:
                neighbours = _neighbours(analysis)  # only when a pair needs it
            if not neighbours[name] & neighbours[other]:
                continue  # Ukrainian / Ukrainein: similar, but nothing says one entity
        preferred = max((name, other), key=lambda n: (spellings[n], zipf(n), n))
        rejected = other if preferred == name else name
        minority[rejected] = preferred
    for rejected, preferred in sorted(minority.items()):
        message = f"“{rejected}” is also spelled “{preferred}” in this article; use one spelling"
        for token in analysis.occurrences(rejected):
            yield Hit(token.start, token.end, (preferred,), Applicability.DISPLAY_ONLY, message)
