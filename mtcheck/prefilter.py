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

import re
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


def _rarest(*options: Literals) -> Literals:
    candidates = [o for o in options if o is not None and _rarity(o) > 0]
    return max(candidates, key=_rarity) if candidates else None


def _join(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    joined = frozenset(a + b for a in left for b in right)
    return joined if len(joined) <= _MAX_SET else None


class _Piece:
    """What one parsed element guarantees: its exact strings and a required set."""

    def __init__(self, exact: frozenset[str] | None, required: Literals) -> None:
        self.exact = exact
        self.required = required if required is not None else exact


def _element(op: object, value: Any) -> _Piece:
    c = sre_constants
    if op is c.LITERAL:
        return _Piece(frozenset({chr(value).lower()}), None)
    if op is c.IN:
        chars = [chr(v).lower() for o, v in value if o is c.LITERAL]
        if len(chars) == len(value):
            return _Piece(frozenset(chars), None)
        return _Piece(None, None)
    if op is c.SUBPATTERN:
        return _sequence(value[-1])
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _sequence(value)
    if op is c.BRANCH:
        branches = [_sequence(b) for b in value[1]]
        exact = None
        if all(b.exact is not None for b in branches):
            union = frozenset[str]().union(*(b.exact for b in branches if b.exact is not None))
            exact = union if len(union) <= _MAX_SET else None
        required = None
        if all(b.required is not None for b in branches):
            union = frozenset[str]().union(
                *(b.required for b in branches if b.required is not None)
            )
            required = union if len(union) <= _MAX_SET else None
        return _Piece(exact, required)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, high, body = value
        inner = _sequence(body)
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
        return _Piece(frozenset({""}), _sequence(body).required)
    if op in (c.AT, c.ASSERT_NOT):
        return _Piece(frozenset({""}), None)  # zero-width, no requirement
    return _Piece(None, None)  # classes, any, backreferences: no literal


def _sequence(items: Any) -> _Piece:
    """Join exact runs of neighbouring pieces; keep the rarest requirement."""
    exact: frozenset[str] | None = frozenset({""})
    best: Literals = None
    run: frozenset[str] | None = frozenset({""})
    for op, value in items:
        piece = _element(op, value)
        best = _rarest(best, piece.required)
        if piece.exact is not None and run is not None:
            run = _join(run, piece.exact)
            if exact is not None:
                exact = _join(exact, piece.exact)
        else:
            exact = None
            run = piece.exact if piece.exact is not None else frozenset({""})
        if run is not None:
            best = _rarest(best, run)
        else:
            run = frozenset({""})
    return _Piece(exact, best)


def required_literals(pattern: str | re.Pattern[str]) -> Literals:
    """Lower-cased strings one of which every match contains, or None."""
    if sre_parse is None:
        return None
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    try:
        literals = _sequence(sre_parse.parse(source, flags)).required
    except (re.error, AttributeError, TypeError, ValueError):
        return None
    if literals is None or _rarity(literals) < _MIN_RARITY:
        return None
    return literals


def might_match(literals: Literals, lowered_text: str) -> bool:
    """False only when the pattern cannot match this (lower-cased) text."""
    return literals is None or any(map(lowered_text.__contains__, literals))
