"""Literal prefilters: skip a regular expression when its required text is absent.

As ripgrep and Hyperscan do, a pattern is parsed and a set of literal strings
is derived such that any match must contain one of them. Scanning the text for
those literals (``str.__contains__``, in C) costs far less than running ~100
patterns full of lookarounds over every article. When no such set can be
derived, the pattern always runs: the prefilter never changes a result.

Two sets are tracked for each piece of a pattern: the *exact* set (every
string the piece can match, when that is a small finite set, so that
neighbouring pieces can be joined: ``[Jj]an`` gives ``jan``) and the
*required* set (one of these occurs in any match). Of several required sets
the rarest is kept.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

try:  # the parser behind ``re``; private, so its absence only costs speed
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older or other Pythons
    sre_parse = None
    sre_constants = None

# Every literal of a set is searched for in turn: past a dozen the search costs
# more than the pattern it guards.
_MAX_SET = 12
# Characters found in nearly every article; others (%, «, ¿, @) are rare evidence.
_COMMON_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 .,;:'\"()-\n\t")
# A filter whose commonest literal is shorter than this passes nearly every article.
_MIN_RARITY = 3

Literals = frozenset[str] | None  # None: no filter, always run


@lru_cache(maxsize=4096)
def _rarity(literals: frozenset[str]) -> float:
    """How rarely the commonest literal of a set occurs: longer and odder is rarer."""
    if not literals or "" in literals:
        return -1.0
    return min(len(s) + 5 * sum(c not in _COMMON_CHARS for c in s) for s in literals)


class _Piece:
    """What one parsed element guarantees: its exact strings and a required set."""

    def __init__(self, exact: frozenset[str] | None, required: Literals) -> None:
        self.exact = exact
        self.required = required if required is not None else exact


class _Deriver:
    """Derives a required set, no larger than ``max_set``, the rarest by ``rarity``
    (greater is rarer; 0 or less: useless)."""

    def __init__(
        self, max_set: int, rarity: Callable[[frozenset[str]], float], later_wins: bool = False
    ) -> None:
        self.max_set = max_set
        self.rarity = rarity
        self.later_wins = later_wins  # on a tie: the later set (a run's extension)

    def rarest(self, *options: Literals) -> Literals:
        candidates = [o for o in options if o is not None and self.rarity(o) > 0]
        if self.later_wins:
            candidates.reverse()
        return max(candidates, key=self.rarity) if candidates else None

    def join(self, left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
        joined = frozenset(a + b for a in left for b in right)
        return joined if len(joined) <= self.max_set else None

    def element(self, op: object, value: Any) -> _Piece:
        c = sre_constants
        if op is c.LITERAL:
            return _Piece(frozenset({chr(value).lower()}), None)
        if op is c.IN:
            chars = [chr(v).lower() for o, v in value if o is c.LITERAL]
            if len(chars) == len(value):
                return _Piece(frozenset(chars), None)
            return _Piece(None, None)
        if op is c.SUBPATTERN:
            return self.sequence(value[-1])
        if op is getattr(c, "ATOMIC_GROUP", None):
            return self.sequence(value)
        if op is c.BRANCH:
            branches = [self.sequence(b) for b in value[1]]
            exact = None
            if all(b.exact is not None for b in branches):
                union = frozenset[str]().union(*(b.exact for b in branches if b.exact is not None))
                exact = union if len(union) <= self.max_set else None
            required = None
            if all(b.required is not None for b in branches):
                union = frozenset[str]().union(
                    *(b.required for b in branches if b.required is not None)
                )
                required = union if len(union) <= self.max_set else None
            return _Piece(exact, required)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, high, body = value
            inner = self.sequence(body)
            if low == 0:
                exact = None
                if high == 1 and inner.exact is not None:
                    exact = inner.exact | {""}  # optional: "" or the piece
                return _Piece(exact, None)
            exact = inner.exact if low == high == 1 else None
            return _Piece(exact, inner.required)
        if op is c.ASSERT:
            _direction, body = value
            # What a positive lookaround asserts must be in the text too.
            return _Piece(frozenset({""}), self.sequence(body).required)
        if op in (c.AT, c.ASSERT_NOT):
            return _Piece(frozenset({""}), None)  # zero-width, no requirement
        return _Piece(None, None)  # classes, any, backreferences: no literal

    def sequence(self, items: Any) -> _Piece:
        """Join exact runs of neighbouring pieces; keep the rarest requirement."""
        exact: frozenset[str] | None = frozenset({""})
        best: Literals = None
        run: frozenset[str] | None = frozenset({""})
        for op, value in items:
            piece = self.element(op, value)
            best = self.rarest(best, piece.required)
            if piece.exact is not None and run is not None:
                run = self.join(run, piece.exact)
                if exact is not None:
                    exact = self.join(exact, piece.exact)
            else:
                exact = None
                run = piece.exact if piece.exact is not None else frozenset({""})
            if run is not None:
                best = self.rarest(best, run)
            else:
                run = frozenset({""})
        return _Piece(exact, best)


_PREFILTER = _Deriver(_MAX_SET, _rarity)


def _derive(deriver: _Deriver, pattern: str | re.Pattern[str]) -> Literals:
    if sre_parse is None:
        return None
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    try:
        return deriver.sequence(sre_parse.parse(source, flags)).required
    except (re.error, AttributeError, TypeError, ValueError, RecursionError):
        return None


def required_literals(pattern: str | re.Pattern[str]) -> Literals:
    """Lower-cased strings one of which every match contains, or None."""
    literals = _derive(_PREFILTER, pattern)
    if literals is None or _rarity(literals) < _MIN_RARITY:
        return None
    return literals


# The automaton looks for any number of strings at once: a set may be this large.
_MAX_ANCHORS = 64
_WORD_PART = re.compile(r"[^\W\d_]+")
# Words of the frequency table searched for a piece of a literal (build time only).
_SEARCHED_ZIPF = 3.0


@lru_cache(maxsize=1)
def _frequent_words() -> tuple[str, list[int], list[float]]:
    """English words, the most frequent first, as one string " word " per line, with where
    each starts and its zipf: ``find`` then gives the most frequent word holding a piece."""
    from mtcheck.lexicon import words_by_frequency

    lines, starts, zipfs, offset = [], [], [], 0
    for word, value in words_by_frequency("en", _SEARCHED_ZIPF):
        lines.append(f" {word} \n")
        starts.append(offset)
        zipfs.append(value)
        offset += len(word) + 3
    return "".join(lines), starts, zipfs


@lru_cache(maxsize=1 << 16)
def _piece_zipf(piece: str) -> float:
    """The zipf of the most frequent word that holds this piece (spaces mark a word's
    ends), or -inf when none does."""
    if len(piece) > 2 and piece[0] == piece[-1] == " ":  # a whole word: itself
        from mtcheck.lexicon import zipf

        frequency = zipf(piece[1:-1])
        return frequency if frequency >= _SEARCHED_ZIPF else -math.inf
    if len(piece) > 1 and _piece_zipf(piece[:-1]) == -math.inf:
        return -math.inf  # no word holds its start: none holds it (a run grows this way)
    text, starts, zipfs = _frequent_words()
    at = text.find(piece)
    return zipfs[bisect.bisect_right(starts, at) - 1] if at >= 0 else -math.inf


@lru_cache(maxsize=1 << 14)
def _literal_zipf(literal: str) -> float:
    """About how often a literal occurs, on the zipf scale (log10 per billion words).

    Never less for a substring than for the string (so a prefix never looks rarer than
    the longer run it starts): the larger of a length estimate (a shorter string is
    commoner) and, for each piece of a word in it (with a space for a word boundary the
    literal shows), the frequency of the commonest word holding that piece, the rarest
    piece deciding."""
    odd = sum(c not in _COMMON_CHARS for c in literal)
    estimate = 9.0 - len(literal) - 2 * odd
    pieces = []
    for part in _WORD_PART.finditer(literal):
        left = " " if part.start() > 0 else ""
        right = " " if part.end() < len(literal) else ""
        pieces.append(_piece_zipf(left + part.group() + right))
    return max(estimate, min(pieces)) if pieces else estimate


@lru_cache(maxsize=1 << 16)
def _anchor_rarity(literals: frozenset[str]) -> float:
    """How rarely any literal of the set occurs: minus the zipf estimate of them all.
    A set with a literal of one character is useless to the automaton."""
    if not literals or any(len(literal) < 2 for literal in literals):
        return -1.0
    total = sum(10 ** _literal_zipf(literal) for literal in literals)
    return 10.0 - math.log10(total)


_ANCHORS = _Deriver(_MAX_ANCHORS, _anchor_rarity, later_wins=True)


# A set rarer than this (about one in ten words holding one of its literals, say 45
# function words) finds anchors all over every article: the regex runs on the whole text.
_MIN_ANCHOR_RARITY = 1.8


def anchor_literals(pattern: str | re.Pattern[str]) -> Literals:
    """Lower-cased strings one of which every match contains, for the automaton: larger
    sets than ``required_literals`` (one scan finds them all), chosen by how often their
    words occur in English rather than by length; None when none is found, or only one
    found everywhere."""
    literals = _derive(_ANCHORS, pattern)
    if literals is None or _anchor_rarity(literals) < _MIN_ANCHOR_RARITY:
        return None
    return literals


def might_match(literals: Literals, lowered_text: str) -> bool:
    """False only when the pattern cannot match this (lower-cased) text."""
    return literals is None or any(map(lowered_text.__contains__, literals))
