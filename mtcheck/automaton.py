"""One pass over the text for the whole rule set: anchors, then regexes only near them.

Every phrase, pattern and line rule has *anchors*: strings one of which any match
contains or looks at (a word of each phrase; the required literals of a pattern, see
``mtcheck.prefilter``). All anchors of all rules go into one Aho–Corasick automaton
(``ahocorasick_rs``), run once over the case-folded text; a rule none of whose anchors
occurs is never run, and a rule whose anchors occur runs its regex only from where a
match holding that anchor could start (``Reach``). Adding a rule adds strings to the
automaton, not a scan of every article.

The windowed search finds exactly the matches ``regex.finditer`` finds over the whole
text: see ``windowed_matches`` for why.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

try:  # the parser behind ``re``; without it every rule runs over the whole text
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons
    sre = sre_parse = None

if TYPE_CHECKING:
    from mtcheck.rule import Rule
    from mtcheck.safe_regex import SafeRegex

_NEWLINE = 10
_UNBOUNDED = 1 << 30


def _fold_table() -> dict[int, int]:
    """``re.IGNORECASE`` also equates some lower-case letters (ſ and s, µ and μ): one each."""
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover
        return {}
    table: dict[int, int] = {}
    for char, others in _EXTRA_CASES.items():
        canonical = min(char, *others)
        for member in (char, *others):
            if member != canonical:
                table[member] = canonical
    return table


# A typographic apostrophe is the one real pages write (Nation’s); rules are typed with the
# straight one. Folded alike, an anchor typed either way is found in text written either way.
_FOLD = _fold_table() | {ord("’"): ord("'")}
_NEEDS_TABLE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]" if _FOLD else "(?!)"
)


def fold(text: str) -> str | None:
    """The text as case-insensitive matching sees it, offset for offset (and ’ as '); None
    when lower-casing changes its length (İ), where offsets into it would not be offsets
    into the text."""
    folded = text.lower()
    if len(folded) != len(text):
        return None
    if _NEEDS_TABLE.search(folded):
        folded = folded.translate(_FOLD)
    return folded


@dataclass(frozen=True)
class Reach:
    """How far from the start of a match the regex can look.

    ``before``: the widest lookbehind; ``width``: the most characters examined forward
    (matched or looked ahead at) besides runs of spaces, None when unbounded; ``spaces``:
    how many unbounded runs of spaces and tabs (``[ \t]*``) it may match, each no longer
    than the longest such run in the text; ``newlines``: the most line breaks among them,
    None when unbounded. ``whole_text``: no bound, or a match may be empty — the regex
    runs over the whole text whenever an anchor is present.
    """

    before: int
    width: int | None
    newlines: int | None
    spaces: int = 0

    @property
    def whole_text(self) -> bool:
        return self.width is None and self.newlines is None


WHOLE_TEXT = Reach(0, None, None)


_BLANKS = frozenset({ord(" "), ord("\t")})


def _only_blanks(op: object, value: Any) -> bool:
    """Whether a single-character element matches nothing but spaces and tabs."""
    if op is sre.LITERAL:
        return value in _BLANKS
    if op is sre.IN:
        return all(o is sre.LITERAL and v in _BLANKS for o, v in value)
    return False


def _class_has_newline(items: Sequence[tuple[object, Any]]) -> bool:
    """Whether a character class ``[...]`` can match a line break (True when unsure)."""
    negate = bool(items) and items[0][0] is sre.NEGATE
    has, unsure = False, False
    for op, value in items[1:] if negate else items:
        if op is sre.LITERAL:
            has |= value == _NEWLINE
        elif op is sre.RANGE:
            low, high = value
            has |= low <= _NEWLINE <= high
        elif op is sre.CATEGORY:
            if value in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD, sre.CATEGORY_NOT_DIGIT):
                has = True
            elif value not in (sre.CATEGORY_WORD, sre.CATEGORY_DIGIT, sre.CATEGORY_NOT_SPACE):
                unsure = True
        else:
            unsure = True
    if unsure:
        return True
    return has != negate


class _Extent:
    """Walks a parsed pattern: (characters examined, line breaks among them, unbounded runs
    of blanks), each inf when unbounded."""

    def __init__(self, dotall: bool) -> None:
        self.dotall = dotall
        self.before = 0

    def sequence(self, items: Iterable[tuple[object, object]]) -> tuple[float, float, float]:
        width = newlines = spaces = 0.0
        for op, value in items:
            w, n, b = self.element(op, value)
            width, newlines, spaces = width + w, newlines + n, spaces + b
        return width, newlines, spaces

    def element(self, op: object, value: Any) -> tuple[float, float, float]:
        if op is sre.LITERAL:
            return 1, float(value == _NEWLINE), 0
        if op is sre.NOT_LITERAL:
            return 1, float(value != _NEWLINE), 0
        if op is sre.ANY:
            return 1, float(self.dotall), 0
        if op is sre.IN:
            return 1, float(_class_has_newline(value)), 0
        if op is sre.AT:
            return 0, 0, 0
        if op is sre.BRANCH:
            parts = [self.sequence(b) for b in value[1]]
            return max(p[0] for p in parts), max(p[1] for p in parts), max(p[2] for p in parts)
        if op is sre.SUBPATTERN:
            _group, add, remove, body = value
            dotall = self.dotall
            self.dotall = bool(
                (dotall or add & sre.SRE_FLAG_DOTALL) and not remove & sre.SRE_FLAG_DOTALL
            )
            try:
                return self.sequence(body)
            finally:
                self.dotall = dotall
        if op is getattr(sre, "ATOMIC_GROUP", None):
            return self.sequence(value)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            _low, high, body = value
            if high == sre.MAXREPEAT and len(body) == 1 and _only_blanks(*body[0]):
                return 0, 0, 1  # [ \t]*: no longer than the longest run of blanks in the text
            times = math.inf if high == sre.MAXREPEAT else high
            w, n, b = self.sequence(body)
            return (w * times if w else 0), (n * times if n else 0), (b * times if b else 0)
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, body = value
            extent = self.sequence(body)
            if direction < 0:
                # Python's lookbehinds are fixed-width; a run of blanks cannot be in one.
                unbounded = extent[0] == math.inf or extent[2]
                self.before = max(self.before, _UNBOUNDED if unbounded else int(extent[0]))
            # Counted as if matched: a lookaround examines text too (an over-estimate).
            return extent
        if op is sre.GROUPREF_EXISTS:
            _group, yes, no = value
            first, other = self.sequence(yes), self.sequence(no) if no else (0.0, 0.0, 0.0)
            return max(first[0], other[0]), max(first[1], other[1]), max(first[2], other[2])
        return math.inf, math.inf, math.inf  # back-references and the unknown: no bound


def reach(regex: re.Pattern[str] | SafeRegex) -> Reach:
    """The reach of a compiled regex; ``WHOLE_TEXT`` when it cannot be bounded."""
    if sre_parse is None:
        return WHOLE_TEXT
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, TypeError, ValueError):  # pragma: no cover - it compiled already
        return WHOLE_TEXT
    if parsed.getwidth()[0] == 0:
        return WHOLE_TEXT  # empty matches advance finditer in its own way: keep it
    walker = _Extent(bool(parsed.state.flags & sre.SRE_FLAG_DOTALL))
    width, newlines, spaces = walker.sequence(parsed)
    if walker.before >= _UNBOUNDED:
        return WHOLE_TEXT
    bounded = width != math.inf and spaces != math.inf
    return Reach(
        walker.before,
        int(width) if bounded else None,
        None if newlines == math.inf else int(newlines),
        int(spaces) if bounded else 0,
    )


class Window(NamedTuple):
    """Matches may start from ``low`` to ``high``; searching up to ``stop`` sees all they see."""

    low: int
    high: int
    stop: int


def windows(
    anchors: Iterable[tuple[int, int]],
    how: Reach,
    length: int,
    breaks: Sequence[int],
    blank_run: int,
) -> list[Window]:
    """Where a match holding one of the anchors (start, length) can start, merged.

    A match starting at s examines text from s - before to s + width, with at most
    ``newlines`` line breaks after s; so one holding the anchor at a starts no later than
    a + before, and no earlier than a + len - width nor than the start of the line
    ``newlines`` lines up. Searching with endpos two past the last character any such
    start can examine gives ``$``, ``\\b`` and lookaheads the same text as the whole string.
    ``blank_run`` is the longest run of spaces and tabs in the text.
    """
    # Plain tuples while sorting and merging: this runs for every anchored rule of
    # every article, and building a record per anchor cost more than the merge.
    before = how.before
    width = None if how.width is None else how.width + how.spaces * blank_run
    spans: list[tuple[int, int, int]] = []
    for start, size in anchors:
        high = start + before
        low, stop = 0, length
        if width is not None:
            low = start + size - width
            stop = high + width + 2
        if how.newlines is not None:
            line = bisect.bisect_left(breaks, start) - how.newlines
            low = max(low, breaks[line - 1] + 1 if line > 0 else 0)
            last = bisect.bisect_left(breaks, high) + how.newlines
            stop = min(stop, breaks[last] + 2 if last < len(breaks) else length)
        spans.append((low if low > 0 else 0, high, stop if stop < length else length))
    spans.sort()
    merged: list[Window] = []
    current_low, current_high, current_stop = -1, -1, -1
    for low, high, stop in spans:
        if current_low >= 0 and low <= current_high:
            if high > current_high:
                current_high = high
            if stop > current_stop:
                current_stop = stop
            continue
        if current_low >= 0:
            merged.append(Window(current_low, current_high, current_stop))
        current_low, current_high, current_stop = low, high, stop
    if current_low >= 0:
        merged.append(Window(current_low, current_high, current_stop))
    return merged


def windowed_matches(
    regex: re.Pattern[str] | SafeRegex, text: str, spans: Sequence[Window]
) -> Iterator[re.Match[str]]:
    """The matches ``regex.finditer(text)`` yields that start inside the windows.

    Every match of the rule starts in some window (it holds an anchor), and no match
    is empty, so finditer's matches are leftmost, non-overlapping and each the leftmost
    at or after the end of the one before. Searching each window from the end of the
    last match found sees the same text the whole-string search would see (``stop``),
    so it finds the same next match; one starting past the window is not the rule's.
    """
    cursor = 0
    for span in spans:
        position = max(span.low, cursor)
        while position <= span.high:
            match = regex.search(text, position, span.stop)
            if match is None or match.start() > span.high:
                break
            yield match
            cursor = position = match.end()


def matches_from(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, given every position a match can start at.

    A long alternation is slow to try at each character; tried only at the candidate
    starts (where an automaton found a string every match begins with), in order and
    past the end of the match before, it finds the same leftmost, non-overlapping,
    non-empty matches: a match at a position is the one the scan finds there, its
    lookbehinds seeing the text before it. ``pattern`` must never match empty.
    """
    cursor = 0
    for start in sorted(set(starts)):
        if start < cursor:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            cursor = match.end()


def line_numbers(
    anchors: Iterable[tuple[int, int]], before: int, line_starts: Sequence[int]
) -> list[int]:
    """The 1-based lines a line rule must try: those whose match could hold an anchor.

    A line rule matches inside one line; its lookbehinds may look ``before`` characters
    back, so an anchor at a serves the lines from the one holding its end to the one
    holding a + before.
    """
    lines: set[int] = set()
    for start, size in anchors:
        first = bisect.bisect_right(line_starts, start + size - 1)
        last = bisect.bisect_right(line_starts, start + before)
        lines.update(range(first, last + 1))
    return sorted(lines)


class RuleIndex:
    """The anchors of a rule set in one automaton; ``scan`` says which rules to run where.

    A phrase rule's companions (strings one of which must be in the text too for a
    phrase holding the anchor to match, see ``PhraseRule.companions``) are in the
    automaton as well: a rule none of whose anchors has a companion present is not run.
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        anchors: dict[str, list[str]] = {}  # anchor -> ids of the rules it serves
        self.positions = {rule.info.id: n for n, rule in enumerate(rules)}
        self.unanchored: frozenset[str] = frozenset(
            rule.info.id for rule in rules if rule.anchors() is None
        )
        self._always = sorted(self.positions[i] for i in self.unanchored)
        self._companions: dict[str, dict[str, frozenset[str] | None]] = {}
        companion_strings: set[str] = set()
        for rule in rules:
            for anchor in rule.anchors() or ():
                anchors.setdefault(anchor, []).append(rule.info.id)
            companions = getattr(rule, "companions", None)
            if companions and rule.anchors() is not None:
                self._companions[rule.info.id] = companions
                for others in companions.values():
                    companion_strings.update(others or ())
        for string in companion_strings:
            anchors.setdefault(string, [])
        self._strings = list(anchors)
        self._owners = [tuple(anchors[s]) for s in self._strings]
        self._automaton = None
        if self._strings:
            import ahocorasick_rs

            self._automaton = ahocorasick_rs.AhoCorasick(self._strings)

    def scan(self, folded: str) -> dict[str, list[tuple[int, int]]]:
        """Rule id -> (start, length) of each of its anchors in the folded text."""
        found: dict[str, list[tuple[int, int]]] = {}
        if self._automaton is None:
            return found
        owners, strings = self._owners, self._strings
        present: set[str] = set()
        for index, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            present.add(strings[index])
            hit = (start, end - start)
            for rule_id in owners[index]:
                found.setdefault(rule_id, []).append(hit)
        for rule_id in [r for r in found if r in self._companions]:
            companions = self._companions[rule_id]
            if not any(
                (others := companions.get(folded[start : start + size])) is None
                or not present.isdisjoint(others)
                for start, size in found[rule_id]
            ):
                del found[rule_id]  # no phrase of it can be whole here
        return found

    def to_run(self, found: Iterable[str]) -> list[int]:
        """Positions in the rule set of the rules to run, given the rules whose anchors
        were found: those, and the rules without anchors, in rule-set order."""
        positions = self.positions
        return sorted([*self._always, *(positions[rule_id] for rule_id in found)])
