"""``kind = "phrase"``: fixed phrases and their replacements."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from mtcheck.automaton import Reach, fold, reach
from mtcheck.model import Finding
from mtcheck.prefilter import required_literals
from mtcheck.rule import Register, Rule, RuleInfo, match_case

if TYPE_CHECKING:
    from mtcheck.analysis import Analysis
    from mtcheck.document import Document


# A rule compiles the alternation of only the phrases an article can hold this many times
# in one process; then (a folder of articles) the alternation of all its phrases once.
_NARROWED_COMPILES = 8


@lru_cache(maxsize=1024)
def _narrowed_regex(phrases: tuple[str, ...], case_sensitive: bool) -> re.Pattern[str]:
    return phrase_regex(phrases, case_sensitive)


def phrase_regex(phrases: Sequence[str], case_sensitive: bool) -> re.Pattern[str]:
    """One alternation of the phrases, whole words only, any run of spaces between words."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        # Either apostrophe, whichever the rule was typed with (Nation's, Nation’s).
        words = [re.escape(w.replace("’", "'")).replace("'", "['’]") for w in phrase.split()]
        parts.append(r"[ \t]*\n?[ \t]*".join(words) if len(words) > 1 else words[0])
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(parts) + r")(?![\w’'-])", flags)


class PhraseRule(Rule):
    """Flags any of ``match``; ``replace`` lists the fix and further suggestions.

    ``map`` pairs each phrase with its own replacement instead
    (``{ "Cataluña" = "Catalonia" }``); a value may be a list of suggestions,
    or a table ``{ replace = …, spanish = "…" }`` naming the Spanish behind the
    artefact, which the message shows as ``{spanish}``.
    """

    kind: ClassVar[str] = "phrase"
    keys: ClassVar[frozenset[str]] = frozenset(
        {"match", "replace", "case_sensitive", "map", "register"}
    )

    def __init__(self, info: RuleInfo, table: dict[str, Any]) -> None:
        super().__init__(info)
        self.case_sensitive: bool = table.get("case_sensitive", False)
        self.register = Register.parse(table.get("register"))
        mapping = table.get("map", {})
        if not isinstance(mapping, dict):
            raise ValueError("map must be a table of phrase = replacement")
        if mapping and ("match" in table or "replace" in table):
            raise ValueError("use either map, or match with replace")
        self.by_phrase: dict[str, tuple[str, ...]] = {}
        self.spanish: dict[str, str] = {}
        for phrase, value in mapping.items():
            if isinstance(value, dict):
                if set(value) - {"replace", "spanish"} or not isinstance(
                    value.get("spanish", ""), str
                ):
                    raise ValueError(
                        f"map value for {phrase!r}: a table takes 'replace' and 'spanish' strings"
                    )
                if value.get("spanish"):
                    self.spanish[self._key(phrase)] = value["spanish"]
                value = value.get("replace", [])
            values = [value] if isinstance(value, str) else value
            if not (isinstance(values, list) and all(isinstance(v, str) for v in values)):
                raise ValueError(f"map value for {phrase!r} must be a string or list of strings")
            self.by_phrase[self._key(phrase)] = tuple(values)
        if "{spanish}" in info.message:
            lacking = [p for p in mapping if self._key(p) not in self.spanish]
            if lacking:
                raise ValueError(f"the message names {{spanish}} but {lacking[0]!r} has none")
        self.phrases: tuple[str, ...] = tuple(mapping) or tuple(table.get("match", ()))
        if not self.phrases:
            raise ValueError("a phrase rule needs match or map")
        self.replacements: tuple[str, ...] = tuple(table.get("replace", ()))

    def _key(self, phrase: str) -> str:
        words = " ".join(phrase.replace("’", "'").split())
        return words if self.case_sensitive else words.lower()

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled on first use: escaped phrases cannot be a bad pattern, and most
        articles hold none of a rule's anchors."""
        return phrase_regex(self.phrases, self.case_sensitive)

    @cached_property
    def literals(self) -> frozenset[str] | None:
        return required_literals(self.regex)

    @cached_property
    def _phrase_words(self) -> tuple[frozenset[str], ...]:
        """The case-folded words of each phrase, as the automaton sees them."""
        return tuple(frozenset(fold(w) or w for w in phrase.split()) for phrase in self.phrases)

    def _narrowed(self, present: frozenset[str] | None) -> re.Pattern[str]:
        """The alternation of the phrases holding one of the anchors present: it finds
        what the whole alternation finds here, since a match of a phrase holds the
        phrase's anchor, and the phrases keep their order (the longest first) — while
        compiling a few phrases is quicker than compiling hundreds, on a single article."""
        if present is None or "regex" in self.__dict__ or self._compiles >= _NARROWED_COMPILES:
            return self.regex
        self._compiles += 1
        chosen = tuple(
            phrase
            for phrase, words in zip(self.phrases, self._phrase_words, strict=True)
            if not words.isdisjoint(present)
        )
        return _narrowed_regex(chosen, self.case_sensitive)

    _compiles = 0

    def derive_anchors(self) -> frozenset[str] | None:
        """The rarest word of each phrase (every match of the phrase holds it), so that the
        rule runs on the few articles that have it. None when a word does not fold to as
        many characters (İ): such a rule runs on every document."""
        if any(fold(word) is None for phrase in self.phrases for word in phrase.split()):
            return None
        return frozenset(self.companions)

    @cached_property
    def companions(self) -> dict[str, frozenset[str] | None]:
        """Anchor -> the second-rarest words of its phrases, one of which must be in the
        text too (None: a one-word phrase needs nothing more). Case-folded."""
        from mtcheck.lexicon import zipf

        def rarity(word: str) -> tuple[bool, float, int]:
            return len(word) < 3, zipf(word), -len(word)

        found: dict[str, set[str] | None] = {}
        for phrase in self.phrases:
            words = sorted({fold(w) or w for w in phrase.split()}, key=rarity)
            anchor = words[0]
            if len(words) == 1 or found.get(anchor, set()) is None:
                found[anchor] = None
            else:
                found.setdefault(anchor, set()).add(words[1])  # type: ignore[union-attr]
        return {a: None if c is None else frozenset(c) for a, c in found.items()}

    @cached_property
    def reach(self) -> Reach:
        return reach(self.regex)

    def find(self, document: Document, analysis: Analysis) -> Iterator[Finding]:
        if self.register is not None and not self.register.holds(analysis):
            return
        found = analysis.matches(self, self._narrowed, self.literals, self.reach, self.companions)
        for match in found:
            if document.is_protected(match.start(), match.end()):
                continue
            chosen = self.by_phrase.get(self._key(match.group()), self.replacements)
            replacements = [
                r if self.case_sensitive else match_case(r, match.group()) for r in chosen
            ]
            spanish = self.spanish.get(self._key(match.group()))
            if spanish is not None:
                yield self.finding(
                    match.start(), match.end(), document, replacements, spanish=spanish
                )
            else:
                yield self.finding(match.start(), match.end(), document, replacements)
