"""Literal prefilters: skip a regular expression when its required text is absent.

As ripgrep and Hyperscan do, a pattern is parsed and a set of literal strings
is derived such that any match must contain one of them. Scanning the text for
those literals (``str.__contains__``, in C) costs far less than running ~100
patterns full of lookarounds over every article. When no such set can be
derived, the pattern always runs: the prefilter never changes a result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # the parser behind ``re``; private, so its absence only costs speed
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older or other Pythons
    sre_parse = None
    sre_constants = None

# The shortest literal kept; a rare single character («, ¿, @) filters well.
_MIN_LITERAL = 1
_MAX_LITERALS = 64

Literals = frozenset[str] | None  # None: no filter, always run


def _best(options: Iterable[frozenset[str]]) -> Literals:
    """Of several required sets, keep the one whose shortest literal is longest."""
    best: Literals = None
    for option in options:
        if best is None or min(map(len, option)) > min(map(len, best)):
            best = option
    return best


def _sequence(items: list[tuple[object, object]]) -> Literals:
    c = sre_constants
    requirements: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if len(run) >= _MIN_LITERAL:
            requirements.append(frozenset({"".join(run)}))
        run.clear()

    for op, value in items:
        if op is c.LITERAL:
            run.append(chr(value))  # type: ignore[arg-type]
            continue
        close_run()
        if op is c.SUBPATTERN:
            inner = _sequence(list(value[-1]))  # type: ignore[index]
        elif op is c.BRANCH:
            branches = [_sequence(list(b)) for b in value[1]]  # type: ignore[index]
            inner = None
            if all(b is not None for b in branches):
                union = frozenset().union(*branches)  # type: ignore[arg-type]
                inner = union if len(union) <= _MAX_LITERALS else None
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _high, body = value  # type: ignore[misc]
            inner = _sequence(list(body)) if low >= 1 else None
        elif op is getattr(c, "ATOMIC_GROUP", None):
            inner = _sequence(list(value))  # type: ignore[arg-type]
        else:
            inner = None  # classes, anchors, lookarounds, backreferences: no literal
        if inner is not None:
            requirements.append(inner)
    close_run()
    return _best(requirements)


def required_literals(pattern: str | re.Pattern[str]) -> Literals:
    """Lower-cased strings one of which every match contains, or None."""
    if sre_parse is None:
        return None
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    if flags & re.VERBOSE:
        return None
    try:
        parsed = sre_parse.parse(source, flags)
    except (re.error, AttributeError, TypeError, ValueError):
        return None
    try:
        literals = _sequence(list(parsed))
    except (AttributeError, TypeError, ValueError):
        return None
    if literals is None:
        return None
    return frozenset(s.lower() for s in literals)


def might_match(literals: Literals, lowered_text: str) -> bool:
    """False only when the pattern cannot match this (lower-cased) text."""
    return literals is None or any(map(lowered_text.__contains__, literals))
