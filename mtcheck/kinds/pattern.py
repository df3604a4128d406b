"""``kind = "pattern"``: a regular expression with replacement templates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from mtcheck import safe_regex
from mtcheck.automaton import Reach, fold, reach
from mtcheck.model import Finding
from mtcheck.prefilter import anchor_literals, required_literals
from mtcheck.rule import Register, Rule, RuleInfo, match_case

if TYPE_CHECKING:
    from mtcheck.analysis import Analysis
    from mtcheck.document import Document

_GROUP_REF = re.compile(r"\\[go]<(\w+)>|\\(\d+)")
# ``\o<n>`` writes a group that holds a number as its English ordinal (33 -> 33rd): Spanish
# says "al minuto 33", English "in the 33rd minute".
_ORDINAL_REF = re.compile(r"\\o<(\w+)>")
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


def compile_flags(letters: str) -> int:
    flags = 0
    for letter in letters:
        if letter not in _FLAGS:
            raise ValueError(f"unknown regex flag {letter!r} (expected some of: imsx)")
        flags |= _FLAGS[letter]
    return flags


def regex_anchors(literals: frozenset[str] | None) -> frozenset[str] | None:
    """The prefilter's literals, case-folded as the automaton reads the text."""
    if literals is None:
        return None
    folded = {fold(literal) for literal in literals}
    return None if None in folded else frozenset(f for f in folded if f)  # type: ignore[misc]


class RegexRule(Rule):
    """A rule run by one regular expression: its anchors and reach come from it."""

    regex: safe_regex.SafeRegex

    @cached_property
    def literals(self) -> frozenset[str] | None:
        """What the prefilter requires (derived on first use, or read from the compiled cache)."""
        return required_literals(self.regex.python)

    def derive_anchors(self) -> frozenset[str] | None:
        return regex_anchors(anchor_literals(self.regex.python))

    @cached_property
    def reach(self) -> Reach:
        return reach(self.regex)

    @property
    def re2_pattern(self) -> str | None:
        """The RE2 pattern its regex runs as (None: Python's re), for the compiled cache."""
        return self.regex.checked_translation()


class PatternRule(RegexRule):
    """Flags each match of ``pattern``; the group ``flag`` (if any) is what is reported
    (``flag2``, ``flag3``… in other alternatives: the first that matched).

    Replacement templates use ``\\g<name>``/``\\1`` and replace the reported group;
    ``translate`` derives a first replacement by mapping characters.
    """

    kind: ClassVar[str] = "pattern"
    keys: ClassVar[frozenset[str]] = frozenset(
        {"pattern", "replace", "flags", "keep_case", "translate", "map", "register"}
    )

    def __init__(self, info: RuleInfo, table: dict[str, Any]) -> None:
        super().__init__(info)
        self.regex = safe_regex.compile(table["pattern"], compile_flags(table.get("flags", "")))
        self.register = Register.parse(table.get("register"))
        self.templates: tuple[str, ...] = tuple(table.get("replace", ()))
        self.keep_case: bool = table.get("keep_case", True)
        # ``translate`` maps characters of the flagged text to others (200.000 -> 200,000).
        mapping = table.get("translate", {})
        if not isinstance(mapping, dict) or not all(
            isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in mapping.items()
        ):
            raise ValueError("translate must map single characters to strings")
        self.translation = str.maketrans(mapping) if mapping else None
        # ``map`` gives the flagged text its own replacement (John Charles -> Juan Carlos).
        self.by_text: dict[str, tuple[str, ...]] = _suggestions_by_text(table.get("map", {}))
        # A case-blind pattern may flag THE TIME for a map written as The Time.
        self.by_lower: dict[str, tuple[str, ...]] = {k.lower(): v for k, v in self.by_text.items()}

    def validate(self) -> None:
        for template in self.templates:
            for ref in _GROUP_REF.finditer(template):
                name = ref.group(1) or ref.group(2)
                known = name in self.regex.groupindex or (
                    name.isdigit() and int(name) <= self.regex.groups
                )
                if not known:
                    raise ValueError(f"replacement refers to unknown group {name!r}")

    def find(self, document: Document, analysis: Analysis) -> Iterator[Finding]:
        if self.register is not None and not self.register.holds(analysis):
            return
        flags = sorted(g for g in self.regex.groupindex if g.startswith("flag"))
        for match in analysis.matches(self, self.regex, self.literals, self.reach):
            # One alternative may name its reported part flag, another flag2.
            group = next((g for g in flags if match.start(g) >= 0), 0) if flags else 0
            start, end = match.span(group)
            if start < 0 or start == end or document.is_protected(start, end):
                continue
            replacements = [_expand(match, t) for t in self.templates]
            if self.translation is not None:
                replacements.insert(0, match.group(group).translate(self.translation))
            flagged = match.group(group)
            mapped = self.by_text.get(flagged, self.by_lower.get(" ".join(flagged.lower().split())))
            if mapped is not None:
                replacements[:0] = mapped
            if self.keep_case:
                replacements = [match_case(r, match.group(group)) for r in replacements]
            yield self.finding(start, end, document, replacements)


def _expand(match: re.Match[str], template: str) -> str:
    if "\\o<" in template:
        template = _ORDINAL_REF.sub(lambda ref: ordinal(match.group(ref.group(1)) or ""), template)
    return match.expand(template)


def as_group_references(template: str) -> str:
    """The template with its ordinals as plain group references, for ``re`` to parse."""
    return _ORDINAL_REF.sub(r"\\g<\1>", template)


def ordinal(number: str) -> str:
    """``33`` -> ``33rd``, ``11`` -> ``11th``; anything else as it is."""
    if not number.isdigit():
        return number
    value = int(number)
    suffix = (
        "th" if value % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    )
    return f"{number}{suffix}"


def _suggestions_by_text(by_text: object) -> dict[str, tuple[str, ...]]:
    """``map`` values are one replacement or a list of them, the first the fix."""
    if not isinstance(by_text, dict):
        raise ValueError("map must be a table of flagged text = replacement")
    suggestions: dict[str, tuple[str, ...]] = {}
    for flagged, value in by_text.items():
        values = [value] if isinstance(value, str) else value
        if (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, str) for v in values)
        ):
            raise ValueError(
                f"map entry {flagged!r} must be a replacement or a non-empty list of them"
            )
        suggestions[flagged] = tuple(values)
    return suggestions
